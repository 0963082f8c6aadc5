import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContractFailure } from '../../shared/contract';
import { parseBackupFileName } from '../core/backup/backup-names';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { newId } from '../core/db/ids';
import { restoreDatabase } from '../core/restore/restore-file';
import { runningStation } from '../core/restore/station-lock';
import { MIGRATIONS_FOLDER } from './paths';

const USAGE = 'usage: npm run restore -- --from FILE [--data DIR] [--database kassa|preprod|training]';
const DATABASES = ['kassa', 'preprod', 'training'] as const;

function fail(message: string, code: 1 | 2): never {
  console.error(code === 2 ? `${message}\n${USAGE}` : message);
  process.exit(code);
}

interface Request {
  source: string;
  dataDir: string;
  databaseFile: string;
  takenAt: number;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      options: { from: { type: 'string' }, data: { type: 'string' }, database: { type: 'string' } },
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error), 2);
  }
}

/**
 * Which database and when: a name Kassa gave its backup says both. Any other file needs `--database`,
 * and its modification time stands for when it was taken (a copy made with `cp -p` keeps it).
 */
function request(argv: string[]): Request {
  const values = parse(argv);
  if (!values.from) fail('--from FILE says which backup to restore', 2);
  const database = values.database;
  if (database !== undefined && !(DATABASES as readonly string[]).includes(database))
    fail('--database must be kassa, preprod or training', 2);
  const source = resolve(values.from);
  if (!existsSync(source)) fail(`${source}: no such file`, 1);
  const named = parseBackupFileName(basename(source));
  if (named && database && named.databaseFile !== `${database}.sqlite`)
    fail(`${basename(source)} is a backup of ${named.databaseFile}, not of ${database}.sqlite`, 2);
  if (!named && !database) fail(`${basename(source)} does not say which database it is: add --database`, 2);
  return {
    source,
    dataDir: resolveDataDir(values.data),
    databaseFile: named?.databaseFile ?? `${database}.sqlite`,
    takenAt: named?.takenAt ?? statSync(source).mtimeMs,
  };
}

/** `npm run restore`: puts a checked backup in its database's place while no station runs on the folder. */
async function main(): Promise<void> {
  keepNewFilesPrivate();
  const req = request(process.argv.slice(2));
  const pid = runningStation(req.dataDir);
  if (pid !== null)
    fail(
      `A station (process ${pid}) is running on ${req.dataDir}: stop it first, or restore from its Settings screen`,
      1,
    );
  try {
    const done = await restoreDatabase({
      ...req,
      takenAt: Math.floor(req.takenAt),
      migrationsFolder: MIGRATIONS_FOLDER,
      now: Date.now(),
      newId,
    });
    const aside = done.movedAside ? `; the replaced file is kept as ${basename(done.movedAside)}` : '';
    console.log(`Restored ${done.databaseFile} in ${req.dataDir} from ${done.fromFile}${aside}.`);
    console.log(
      `The next Z is number ${done.lastZ + 1} or higher; Bancontact is searched for the payments made since ${new Date(done.searchedFrom).toISOString()} when the station next starts.`,
    );
    if (done.lostZ) {
      const { from, to } = done.lostZ;
      const numbers = from === to ? `Z ${from} was` : `Z ${from} to ${to} were`;
      console.log(
        `${numbers} issued after this backup: Bancontact payments recovered from the gap may already be in it.`,
      );
    }
    console.log(
      'Cash sales, wristband payments at the bars and drawer movements made since the backup cannot come back: count the drawers again.',
    );
  } catch (error) {
    if (error instanceof ContractFailure) fail(error.message, 1);
    fail(`Restore failed: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

void main();
