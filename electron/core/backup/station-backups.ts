import type Database from 'better-sqlite3';
import type { BackupStatusView } from '../../../shared/contract/backup-methods';
import type { Handlers } from '../api/dispatcher';
import type { Logger } from '../logging/logger';
import type { Db } from '../db/open-database';
import { SqliteStore } from '../db/unit-of-work';
import type { SettingsFile } from '../settings/settings-file';
import { createBackupHandlers } from './backup-handlers';
import { BackupService, type BackupSettings, type OpenDatabase } from './backup-service';

/** Backups of a mode's database before a migration and after every Z (backup/backup-service.ts). */
export interface RuntimeBackupHooks {
  beforeMigrating(sqlite: Database.Database, migrationsFolder: string, databaseFile: string): void;
  afterZ(databaseFile: string): void;
  /** Once the mode is open: what it wrote while opening is not activity that calls for a backup. */
  opened(databaseFile: string, db: Db): void;
}

/**
 * The connection a backup copies and counts changes on: backups are SQLite's own (`VACUUM INTO`, a
 * worker with its own connection, `total_changes()`).
 */
export function sqliteClientOf(db: Db): Database.Database {
  if (db instanceof SqliteStore) return db.client;
  throw new Error('Backups on PostgreSQL come with stage c');
}

export interface StationBackupsOptions {
  dataDir: string;
  settingsFile: SettingsFile;
  logger: Logger;
  now: () => number;
  /** The current mode's database, or null while none runs. */
  current: () => OpenDatabase | null;
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
    current: options.current,
    onChanged: options.emit,
  });
  const hooks: RuntimeBackupHooks = {
    beforeMigrating: (sqlite, migrationsFolder, databaseFile) =>
      service.beforeMigrating(sqlite, migrationsFolder, databaseFile),
    afterZ: (databaseFile) => service.afterZ(databaseFile),
    opened: (databaseFile, db) => service.opened({ databaseFile, sqlite: sqliteClientOf(db) }),
  };
  // Merged into what is stored, so that fields this Kassa does not know survive the rewrite.
  const saveSettings = (next: BackupSettings) =>
    void settingsFile.update({ backup: { ...settings(), ...next } });
  return { service, hooks, handlers: createBackupHandlers({ backups: service, settings, saveSettings }) };
}

export type BackupHandlers = Pick<Handlers, keyof StationBackups['handlers']>;
