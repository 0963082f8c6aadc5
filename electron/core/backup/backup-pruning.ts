import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups, type BackupFile } from './backup-folder';
import { parseBackupFileName } from './backup-names';
import { PARTIAL } from './backup-file';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The pruning rule in numbers (docs/backups.md and the Backups section say the same in words). */
export const PRUNING = {
  /** Every backup younger than this is kept. */
  keepAllMs: DAY,
  /** Then the newest backup of each UTC day, up to this age. */
  keepDailyMs: 30 * DAY,
  /** Backups taken after a Z, before a migration or before a restore are kept this long. */
  keepMilestonesMs: 365 * DAY,
} as const;

const MILESTONES = new Set(['z', 'migration', 'restore']);

/**
 * Which of one database's backups the rule lets go, given them newest first: younger than a day,
 * kept; up to 30 days, the newest of each UTC day kept; Z, migration and restore backups kept for a
 * year; the newest backup is never let go, however old, so there is always one to restore.
 */
export function backupsToPrune(backups: BackupFile[], now: number): BackupFile[] {
  const daysSeen = new Set<number>();
  return backups.filter((backup, index) => {
    const age = now - backup.takenAt;
    const day = Math.floor(backup.takenAt / DAY);
    const firstOfDay = !daysSeen.has(day);
    daysSeen.add(day);
    if (index === 0 || age < PRUNING.keepAllMs) return false;
    if (age < PRUNING.keepDailyMs && firstOfDay) return false;
    if (age < PRUNING.keepMilestonesMs && MILESTONES.has(backup.reason)) return false;
    return true;
  });
}

/**
 * Applies the rule to `databaseFile`'s backups in `folder`, and removes that database's `.partial`
 * leftovers of a copy a crash interrupted (the caller runs this only once its own copy has ended).
 * Only names Kassa gives are ever touched. Answers the file names removed.
 */
export function pruneBackups(folder: string, databaseFile: string, now: number): string[] {
  const own = listBackups(folder).filter((backup) => backup.databaseFile === databaseFile);
  const removed = backupsToPrune(own, now).map((backup) => {
    rmSync(backup.path, { force: true });
    return backup.fileName;
  });
  for (const name of leftoverPartials(folder, databaseFile)) rmSync(join(folder, name), { force: true });
  return removed;
}

function leftoverPartials(folder: string, databaseFile: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const complete = name.endsWith(PARTIAL) ? name.slice(0, -PARTIAL.length) : null;
    return complete !== null && parseBackupFileName(complete)?.databaseFile === databaseFile;
  });
}
