import { ContractFailure } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import { restorableFolders } from '../backup/backup-folder';
import type { Logger } from '../logging/logger';
import { newId } from '../db/ids';
import type { ModeRuntime } from '../mode-runtime';
import { databaseFileFor } from '../modes/resolve-mode';
import type { SettingsFile } from '../settings/settings-file';
import { createRestoreHandlers } from './restore-handlers';
import { RestoreService } from './restore-service';

/** What the restore needs of the station's runtime host (runtime-host.ts). */
export interface RestorableHost {
  current(): ModeRuntime;
  closeRuntime(): void;
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
  const runtime = (): ModeRuntime | null => {
    try {
      return host.current();
    } catch {
      return null;
    }
  };
  const service = new RestoreService({
    ...{ dataDir: options.dataDir, migrationsFolder: options.migrationsFolder, now: options.now, newId },
    logger: options.logger,
    backupFolders: () => restorableFolders(options.dataDir, options.settingsFile.read().backup),
    openDatabaseFile: () => {
      const open = runtime();
      return open ? databaseFileFor(open.mode, open.environment) : null;
    },
    assertNoOpenPayment: () => {
      if (runtime()?.repo.findAnyOpenSale()) {
        throw new ContractFailure(
          'PAYMENT_OPEN',
          'Finish or cancel the open payment before restoring a backup',
        );
      }
    },
    closeRuntime: () => host.closeRuntime(),
    reopen: options.reopen,
  });
  return createRestoreHandlers({ runtime, restore: service });
}
