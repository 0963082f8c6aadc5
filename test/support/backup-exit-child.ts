import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BackupService } from '../../electron/core/backup/backup-service';
import { silentLogger } from '../../electron/core/logging/logger';

/*
 * The end of a bench run, or of a test, in its own process: `node --import tsx backup-exit-child.ts
 * <data folder>` backs up the folder's training.sqlite, and once the copy grows on disk, stops the
 * backups as a stopping station does, removes the data folder and exits. It prints what it did.
 */
const dataDir = process.argv[2]!;
const books = new Database(join(dataDir, 'training.sqlite'));
const backups = new BackupService({
  dataDir,
  settings: () => ({ folder: null, intervalMinutes: 5, previousFolders: [] }),
  current: () => ({ databaseFile: 'training.sqlite', sqlite: books }),
  now: Date.now,
  logger: silentLogger,
  onChanged: () => undefined,
});
const copying = () => {
  const folder = backups.folder();
  try {
    return readdirSync(folder).some((name) => name.endsWith('.partial') && statSync(join(folder, name)).size > 0);
  } catch {
    return false;
  }
};
void backups.backUp('z').then((outcome) => console.log(`backup ${outcome.ok ? 'written' : 'failed'}`));
const timer = setInterval(() => {
  if (!copying()) return;
  clearInterval(timer);
  console.log('stopping while the copy is written');
  void backups.stop().then(() => {
    books.close();
    rmSync(dataDir, { recursive: true, force: true });
    console.log('stopped, data folder removed, exiting');
    process.exit(0);
  });
}, 2);
