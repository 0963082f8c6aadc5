import { basename } from 'node:path';
import { ContractFailure, type ErrorCode, type PrintJobView } from '../../shared/contract';
import { checkWristbandId } from '../../shared/domain/wristband-id';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { checkWritableFolder } from '../core/books/refused-state';
import { createSettingsFile } from '../core/settings/settings-file';
import { BatchService } from '../core/topup/batch-service';
import { printContext, type PrintContext } from '../core/topup/print-context';
import type { Db } from '../core/db/open-database';
import { PrintJobs } from '../core/topup/print-jobs';
import { commandLineDatabase, commandLineMode, openCommandLineBooks } from './command-line-mode';
import { parseBatch, UsageError, USAGE, type BatchCommand } from './topup-args';

/** Failures that are the command line's fault (exit 2), as opposed to the run's (exit 1). */
const INPUT_ERRORS: readonly ErrorCode[] = [
  'INVALID_INPUT',
  'AMOUNT_MODE_MISMATCH',
  'NOT_FOUND',
  'NOT_CONFIGURED',
];

function verifyId(args: string[]): number {
  if (args.length !== 1 || args[0] === undefined) throw new UsageError('verify-id takes exactly one id');
  const checked = checkWristbandId(args[0]);
  if (checked.ok) {
    console.log(`${checked.id} is a well-formed wristband id`);
    return 0;
  }
  const why = {
    empty: 'it is empty',
    not_a_topup_code: 'it is not a top-up code',
    length: 'it does not have 12 symbols',
    character: 'it has a character no id has',
    check: 'its check characters do not match: a symbol is wrong or two are swapped',
  };
  console.log(`${args[0]} is not a wristband id: ${why[checked.problem]}`);
  return 1;
}

function progressLine(job: PrintJobView): string {
  const left = job.secondsLeft === null ? '' : `, ${job.secondsLeft} s left`;
  return `${job.done}/${job.total} codes, ${job.codesPerSecond} codes/s${left}`;
}

/** `--database`, else KASSA_DATABASE, else null (SQLite); a malformed address is the command line's fault. */
function siteOf(command: BatchCommand): string | null {
  try {
    return commandLineDatabase(command.database);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The mode's books, in the data folder or on the site's PostgreSQL. A live book that fails the
 * station's checks is refused in one line (exit 1), never opened empty.
 */
function openBooksFor(dataDir: string, context: PrintContext, database: string | null): Promise<Db> {
  const live = context.mode === 'live';
  const databaseFile = basename(context.databaseFile);
  return openCommandLineBooks({ dataDir, databaseFile, live, database, applicationName: 'kassa-topup' });
}

async function batch(command: BatchCommand): Promise<number> {
  const dataDir = resolveDataDir(command.data);
  const database = siteOf(command);
  checkWritableFolder(dataDir);
  const stored = createSettingsFile(dataDir).read();
  const context = printContext(dataDir, stored, await commandLineMode(dataDir, stored, database));
  const db = await openBooksFor(dataDir, context, database);
  const service = new BatchService({ db, profiles: context.profiles, now: Date.now });
  const printing = new PrintJobs({
    dataDir,
    emit: (job) => job.state === 'running' && console.error(progressLine(job)),
  });
  try {
    const row = await service.create(command.input);
    const view = await service.view(row);
    console.error(
      `Batch ${row.id} (${context.mode} mode): ${row.count} wristbands ${view.firstWristbandId} … ${view.lastWristbandId}`,
    );
    const locale = command.localeGiven ? (command.input.locale ?? stored.locale) : stored.locale;
    const job = printing.start(
      row.id,
      await service.print(row, command.input.layout, command.input.grid, locale),
      command.out,
    );
    process.once('SIGINT', () => printing.cancel(job.jobId));
    const end = await printing.finished(job.jobId);
    if (end?.state !== 'done') {
      console.error(
        end?.state === 'cancelled'
          ? 'Cancelled: no PDF was written'
          : `Printing failed: ${end?.error ?? 'unknown'}`,
      );
      return 1;
    }
    console.log(command.out);
    return 0;
  } finally {
    await db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  keepNewFilesPrivate();
  const [command, ...rest] = argv;
  if (command === 'verify-id') return verifyId(rest);
  if (command === 'batch') return batch(parseBatch(rest));
  throw new UsageError(command === undefined ? 'no command given' : `unknown command: ${command}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    if (error instanceof ContractFailure) {
      console.error(error.message);
      process.exit(INPUT_ERRORS.includes(error.code) ? 2 : 1);
    }
    console.error(error);
    process.exit(1);
  },
);
