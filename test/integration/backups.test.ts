import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName, type BackupReason } from '../../electron/core/backup/backup-names';
import { pruneBackups } from '../../electron/core/backup/backup-pruning';
import { BackupService } from '../../electron/core/backup/backup-service';
import { openDatabase } from '../../electron/core/db/open-database';
import { silentLogger } from '../../electron/core/logger';
import type { BackupStatusView } from '../../shared/contract/backup-methods';
import { startTestStation, type TestStation } from '../support/station-in-process';
import { MIGRATIONS, tempDir, waitFor } from '../support/temp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function station(options: Parameters<typeof startTestStation>[0] = {}): Promise<TestStation> {
  const kassa = await startTestStation(options);
  cleanups.push(() => kassa.close());
  return kassa;
}

function folder(): string {
  const made = tempDir('kassa-backups-');
  cleanups.push(() => made.remove());
  return made.dir;
}

const key = () => `key-${Math.random().toString(36).slice(2)}`;
const cashSale = (kassa: TestStation, amountCents: number) =>
  kassa.must('till.payCash', { amountCents, tenderedCents: amountCents, idempotencyKey: key(), tillId: 'till-1' });

const statusEvents = (kassa: TestStation): BackupStatusView[] =>
  kassa.events.flatMap((event) => (event.name === 'backups.changed' ? [event.payload] : []));

/** Opens a backup the way a restore would: read-only, and it must pass SQLite's own check. */
function openBackup(path: string): Database.Database {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  cleanups.push(() => void copy.close());
  expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
  return copy;
}

describe('a backup after every Z', () => {
  it('holds that Z and its sales, in a private file in a private folder', async () => {
    const kassa = await station();
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    for (const amount of [1000, 250, 1250]) await cashSale(kassa, amount);
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 2500 });
    const z = await kassa.must('reports.closeDay', {});
    const status = await waitFor(
      () => statusEvents(kassa).find((s) => s.lastBackup?.reason === 'z' && !s.running),
      10_000,
      'the Z backup',
    );
    expect(status).toMatchObject({ databaseFile: 'training.sqlite', lastFailure: null, folderIsDefault: true });
    const file = join(status.folder, status.lastBackup!.fileName);
    const copy = openBackup(file);
    const zRow = copy.prepare('select number from z_reports').all();
    expect(zRow).toEqual([{ number: z.number }]);
    const cash = copy.prepare('select sum(due_cents) as total, count(*) as n from cash_tenders').get();
    expect(cash).toEqual({ total: 2500, n: 3 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(status.folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(status.folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
    const listed = await kassa.must('backups.list', {});
    expect(listed[0]).toMatchObject({ fileName: status.lastBackup!.fileName, reason: 'z', databaseFile: 'training.sqlite' });
    expect(listed[0]!.sizeBytes).toBe(statSync(file).size);
  });
});
