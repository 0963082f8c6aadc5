import { fileStamp } from '../files/file-stamp';
import { BACKUP_REASONS, type BackupReason } from '../../../shared/contract/backup-methods';

// Why a backup was taken, part of its file name: one list, in the contract, which names the reasons too.
export { BACKUP_REASONS, type BackupReason };

export interface BackupName {
  /** The database it copies: `kassa.sqlite`, `preprod.sqlite`, `training.sqlite` (or `station.sqlite`). */
  databaseFile: string;
  takenAt: number;
  reason: BackupReason;
}

// `station` is the station's own database (people, devices, audit log), kept apart in `<folder>/station/`
// so that it is never offered as a book to restore.
const NAME = /^(kassa|preprod|training|station)-(\d{8}T\d{9}Z)-([a-z]+)\.sqlite$/;

/**
 * `kassa-20261203T101500123Z-z.sqlite`: the database, when (UTC, to the millisecond, so names sort by
 * time) and why. A restore reads the time the backup was taken from its name.
 */
export function backupFileName({ databaseFile, takenAt, reason }: BackupName): string {
  const base = databaseFile.replace(/\.sqlite$/, '');
  return `${base}-${fileStamp(takenAt)}-${reason}.sqlite`;
}

/** The parts of a backup's file name, or null for a name Kassa did not give. */
export function parseBackupFileName(name: string): BackupName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, base, stamp, reason] = match as unknown as [string, string, string, string];
  if (!(BACKUP_REASONS as readonly string[]).includes(reason)) return null;
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  const takenAt = Date.parse(iso);
  if (Number.isNaN(takenAt)) return null;
  return { databaseFile: `${base}.sqlite`, takenAt, reason: reason as BackupReason };
}
