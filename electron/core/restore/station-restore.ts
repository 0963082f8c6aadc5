import { ContractFailure } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import { restorableFolders } from '../backup/backup-folder';
import type { Logger } from '../logging/logger';
import { newId } from '../db/ids';
import type { RestoreView } from '../../../shared/contract/restore-methods';
import type { SettingsFile } from '../settings/settings-file';
import { createRestoreHandlers } from './restore-handlers';
import { RestoreService } from './restore-service';

/** What the restore needs of the mode that runs. */
export interface RestorableMode {
  /** Its database file in the data folder (`training.sqlite`, `kassa.sqlite`…). */
  databaseFile: string;
  hasOpenSale(): Promise<boolean>;
  lastRestore(): Promise<RestoreView | null>;
}

/** What the restore needs of the station's runtime host (runtime-host.ts). */
export interface RestorableHost {
  /** The mode that runs, or null when none is open (a refused start, a book being replaced). */
  running(): RestorableMode | null;
  closeRuntime(): Promise<void>;
}

export interface StationRestoreOptions {
  dataDir: string;
  migrationsFolder: string;
  now: () => number;
  logger: Logger;
  settingsFile: SettingsFile;
  host: RestorableHost;
  /** Opens the current mode again; after a refused start, tries the start again. */
  reopen: () => Promise<void>;
}

/** The station's restore: its service and the two contract methods it answers. */
export function createStationRestore(
  options: StationRestoreOptions,
): Pick<Handlers, 'backups.restore' | 'restore.getLast'> {
  const { host } = options;
  const service = new RestoreService({
    ...{ dataDir: options.dataDir, migrationsFolder: options.migrationsFolder, now: options.now, newId },
    logger: options.logger,
    backupFolders: () => restorableFolders(options.dataDir, options.settingsFile.read().backup),
    openDatabaseFile: () => host.running()?.databaseFile ?? null,
    assertNoOpenPayment: async () => {
      if (await host.running()?.hasOpenSale()) {
        throw new ContractFailure(
          'PAYMENT_OPEN',
          'Finish or cancel the open payment before restoring a backup',
        );
      }
    },
    closeRuntime: () => host.closeRuntime(),
    reopen: options.reopen,
  });
  const lastRestore = async () => (await host.running()?.lastRestore()) ?? null;
  return createRestoreHandlers({ lastRestore, restore: service });
}
