import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpShell, type HttpShell } from '../../electron/core/api/http-server';
import { backupFileName } from '../../electron/core/backup/backup-names';
import { silentLogger } from '../../electron/core/logger';
import { createStation, type Station, type StationOptions } from '../../electron/core/station';
import type { MethodName, MethodOutput, SaleView } from '../../shared/contract';
import type { RestoreView } from '../../shared/contract/restore-methods';
import { localCaller } from '../support/station-in-process';
import { MIGRATIONS, REPO_ROOT, tempDir, waitFor } from '../support/temp';
import { topupPayload } from '../support/wristbands';

/** A station with its HTTP shell on a data folder the test keeps, so it can be stopped and started again. */
async function openStation(dataDir: string, options: Partial<StationOptions> = {}) {
  const station: Station = createStation({
    dataDir,
    migrationsFolder: MIGRATIONS,
    logger: silentLogger,
    ...options,
  });
  const shell: HttpShell = await startHttpShell(station, { port: 0 });
  station.setLocalUrl(shell.url);
  await station.start();
  const call = <M extends MethodName>(method: M, input: unknown) =>
    station.dispatch(method, input, localCaller);
  const must = async <M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> => {
    const result = await call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const sim = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${station.simulatorUrl()}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as T;
  };
  return {
    station,
    call,
    must,
    sim,
    async stop() {
      await shell.close();
      await station.stop();
    },
  };
}
type Kassa = Awaited<ReturnType<typeof openStation>>;

let key = 0;
const nextKey = () => `restore-test-${++key}-${Date.now()}`;

async function paidSale(kassa: Kassa, amountCents: number): Promise<SaleView> {
  const sale = await kassa.must('till.startPayment', { amountCents, idempotencyKey: nextKey() });
  await kassa.must('training.scan', { saleId: sale.id });
  await kassa.must('training.confirm', { saleId: sale.id });
  return waitFor(async () => {
    const now = await kassa.must('till.getSale', { saleId: sale.id });
    return now.status === 'paid' ? now : undefined;
  });
}

async function cashDay(kassa: Kassa, amountCents: number): Promise<void> {
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
  await kassa.must('till.payCash', { amountCents, tenderedCents: amountCents, idempotencyKey: nextKey() });
  await kassa.must('drawer.close', { tillId: 'till-1', countedCents: amountCents });
}

async function topUp(kassa: Kassa, wristbandId: string, amount: number): Promise<string> {
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
  await waitFor(async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents >= amount);
  return paymentId;
}

/** What the backup runner makes (a consistent copy, named as Kassa names its backups), without depending on it. */
function backUp(dataDir: string, databaseFile: string, folder = join(dataDir, 'backups')): string {
  mkdirSync(folder, { recursive: true });
  const name = backupFileName({ databaseFile, takenAt: Date.now(), reason: 'manual' });
  const sqlite = new Database(join(dataDir, databaseFile), { readonly: true });
  try {
    sqlite.prepare('VACUUM INTO ?').run(join(folder, name));
  } finally {
    sqlite.close();
  }
  return name;
}

const searched = (kassa: Kassa) =>
  waitFor(
    async () => {
      const last = await kassa.must('restore.getLast', {});
      return last?.searchedAt ? last : undefined;
    },
    10_000,
    'the gap searched at Bancontact',
  ) as Promise<RestoreView>;

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
    expect(result).toMatchObject({ databaseFile: 'training.sqlite', fromFile: backup, lastZ: 2 });
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
    expect(last.cannotComeBack).toEqual(['cash_sales', 'wristband_debits', 'drawer_movements']);
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

function restoreCli(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/restore.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run restore', () => {
  it('restores a backup while no station runs, and the station then re-learns the gap', async () => {
    folder = tempDir();
    kassa = await openStation(folder.dir);
    await paidSale(kassa, 1_000);
    const backup = join(folder.dir, 'backups', backUp(folder.dir, 'training.sqlite'));
    const gap = await paidSale(kassa, 4_321);
    await cashDay(kassa, 600);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(1);

    const refused = restoreCli('--from', backup, '--data', folder.dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/station \(process \d+\) is running/);
    expect(restoreCli('--data', folder.dir).status).toBe(2);
    expect(restoreCli('--from', backup, '--database', 'nope', '--data', folder.dir).status).toBe(2);

    await kassa.stop();
    kassa = null;
    const garbage = join(folder.dir, 'copy.sqlite');
    writeFileSync(garbage, 'garbage');
    const bad = restoreCli('--from', garbage, '--database', 'training', '--data', folder.dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/copy\.sqlite: is not a SQLite database/);
    expect(restoreCli('--from', garbage, '--data', folder.dir).status).toBe(2);

    const done = restoreCli('--from', backup, '--data', folder.dir);
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(
      /^Restored training\.sqlite in .* from training-\d{8}T\d{9}Z-manual\.sqlite; the replaced file is kept as training\.sqlite\.before-restore-/,
    );
    expect(done.stdout).toMatch(/The next Z is number 2 or higher/);
    expect(statSync(join(folder.dir, 'training.sqlite')).mode & 0o777).toBe(0o600);

    kassa = await openStation(folder.dir);
    const last = await searched(kassa);
    expect(last.recovered.map((p) => [p.kind, p.bancontactId, p.amountCents])).toEqual([
      ['sale', gap.payment!.bancontactId, 4_321],
    ]);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(2);
  });

  it('restores a live book, raises its Z floor above the lost Z and rewrites its marker', async () => {
    folder = tempDir();
    const dataDir = folder.dir;
    kassa = await openStation(dataDir);
    await cashDay(kassa, 800);
    expect((await kassa.must('reports.closeDay', {})).number).toBe(1);
    await kassa.stop();
    kassa = null;
    // The training book stands in for a live one: the same file name and marker as production.
    copyFileSync(join(dataDir, 'training.sqlite'), join(dataDir, 'old.sqlite'));
    writeFileSync(
      join(dataDir, 'books.json'),
      JSON.stringify({ 'kassa.sqlite': { bookId: 'x', lastZ: 7, updatedAt: 1 } }),
    );
    const done = restoreCli('--from', join(dataDir, 'old.sqlite'), '--database', 'kassa', '--data', dataDir);
    expect(done.status).toBe(0);
    const marker = JSON.parse(readFileSync(join(dataDir, 'books.json'), 'utf8')) as Record<
      string,
      { lastZ: number; bookId: string }
    >;
    expect(marker['kassa.sqlite']?.lastZ).toBe(7);
    const restored = new Database(join(dataDir, 'kassa.sqlite'), { readonly: true });
    const identity = restored.prepare('SELECT book_id AS bookId, z_floor AS zFloor FROM book_identity').get();
    restored.close();
    expect(identity).toMatchObject({ bookId: marker['kassa.sqlite']?.bookId, zFloor: 7 });
  });
});
