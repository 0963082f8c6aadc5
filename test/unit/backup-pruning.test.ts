import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, type BackupReason } from '../../electron/core/backup/backup-names';
import { pruneBackups } from '../../electron/core/backup/backup-pruning';
import { tempDir } from '../support/temp';

const removals: Array<() => void> = [];
afterEach(() => removals.splice(0).forEach((remove) => remove()));

/** Pruning on real files in a temporary folder, as the backup worker runs it after each good copy. */
function folder(): string {
  const made = tempDir('kassa-pruning-');
  removals.push(made.remove);
  return made.dir;
}

describe('pruning', () => {
  const now = Date.parse('2026-12-03T12:00:00.000Z');
  const hours = (h: number) => h * 3_600_000;
  const name = (databaseFile: string, ageMs: number, reason: BackupReason) =>
    backupFileName({ databaseFile, takenAt: now - ageMs, reason });

  it('keeps a day of everything, the newest of each day for 30 days, Z and migrations for a year', () => {
    const dir = folder();
    const kept = [
      name('kassa.sqlite', hours(1), 'interval'),
      name('kassa.sqlite', hours(2), 'manual'),
      name('kassa.sqlite', hours(23), 'interval'),
      name('kassa.sqlite', hours(50), 'interval'), // 2026-12-01 10:00, the newest of its day
      name('kassa.sqlite', hours(53), 'z'), // the same day, but a Z
      name('kassa.sqlite', hours(24 * 40), 'z'),
      name('kassa.sqlite', hours(24 * 200), 'migration'),
      // Other databases' backups, and files Kassa did not name, are never touched.
      name('training.sqlite', hours(24 * 90), 'interval'),
      name('preprod.sqlite', hours(24 * 400), 'z'),
      'notes.txt',
      'kassa-backup.sqlite',
      `${name('training.sqlite', hours(3), 'interval')}.partial`,
    ];
    const pruned = [
      name('kassa.sqlite', hours(52), 'interval'), // 2026-12-01 08:00: an older one of that day
      name('kassa.sqlite', hours(24 * 40), 'interval'),
      name('kassa.sqlite', hours(24 * 40), 'manual').replace('000Z', '001Z'),
      name('kassa.sqlite', hours(24 * 400), 'z'),
      `${name('kassa.sqlite', hours(5), 'interval')}.partial`, // a copy a crash interrupted
    ];
    for (const file of [...kept, ...pruned]) writeFileSync(join(dir, file), 'x');
    const removed = pruneBackups(dir, 'kassa.sqlite', now);
    expect(readdirSync(dir).sort()).toEqual([...kept].sort());
    expect(removed.sort()).toEqual(pruned.filter((file) => !file.endsWith('.partial')).sort());
  });

  it('never removes the newest backup, however old', () => {
    const dir = folder();
    const only = name('kassa.sqlite', hours(24 * 500), 'interval');
    writeFileSync(join(dir, only), 'x');
    expect(pruneBackups(dir, 'kassa.sqlite', now)).toEqual([]);
    expect(readdirSync(dir)).toEqual([only]);
  });
});
