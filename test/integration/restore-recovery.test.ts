import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createBancontactClient } from '../../electron/core/bancontact/client';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { rawRow, rawRun } from '../../electron/core/db/raw';
import { silentLogger } from '../../electron/core/logging/logger';
import { GapRecovery } from '../../electron/core/restore/gap-recovery';
import { insertRestore, lastRestoreView } from '../../electron/core/restore/restore-record';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import { TopupLedger } from '../../electron/core/topup/ledger';
import { startFaultyProxy } from '../support/faulty-proxy';
import { startTestSimulator } from '../support/station-in-process';
import { MIGRATIONS, waitFor } from '../support/temp';

let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let proxy: Awaited<ReturnType<typeof startFaultyProxy>>;
let db: Db;
let ids = 0;
beforeEach(async () => {
  sim = await startTestSimulator();
  proxy = await startFaultyProxy(sim.baseUrl);
  db = openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS });
});
afterEach(async () => {
  await db.close();
  await proxy.close();
  await sim.close();
});

const client = (baseUrl: string) =>
  createBancontactClient({ baseUrl, apiKey: TRAINING_DISPLAY_PROFILE.apiKey, timeoutMs: 2_000 });

/** A payment the customer paid at Bancontact while the book that knew it was lost. */
async function paidAtBancontact(amount: number): Promise<string> {
  const created = await client(sim.baseUrl).createPayment({
    amount,
    currency: 'EUR',
    reference: `ref${amount}`,
  });
  await sim.control('/_sim/payer/scan', { payload: `https://pay.bancontact.net/pay/2/${created.paymentId}` });
  await sim.control('/_sim/payer/confirm', { paymentId: created.paymentId });
  return created.paymentId;
}

function recovery(retryMs: number, warnings: string[] = []): GapRecovery {
  const logger = { ...silentLogger, warn: (message: string) => void warnings.push(message) };
  return new GapRecovery({
    ...{ db, now: Date.now, newId: () => `id${++ids}`, logger },
    ...{ profileId: TRAINING_DISPLAY_PROFILE.ppid, client: client(proxy.url), topupClients: () => new Map() },
    ledger: new TopupLedger({ db, now: Date.now, onWristbandChanged: () => {} }),
    onSaleChanged: () => {},
    retryMs,
  });
}

describe('recovering the gap', () => {
  it('waits for Bancontact: an unreachable search leaves the restore unsearched and is retried until it answers', async () => {
    const paymentId = await paidAtBancontact(1_111);
    const now = Date.now();
    await db.write((tx) =>
      insertRestore(tx, {
        ...{ id: 'restore-1', restoredAt: now, fromFile: 'training-x.sqlite' },
        ...{ backupTakenAt: now - 60_000, searchedFrom: now - 16 * 60_000 },
      }),
    );
    proxy.set({ kind: 'status', status: 503, code: 'TRY_AGAIN_LATER' });
    const warnings: string[] = [];
    const gap = recovery(20, warnings);
    await expect(gap.run()).rejects.toThrow();
    expect(await lastRestoreView(db)).toMatchObject({ searchedAt: null, recovered: [] });

    await gap.start();
    await waitFor(() => warnings.length >= 2, 5_000, 'a failed search tried again');
    expect(warnings[0]).toMatch(/searching Bancontact for the restore's gap failed \(retrying\)/);
    expect(await lastRestoreView(db)).toMatchObject({ searchedAt: null, recovered: [] });
    proxy.set({ kind: 'pass' });
    const searched = await waitFor(async () => {
      const view = await lastRestoreView(db);
      return view?.searchedAt ? view : undefined;
    });
    gap.stop();
    expect(searched.recovered).toEqual([expect.objectContaining({ bancontactId: paymentId, kind: 'sale' })]);

    // Searching again (a restore not yet marked, a second station start) brings nothing back twice.
    await db.write((tx) => rawRun(tx, sql`UPDATE restores SET searched_at = NULL`));
    expect(await recovery(20).run()).toBe(0);
    expect(await db.read((q) => rawRow(q, sql`SELECT count(*) AS n FROM sales`))).toEqual({ n: 1 });
  });

  it('skips payments the book knows and payments that did not succeed', async () => {
    const known = await paidAtBancontact(2_222);
    await client(sim.baseUrl).createPayment({ amount: 3_333, currency: 'EUR', reference: 'open' });
    const now = Date.now();
    await db.write(async (tx) => {
      await rawRun(
        tx,
        sql`INSERT INTO sales (id, till_id, amount_cents, idempotency_key, status, tender, created_at, updated_at)
            VALUES ('s1', 'till-1', 2222, 'k1', 'paid', 'bancontact', ${now}, ${now})`,
      );
      await rawRun(
        tx,
        sql`INSERT INTO payments (id, sale_id, bancontact_id, profile_id, status, amount_cents, created_at, updated_at)
            VALUES ('p1', 's1', ${known}, ${TRAINING_DISPLAY_PROFILE.ppid}, 'SUCCEEDED', 2222, ${now}, ${now})`,
      );
    });
    await db.write((tx) =>
      insertRestore(tx, {
        ...{ id: 'restore-2', restoredAt: now, fromFile: 'training-y.sqlite' },
        ...{ backupTakenAt: now - 60_000, searchedFrom: now - 16 * 60_000 },
      }),
    );
    expect(await recovery(20).run()).toBe(0);
    expect((await lastRestoreView(db))?.searchedAt).not.toBeNull();
  });
});
