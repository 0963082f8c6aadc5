import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ContractFailure } from '../../../shared/contract';
import type { RestoreResultView } from '../../../shared/contract/restore-methods';
import { parseBackupFileName } from '../backup/backup-names';
import type { Logger } from '../logging/logger';
import { checkBackup } from './backup-check';
import { restoreDatabase, type RestoreOutcome } from './restore-file';

export interface RestoreServiceDeps {
  dataDir: string;
  migrationsFolder: string;
  now: () => number;
  newId: () => string;
  logger: Logger;
  /** The folder `backups.list` lists: a restore through the station only takes a file from there. */
  /** Where backups may be, in order (backup-folder.ts `restorableFolders`). */
  backupFolders: () => string[];
  /** The database file the running mode has open, or null when none is open (a refused start). */
  openDatabaseFile: () => string | null;
  /** Throws PAYMENT_OPEN while a till waits for a payment. */
  assertNoOpenPayment: () => Promise<void>;
  /** Lets go of the open database, so its file can be replaced. */
  closeRuntime: () => Promise<void> | void;
  /** Opens the current mode again (and leaves a refused state when the restore repaired it). */
  reopen: () => Promise<void>;
}

/**
 * `backups.restore` through the running station: checks the backup before touching anything, refuses
 * while a payment is open, closes the mode whose database is replaced, restores, and opens it again.
 * The gap's Bancontact payments are searched for by that reopened mode (GapRecovery).
 */
export class RestoreService {
  private busy = false;

  constructor(private readonly deps: RestoreServiceDeps) {}

  /** One at a time: a second request while the mode is closed for the first would find no mode to close. */
  async restore(fileName: string): Promise<RestoreResultView> {
    if (this.busy) throw new ContractFailure('CONFLICT', 'A restore is already running');
    this.busy = true;
    try {
      return await this.restoreNamed(fileName);
    } finally {
      this.busy = false;
    }
  }

  private async restoreNamed(fileName: string): Promise<RestoreResultView> {
    const name = parseBackupFileName(fileName);
    const folders = this.deps.backupFolders();
    const found = folders.map((folder) => join(folder, basename(fileName))).find((path) => existsSync(path));
    if (!name || !found) {
      throw new ContractFailure('NOT_FOUND', `No backup ${fileName} in ${folders.join(', ')}`);
    }
    const source = found;
    const checked = checkBackup(source, this.deps.migrationsFolder);
    const open = this.deps.openDatabaseFile();
    if (open !== null) await this.deps.assertNoOpenPayment();
    if (open !== null) await this.deps.closeRuntime();
    let outcome: RestoreOutcome;
    try {
      outcome = await restoreDatabase({
        ...{ dataDir: this.deps.dataDir, migrationsFolder: this.deps.migrationsFolder, source, checked },
        ...{
          databaseFile: name.databaseFile,
          takenAt: name.takenAt,
          now: this.deps.now(),
          newId: this.deps.newId,
        },
      });
    } finally {
      // Whatever happened, the station serves again: the restored book, or the one it had.
      await this.deps.reopen();
    }
    this.deps.logger.info(
      `restored ${outcome.databaseFile} from ${outcome.fromFile}` +
        (outcome.movedAside ? `; the replaced file is kept as ${basename(outcome.movedAside)}` : ''),
    );
    return resultView(outcome);
  }
}

export function resultView(outcome: RestoreOutcome): RestoreResultView {
  return {
    databaseFile: outcome.databaseFile,
    fromFile: outcome.fromFile,
    backupTakenAt: new Date(outcome.takenAt).toISOString(),
    restoredAt: new Date(outcome.restoredAt).toISOString(),
    movedAside: outcome.movedAside ? basename(outcome.movedAside) : null,
    lastZ: outcome.lastZ,
    lostZ: outcome.lostZ,
  };
}
