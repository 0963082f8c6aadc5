import { z } from 'zod';
import { out } from './method-spec';

/** Why a backup was taken; the last part of its file name (`kassa-20261203T101500123Z-z.sqlite`). */
export const BACKUP_REASONS = ['z', 'interval', 'migration', 'manual', 'restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** One backup file in the backup folder. */
export interface BackupView {
  fileName: string;
  /** The database it copies: `kassa.sqlite`, `preprod.sqlite` or `training.sqlite`. */
  databaseFile: string;
  /** When it was taken (ISO, UTC), read from its name. */
  takenAt: string;
  reason: BackupReason;
  sizeBytes: number;
}

/** The backups of the current mode's database: where they go, how often, how the last one went. */
export interface BackupStatusView {
  /** The folder backups go to: the chosen one, or `backups/` in the data folder. */
  folder: string;
  /** True while no other folder was chosen. */
  folderIsDefault: boolean;
  intervalMinutes: number;
  /** The current mode's database file. */
  databaseFile: string;
  /** A backup of that database is being written now. */
  running: boolean;
  lastBackup: BackupView | null;
  /** The last attempt failed (and none succeeded since): the manager must act. */
  lastFailure: { at: string; reason: BackupReason; message: string } | null;
}

const nothing = z.object({}).strict();

/** Backups of each mode's database; merged into `methods`. Restoring one is in `restore-methods.ts`. */
export const backupMethods = {
  'backups.getStatus': { permission: 'signedIn', input: nothing, output: out<BackupStatusView>() },
  'backups.list': {
    permission: 'administer',
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: out<BackupView[]>(),
  },
  /** Takes a backup of the current mode's database now and answers when it is on disk. */
  'backups.runNow': { permission: 'administer', input: nothing, output: out<BackupView>() },
  'backups.setFolder': {
    permission: 'administer',
    // null: back to `backups/` in the data folder. The station checks the folder itself (absolute, writable).
    input: z.object({ folder: z.string().trim().min(1).max(1000).nullable() }).strict(),
    output: out<BackupStatusView>(),
  },
  'backups.setInterval': {
    permission: 'administer',
    input: z.object({ intervalMinutes: z.number().int().min(1).max(1440) }).strict(),
    output: out<BackupStatusView>(),
  },
} as const;
