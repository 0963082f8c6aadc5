import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBancontactClient } from '../../electron/core/bancontact/client';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { openPostgresBooks } from '../../electron/core/db/pg/site-databases';
import { silentLogger } from '../../electron/core/logging/logger';
import { readStoredReceipt } from '../../electron/core/receipts/build-receipt';
import { issueSaleReceipt } from '../../electron/core/receipts/receipt-numbers';
import { GapRecovery } from '../../electron/core/restore/gap-recovery';
import { RECOVERED_TILL_ID } from '../../electron/core/restore/recover-payment';
import { insertRestore, lastRestoreView } from '../../electron/core/restore/restore-record';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import { TopupLedger } from '../../electron/core/topup/ledger';
import { freshTestSite } from '../support/postgres-site';
import { startTestSimulator } from '../support/station-in-process';
import { MIGRATIONS } from '../support/temp';

/** A restore's gap brings SUCCEEDED payments back as sales; each is a finished sale with its receipt. */
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let db: Db;
let ids = 0;

async function openBooks(): Promise<Db> {
  const site = freshTestSite();
  if (site)
    return (await openPostgresBooks({ siteUrl: site, migrationsFolder: MIGRATIONS }, 'training')) as Db;
  return openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS });
}

beforeEach(async () => {
  sim = await startTestSimulator();
  db = await openBooks();
});
afterEach(async () => {
  await db.close();
  await sim.close();
});

const client = () =>
  createBancontactClient({ baseUrl: sim.baseUrl, apiKey: TRAINING_DISPLAY_PROFILE.apiKey, timeoutMs: 2_000 });

async function paidAtBancontact(amount: number): Promise<string> {
  const created = await client().createPayment({ amount, currency: 'EUR', reference: `ref${amount}` });
  await sim.control('/_sim/payer/scan', { payload: `https://pay.bancontact.net/pay/2/${created.paymentId}` });
  await sim.control('/_sim/payer/confirm', { paymentId: created.paymentId });
  return created.paymentId;
}

describe('sales recovered after a restore', () => {
  it('get the next receipt numbers of the recovered till, with their Bancontact payment id, once', async () => {
    const first = await paidAtBancontact(1_250);
    const second = await paidAtBancontact(800);
    const now = Date.now();
    await db.write((tx) =>
      insertRestore(tx, {
        ...{ id: 'restore-1', restoredAt: now, fromFile: 'training-x.sqlite' },
        ...{ backupTakenAt: now - 60_000, searchedFrom: now - 16 * 60_000 },
      }),
    );
    const recovery = new GapRecovery({
      ...{ db, now: Date.now, newId: () => `id${++ids}`, logger: silentLogger },
      ...{ profileId: TRAINING_DISPLAY_PROFILE.ppid, client: client(), topupClients: () => new Map() },
      ledger: new TopupLedger({ db, now: Date.now, onWristbandChanged: () => {} }),
      onSaleChanged: () => {},
      retryMs: 20,
    });
    expect(await recovery.run()).toBe(2);
    const recovered = (await lastRestoreView(db))?.recovered ?? [];
    const receipts = await db.read(async (q) =>
      Promise.all(recovered.map((row) => readStoredReceipt(q, { saleId: row.saleId! }))),
    );
    const byPayment = new Map(
      receipts.map((stored) => [stored?.tenders[0]?.bancontactId, stored?.receipt] as const),
    );
    expect(byPayment.get(first)).toMatchObject({ tillId: RECOVERED_TILL_ID, kind: 'sale' });
    expect(byPayment.get(second)).toMatchObject({ tillId: RECOVERED_TILL_ID, kind: 'sale' });
    expect([...byPayment.values()].map((r) => r?.number).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([1, 2]);
    expect(receipts.map((stored) => stored?.sale.amountCents ?? 0).sort((a, b) => a - b)).toEqual([
      800, 1_250,
    ]);

    // Issuing again (a late status for the same sale) finds the receipt it has, and numbers nothing new.
    const saleId = recovered[0]!.saleId!;
    const before = byPayment.get(recovered[0]!.bancontactId)?.id;
    expect(await db.write((tx) => issueSaleReceipt(tx, { saleId, at: Date.now() }))).toBe(before);
  });
});
