import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/contract';
import { databaseSql } from '../support/database-sql';
import { reportSales } from '../support/report-sales';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';

/*
 * A manager's refund asked twice (docs/register-rules.md, "Refunds", "Once per request"): a double tap
 * sends the same request with the same key at once; a retry after a lost answer sends it again later.
 * Bancontact's Refund API of the training simulator is asked once, the X counts the refund once.
 */

let kassa: StationWithShell;
let manager: SignedIn;
let sales: ReturnType<typeof reportSales>;
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  sales = reportSales(kassa);
  databaseSql(kassa.dataDir, 'station').exec(`INSERT INTO articles
    (id, name, price_cents, vat_rate, active, shop_ids, created_at, updated_at) VALUES
    ('pils', 'Pils', 350, 21, 1, '[]', 0, 0), ('fries', 'Frieten', 420, 6, 1, '[]', 0, 0)`);
  manager = await signInAs(kassa.station, 'manager');
  await kassa.sim('/_sim/settings', { refundProcessingMs: 300 }, 'PATCH');
  await kassa.must('settings.getRefundSigningKey', {});
});
afterEach(async () => {
  await kassa.close();
});

/** 3 × Pils (21 %) 10.50, 2 × Frieten (6 %) 8.40: 18.90. */
const AMOUNT = 1_890;

async function bancontactSale(): Promise<SaleView> {
  const basket = {
    lines: [
      { articleId: 'pils', quantity: 3 },
      { articleId: 'fries', quantity: 2 },
    ],
  };
  const started = await kassa.must('till.startPayment', {
    ...{ amountCents: AMOUNT, idempotencyKey: sales.key(), tillId: 'till-1', basket },
  });
  await kassa.must('training.scan', { saleId: started.id });
  await kassa.must('training.confirm', { saleId: started.id });
  return kassa.saleUntil(started.id, (s) => s.status === 'paid');
}

describe('a manager’s refund sent twice', () => {
  it('refunds once when the same request comes twice at once: one refund, one receipt, the X once', async () => {
    const sale = await bancontactSale();
    const view = await manager.must('returns.get', { saleId: sale.id });
    const request = {
      ...{ saleId: sale.id, tender: view.tenders[0]!.source, idempotencyKey: sales.key() },
      lines: [{ saleLineId: view.lines.find((l) => l.name === 'Frieten')!.saleLineId, quantity: 2 }],
    };
    const [first, second] = await Promise.all([
      manager.must('returns.refund', request),
      manager.must('returns.refund', request),
    ]);
    expect(first).toMatchObject({ amountCents: 840, receiptNumber: expect.any(Number) });
    expect([second.id, second.receiptNumber]).toEqual([first.id, first.receiptNumber]);
    const ended = await waitFor(
      async () => {
        const now = await manager.must('returns.get', { saleId: sale.id });
        return now.refunds[0]?.status === 'refunded' ? now : undefined;
      },
      15_000,
      'the refund to be REFUNDED',
    );
    expect(ended.refunds.map((r) => r.id)).toEqual([first.id]);
    expect(ended.tenders[0]).toMatchObject({ leftCents: AMOUNT - 840 });
    // Sent again once Bancontact refunded it: the same refund, nothing more goes back.
    expect(await manager.must('returns.refund', request)).toMatchObject({ id: first.id, status: 'refunded' });
    expect(kassa.query('SELECT id FROM sale_refunds')).toHaveLength(1);
    const x = await kassa.must('reports.getX', {});
    expect(x.saleRefunds?.total).toEqual({ count: 1, cents: -840 });
    expect(x.sales).toEqual({ count: 1, cents: AMOUNT - 840 });
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
  });
});
