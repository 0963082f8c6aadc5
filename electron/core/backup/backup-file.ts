import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { syncFile, syncFolder } from '../files/durable-file';

/** The file a backup is written to before it is complete; never a name `parseBackupFileName` accepts. */
export const PARTIAL = '.partial';

/**
 * Writes a consistent copy of the database `sqlite` is connected to as `folder/fileName`, and makes it
 * durable: `VACUUM INTO` a `.partial` file created empty with mode 0600 (so the copy is never readable
 * by others, whatever the umask), fsync it, rename it to its final name, fsync the folder. A crash at
 * any point leaves either no backup of that name or the whole of it. Synchronous: callers run it in a
 * worker (backup-worker.ts), or before the station serves (a migration). Answers the size in bytes.
 */
export function writeBackup(sqlite: Database.Database, folder: string, fileName: string): number {
  prepareFolder(folder);
  const partial = join(folder, fileName + PARTIAL);
  const target = join(folder, fileName);
  // VACUUM INTO takes a missing or empty file only; 'wx' also refuses to reuse a leftover partial.
  rmSync(partial, { force: true });
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    sqlite.prepare('VACUUM INTO ?').run(partial);
    syncFile(partial);
    renameSync(partial, target);
    syncFolder(folder);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return statSync(target).size;
}

/** The folder holds copies of the books: created owner-only (0700) when Kassa makes it. */
function prepareFolder(folder: string): void {
  // A folder Kassa creates is owner-only; an existing one (a USB stick's mount point, a share) keeps
  // its modes, which are its owner's business: the backup files themselves are created 0600.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
}
