import { parseArgs } from 'node:util';
import { ContractFailure } from '../../shared/contract';
import { LIVE_DATABASE_FILES, type LiveDatabaseFile } from '../../shared/contract/station-methods';
import { startNewBook } from '../core/books/new-book';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { openDatabase } from '../core/db/open-database';
import { runningStation } from '../core/restore/station-lock';
import { createSettingsFile } from '../core/settings/settings-file';
import { MIGRATIONS_FOLDER } from './paths';

const USAGE = 'usage: npm run new-book -- [--data DIR] [--file kassa.sqlite|preprod.sqlite]';

class UsageError extends Error {}

interface Request {
  dataDir: string;
  databaseFile: LiveDatabaseFile;
}

function request(argv: string[]): Request {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: { data: { type: 'string' }, file: { type: 'string' } },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const dataDir = resolveDataDir(values.data);
  const file = values.file ?? liveFileOf(dataDir);
  if (!(LIVE_DATABASE_FILES as readonly string[]).includes(file))
    throw new UsageError(`--file must be one of ${LIVE_DATABASE_FILES.join(', ')}`);
  return { dataDir, databaseFile: file as LiveDatabaseFile };
}

/** The live book the settings point at; when they cannot be read, the file must be named. */
function liveFileOf(dataDir: string): string {
  try {
    return createSettingsFile(dataDir).read().environment === 'preprod' ? 'preprod.sqlite' : 'kassa.sqlite';
  } catch (error) {
    if (error instanceof ContractFailure)
      throw new UsageError(`the settings cannot be read (${error.message}): name the book with --file`);
    throw error;
  }
}

/**
 * `npm run new-book`: the explicit remedy for a live book the station refuses. The old file is moved
 * aside (never deleted), the new book's Z numbers continue above the old one's, and the station then
 * starts on it. Refuses while a station runs on the folder: it holds the book open.
 */
async function main(argv: string[]): Promise<number> {
  keepNewFilesPrivate();
  const { dataDir, databaseFile } = request(argv);
  const pid = runningStation(dataDir);
  if (pid !== null) {
    console.error(
      `A station (process ${pid}) is running on ${dataDir}: stop it first, or use its refusal screen.`,
    );
    return 1;
  }
  const done = await startNewBook({
    dataDir,
    databaseFile,
    at: Date.now(),
    open: (file) => openDatabase({ file, migrationsFolder: MIGRATIONS_FOLDER }),
  });
  const aside =
    done.movedAside.length > 0
      ? `the old one is kept as ${done.movedAside.join(', ')}`
      : 'there was no old file';
  console.log(`Started a new book in ${dataDir}/${databaseFile}; ${aside}.`);
  console.log(`Its first Z will be number ${done.nextZNumber}.`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
