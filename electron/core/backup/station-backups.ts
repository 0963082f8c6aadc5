import type { BackupStatusView } from '../../../shared/contract/backup-methods';
import type { Handlers } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import type { ModeRuntime, RuntimeBackupHooks } from '../mode-runtime';
import { databaseFileFor } from '../modes/resolve-mode';
import type { SettingsFile } from '../settings/settings-file';
import { createBackupHandlers } from './backup-handlers';
import { BackupService, type BackupSettings, type OpenDatabase } from './backup-service';

export interface StationBackupsOptions {
  dataDir: string;
  settingsFile: SettingsFile;
  logger: Logger;
  now: () => number;
  /** The current mode's runtime; throws while none runs. */
  current: () => ModeRuntime;
  emit: (status: BackupStatusView) => void;
  checkEveryMs?: number;
}

export interface StationBackups {
  service: BackupService;
  /** For the runtime host: a backup before migrating each mode's database and after each Z. */
  hooks: RuntimeBackupHooks;
  handlers: ReturnType<typeof createBackupHandlers>;
}

/** The station's backups, wired to its settings file, its current mode and its events. */
export function createStationBackups(options: StationBackupsOptions): StationBackups {
  const { settingsFile } = options;
  const settings = () => settingsFile.read().backup;
  const service = new BackupService({
    ...options,
    settings,
    current: () => openDatabaseOf(options.current),
    onChanged: options.emit,
  });
  const hooks: RuntimeBackupHooks = {
    beforeMigrating: (sqlite, migrationsFolder, databaseFile) =>
      service.beforeMigrating(sqlite, migrationsFolder, databaseFile),
    afterZ: (databaseFile) => service.afterZ(databaseFile),
    opened: (databaseFile, sqlite) => service.opened({ databaseFile, sqlite }),
  };
  // Merged into what is stored, so that fields this Kassa does not know survive the rewrite.
  const saveSettings = (next: BackupSettings) =>
    void settingsFile.update({ backup: { ...settings(), ...next } });
  return { service, hooks, handlers: createBackupHandlers({ backups: service, settings, saveSettings }) };
}

function openDatabaseOf(current: () => ModeRuntime): OpenDatabase | null {
  let runtime: ModeRuntime;
  try {
    runtime = current();
  } catch {
    return null;
  }
  return { databaseFile: databaseFileFor(runtime.mode, runtime.environment), sqlite: runtime.db.$client };
}

export type BackupHandlers = Pick<Handlers, keyof StationBackups['handlers']>;
