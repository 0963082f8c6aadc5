import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFileName } from '../../electron/core/backup/backup-names';
import {
  backUp,
  cashDay,
  nextKey,
  openStation,
  paidSale,
  searched,
  topUp,
  type Kassa,
} from '../support/restore-station';
import { tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let kassa: Kassa | null = null;
afterEach(async () => {
  await kassa?.stop();
  kassa = null;
  folder.remove();
});

describe('backup and restore round trip', () => {
  it('re-learns the gap’s Bancontact sales and top-ups, invents no cash sale, and never reuses a Z number', async () => {
    folder = tempDir();
    kassa = await openStation(folder.dir);
    const { batch } = await kassa.must('topup.createBatch', {
      ...{ count: 2, amountMode: 'open', description: 'Top-up', eventName: 'Fest', layout: 'label' },
    });
    const wristbandId = batch.firstWristbandId;
    await paidSale(kassa, 1_000);
    await cashDay(kassa, 500);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(1);
    const backup = backUp(folder.dir, 'training.sqlite');

    // The gap: what happens after the backup and is lost when it is restored.
    const gapSales = [await paidSale(kassa, 1_234), await paidSale(kassa, 2_345)];
    const cancelled = await kassa.must('till.startPayment', { amountCents: 999, idempotencyKey: nextKey() });
    await kassa.must('till.cancelPayment', { saleId: cancelled.id });
    const topupId = await topUp(kassa, wristbandId, 1_500);
    await cashDay(kassa, 700);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(2);

    const result = await kassa.must('backups.restore', { fileName: backup });
    expect(result).toMatchObject({
      databaseFile: 'training.sqlite',
      fromFile: backup,
      lastZ: 2,
      lostZ: { from: 2, to: 2 },
    });
    expect(result.movedAside).toMatch(/^training\.sqlite\.before-restore-/);
    expect(existsSync(join(folder.dir, result.movedAside!))).toBe(true);

    const last = await searched(kassa);
    const bancontactIds = gapSales.map((sale) => sale.payment!.bancontactId);
    const recoveredSales = last.recovered.filter((p) => p.kind === 'sale');
    expect(recoveredSales.map((p) => p.bancontactId).sort()).toEqual([...bancontactIds].sort());
    expect(recoveredSales.map((p) => p.amountCents).sort()).toEqual([1_234, 2_345]);
    expect(last.recovered.filter((p) => p.kind === 'topup')).toEqual([
      expect.objectContaining({ bancontactId: topupId, amountCents: 1_500, wristbandId }),
    ]);
    expect(last.cannotComeBack).toEqual([
      'cash_sales',
      'wristband_debits',
      'drawer_movements',
      'festival_unreadable',
    ]);
    expect((await kassa.must('wristbands.get', { wristbandId })).balanceCents).toBe(1_500);

    const x = await kassa.must('reports.getX', {});
    expect(x.byTill.find((line) => line.id === 'recovered')).toMatchObject({ count: 2, cents: 3_579 });
    expect(x.sales).toMatchObject({ count: 2, cents: 3_579 });
    expect(x.cash.sales.count).toBe(0);
    expect(x.wristbands.topUps).toMatchObject({ count: 1, cents: 1_500 });

    // Running the recovery again (as a restart would) brings nothing back twice.
    const db = new Database(join(folder.dir, 'training.sqlite'));
    db.prepare('UPDATE restores SET searched_at = NULL').run();
    db.close();
    await kassa.stop();
    kassa = await openStation(folder.dir);
    expect((await searched(kassa)).recovered).toHaveLength(3);
    expect((await kassa.must('reports.getX', {})).sales).toMatchObject({ count: 2, cents: 3_579 });
    expect((await kassa.must('wristbands.get', { wristbandId })).balanceCents).toBe(1_500);

    await paidSale(kassa, 100);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(3);
  });

  it('refuses a file that is not a good backup, and changes nothing', async () => {
    folder = tempDir();
    kassa = await openStation(folder.dir);
    await paidSale(kassa, 1_000);
    const good = backUp(folder.dir, 'training.sqlite');
    const backups = join(folder.dir, 'backups');
    const named = (at: number) =>
      backupFileName({ databaseFile: 'training.sqlite', takenAt: at, reason: 'manual' });
    writeFileSync(join(backups, named(1)), '');
    writeFileSync(join(backups, named(2)), 'this is not a database at all, just text');
    const other = new Database(join(backups, named(3)));
    other.exec('CREATE TABLE notes (text TEXT)');
    other.close();
    copyFileSync(join(backups, good), join(backups, named(4)));
    const newer = new Database(join(backups, named(4)));
    newer.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9e15);
    newer.close();
    const before = readdirSync(folder.dir).sort();
    const reasons: Record<number, RegExp> = {
      1: /empty/,
      2: /not a SQLite/,
      3: /not a Kassa database/,
      4: /newer Kassa/,
    };
    for (const [at, reason] of Object.entries(reasons)) {
      const refused = await kassa.call('backups.restore', { fileName: named(Number(at)) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_INVALID' } });
      expect(!refused.ok && refused.error.message).toMatch(reason);
    }
    expect(await kassa.call('backups.restore', { fileName: named(5) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await kassa.call('backups.restore', { fileName: '../training.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(readdirSync(folder.dir).sort()).toEqual(before);
    expect(await kassa.must('till.listSales', {})).toHaveLength(1);
    expect(await kassa.must('restore.getLast', {})).toBeNull();
  });

  it('refuses to restore while a payment is open', async () => {
    folder = tempDir();
    kassa = await openStation(folder.dir);
    const backup = backUp(folder.dir, 'training.sqlite');
    const open = await kassa.must('till.startPayment', { amountCents: 300, idempotencyKey: nextKey() });
    expect(await kassa.call('backups.restore', { fileName: backup })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT_OPEN' },
    });
    expect((await kassa.must('till.getSale', { saleId: open.id })).status).toBe('open');
    await kassa.must('till.cancelPayment', { saleId: open.id });
    expect(await kassa.call('backups.restore', { fileName: backup })).toMatchObject({ ok: true });
  });
});
