import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../electron/core/db/open-database';
import { rawRows } from '../../electron/core/db/raw';
import { applyStatus } from '../../electron/core/payments/transition';
import { SalesRepo } from '../../electron/core/sales/sales-repo';
import { openTrainingBooks } from '../support/database-sql';
import { tempDir } from '../support/temp';

/*
 * A Bancontact part whose SUCCEEDED arrives after its sale was cancelled (docs/register-rules.md,
 * "Cancelling an open sale"): the sale stays cancelled and is no sale in the books; the money the part
 * took is in its method's turnover, to be given back. On the training books of either engine, through
 * the payment state machine every status source feeds.
 */
let folder: { dir: string; remove(): void };
let db: Db;
beforeEach(async () => {
  folder = tempDir('kassa-late-part-');
  db = await openTrainingBooks(folder.dir);
});
afterEach(async () => {
  await db.close();
  folder.remove();
});

describe('a Bancontact part paid after its sale was cancelled', () => {
  it('leaves the sale cancelled, counting no sale, its money under Bancontact', async () => {
    const repo = new SalesRepo(db);
    const at = Date.UTC(2026, 11, 4, 11);
    const sale = {
      id: 'late-sale',
      tillId: 'till-1',
      amountCents: 2_500,
      idempotencyKey: 'late-sale-key',
      at,
    };
    const payment = {
      id: 'late-pay',
      saleId: sale.id,
      profileId: 'PPID',
      amountCents: 2_500,
      posId: null,
      at,
    };
    await repo.insertSaleWithPayment(sale, payment);
    await repo.setSaleStatus(sale.id, 'cancelled', at + 1_000);
    const paid = await applyStatus(db, {
      paymentId: payment.id,
      status: 'SUCCEEDED',
      source: 'callback',
      at: at + 2_000,
    });
    expect(paid).toMatchObject({ changed: true, status: 'SUCCEEDED' });
    const read = (text: string) => db.read((q) => rawRows<Record<string, unknown>>(q, sql.raw(text)));
    expect(
      await read(`SELECT status, completed_by AS "completedBy" FROM sales WHERE id = 'late-sale'`),
    ).toEqual([{ status: 'cancelled', completedBy: null }]);
    expect(await read(`SELECT status, counts FROM transactions WHERE sale_id = 'late-sale'`)).toEqual([
      { status: 'succeeded', counts: 0 },
    ]);
    const totals = await read(
      `SELECT sum(paid_count) AS tenders, sum(sale_count) AS sales, sum(paid_cents) AS cents FROM report_totals`,
    );
    expect(totals.map((t) => [Number(t.tenders), Number(t.sales), Number(t.cents)])).toEqual([[1, 0, 2_500]]);
    expect(await read(`SELECT count(*) AS n FROM receipts WHERE sale_id = 'late-sale'`)).toEqual([{ n: 0 }]);
  });
});
