import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, SaleView } from '../../shared/contract';
import { reportSales } from '../support/report-sales';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { seedWristbands } from '../support/wristbands';

/*
 * Split tenders (docs/register-rules.md): part of a sale by wristband, the rest by Bancontact through
 * the training simulator or by cash, each tender booked on its own; a failed part leaves the others; an
 * open sale cancelled gives its wristband part back. Through the HTTP shell, as a till sends it.
 */
let kassa: StationWithShell;
let sales: ReturnType<typeof reportSales>;
let band: string;
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  sales = reportSales(kassa);
  await sales.topUp(band, 1_000);
});
afterEach(async () => {
  await kassa.close();
});

/** A method called over the HTTP shell, exactly as a browser till calls it. */
async function overHttp<T>(method: string, input: Record<string, unknown>): Promise<Result<T>> {
  const response = await fetch(`${kassa.shell.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Result<T>;
}
async function must<T = SaleView>(method: string, input: Record<string, unknown>): Promise<T> {
  const result = await overHttp<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
const balance = async () => (await kassa.must('wristbands.get', { wristbandId: band })).balanceCents;

/** The first part: what the wristband holds of a sale of `amountCents`, the sale left open. */
const wristbandPart = (amountCents: number, tenderCents: number, idempotencyKey = sales.key()) =>
  must('till.payWithWristband', { amountCents, tenderCents, idempotencyKey, wristbandId: band });

async function bancontactRest(sale: SaleView, outcome: 'confirm' | 'refuse'): Promise<SaleView> {
  const started = await must('till.startPayment', {
    ...{ amountCents: sale.amountCents, saleId: sale.id, idempotencyKey: sales.key() },
  });
  await kassa.must('training.scan', { saleId: sale.id });
  await kassa.must(`training.${outcome}`, { saleId: sale.id });
  const final = outcome === 'confirm' ? 'SUCCEEDED' : 'AUTHORIZATION_FAILED';
  await kassa.saleUntil(sale.id, (s) => s.payment?.status === final);
  expect(started.payment?.id).not.toBe(undefined);
  return kassa.must('till.getSale', { saleId: sale.id });
}

const transactionsOf = (saleId: string) =>
  kassa.query<{ method: string; amount: number; status: string }>(
    'SELECT method, amount_cents amount, status FROM transactions WHERE sale_id = ? ORDER BY seq',
    saleId,
  );

describe('a sale paid by several tenders', () => {
  it('takes a wristband part and the rest by Bancontact: paid, two transactions, each under its method', async () => {
    const open = await wristbandPart(2_500, 1_000);
    expect(open).toMatchObject({ status: 'open', tender: 'wristband', dueCents: 1_500 });
    expect(await balance()).toBe(0);
    const paid = await bancontactRest(open, 'confirm');
    expect(paid).toMatchObject({ status: 'paid', tender: 'split', dueCents: 0 });
    expect(paid.tenders?.map((t) => [t.method, t.amountCents, t.status])).toEqual([
      ['wristband', 1_000, 'succeeded'],
      ['bancontact', 1_500, 'succeeded'],
    ]);
    expect(paid.payment).toMatchObject({ status: 'SUCCEEDED' });
    expect(transactionsOf(paid.id)).toEqual([
      { method: 'wristband', amount: 1_000, status: 'succeeded' },
      { method: 'bancontact_display', amount: 1_500, status: 'succeeded' },
    ]);
    const x = await kassa.must('reports.getX', {});
    const byMethod = Object.fromEntries(x.byMethod.map((m) => [m.method, [m.count, m.cents]]));
    expect(byMethod).toMatchObject({ wristband: [1, 1_000], bancontact_display: [1, 1_500], cash: [0, 0] });
    // One sale, counted by the part that paid it; each method counts its part.
    expect(x.sales).toEqual({ count: 1, cents: 2_500 });
    expect(x.byVatRate.reduce((n, v) => n + v.count, 0)).toBe(1);
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
    // One receipt for the sale, numbered when its last part paid it.
    expect(kassa.query('SELECT number FROM receipts WHERE sale_id = ?', paid.id)).toEqual([{ number: 1 }]);
  });

  it('keeps the wristband part and the sale open when the Bancontact part is refused; cash pays the rest', async () => {
    const open = await wristbandPart(2_500, 1_000);
    const refused = await bancontactRest(open, 'refuse');
    expect(refused).toMatchObject({ status: 'open', dueCents: 1_500 });
    expect(refused.tenders?.map((t) => [t.method, t.status])).toEqual([
      ['wristband', 'succeeded'],
      ['bancontact', 'refused'],
    ]);
    expect(await balance()).toBe(0);
    // No other sale starts at this till while one is open.
    const busy = await overHttp('till.payCash', {
      amountCents: 100,
      tenderedCents: 100,
      idempotencyKey: sales.key(),
    });
    expect(busy.ok ? 'OK' : busy.error.code).toBe('PAYMENT_OPEN');
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const cash = await must<{ sale: SaleView }>('till.payCash', {
      ...{ amountCents: 2_500, saleId: open.id, tenderedCents: 1_500, idempotencyKey: sales.key() },
    });
    expect(cash.sale).toMatchObject({ status: 'paid', tender: 'split', dueCents: 0 });
  });

  it('rounds only the cash rest and hands back change on it', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const open = await wristbandPart(1_237, 1_000);
    const paid = await must<{ sale: SaleView; dueCents: number; changeCents: number; roundingCents: number }>(
      'till.payCash',
      { amountCents: 1_237, saleId: open.id, tenderedCents: 500, idempotencyKey: sales.key() },
    );
    // 2.37 due in cash rounds to 2.35; 5.00 handed over, 2.65 back.
    expect(paid).toMatchObject({ dueCents: 235, changeCents: 265, roundingCents: -2 });
    expect(paid.sale.tenders?.find((t) => t.method === 'cash')).toMatchObject({
      amountCents: 237,
      cash: { tenderedCents: 500, changeCents: 265, roundingCents: -2 },
    });
    const x = await kassa.must('reports.getX', {});
    expect(x.byMethod.find((m) => m.method === 'cash')).toMatchObject({ count: 1, cents: 237 });
    expect(x.cash).toMatchObject({ roundingCents: -2 });
    expect(await kassa.must('drawer.get', { tillId: 'till-1' })).toMatchObject({ cashSalesCents: 235 });
    // The receipt names both tenders, the cash one as the drawer took it (its rounding on its own line).
    const receipt = await kassa.must('receipts.get', { saleId: open.id });
    expect(receipt.tenders.map((t) => [t.method, t.amountCents, t.changeCents, t.roundingCents])).toEqual([
      ['wristband', 1_000, null, null],
      ['cash', 235, 265, -2],
    ]);
  });

  it('finds the same tender again on a retried request, never taking the money twice', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const cashKey = sales.key();
    const cashPart = { amountCents: 2_500, tenderCents: 600, tenderedCents: 600, idempotencyKey: cashKey };
    const first = (await must<{ sale: SaleView }>('till.payCash', cashPart)).sale;
    expect((await must<{ sale: SaleView }>('till.payCash', cashPart)).sale.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'open', dueCents: 1_900 });
    const bandKey = sales.key();
    const bandPart = { amountCents: 2_500, saleId: first.id, tenderCents: 400, wristbandId: band };
    await must('till.payWithWristband', { ...bandPart, idempotencyKey: bandKey });
    const retried = await must('till.payWithWristband', { ...bandPart, idempotencyKey: bandKey });
    expect(retried.dueCents).toBe(1_500);
    expect(await balance()).toBe(600);
    const payInput = { amountCents: 2_500, saleId: first.id, idempotencyKey: sales.key() };
    const started = await must('till.startPayment', payInput);
    const startedAgain = await must('till.startPayment', payInput);
    expect(startedAgain.payment?.id).toBe(started.payment?.id);
    expect(kassa.query('SELECT amount_cents amount FROM payments WHERE sale_id = ?', first.id)).toEqual([
      { amount: 1_500 },
    ]);
    expect(kassa.query('SELECT count(*) n FROM cash_tenders WHERE sale_id = ?', first.id)).toEqual([
      { n: 1 },
    ]);
  });

  it('pays what a short wristband holds only when asked, and never more than is due', async () => {
    const whole = await overHttp('till.payWithWristband', {
      ...{ amountCents: 2_500, idempotencyKey: sales.key(), wristbandId: band },
    });
    expect(whole.ok ? 'OK' : whole.error.code).toBe('INSUFFICIENT_FUNDS');
    expect(await balance()).toBe(1_000);
    const tooMuch = await overHttp('till.payWithWristband', {
      ...{ amountCents: 2_500, tenderCents: 2_600, idempotencyKey: sales.key(), wristbandId: band },
    });
    expect(tooMuch.ok ? [] : tooMuch.error.fields).toEqual(['tenderCents']);
    expect((await wristbandPart(2_500, await balance())).dueCents).toBe(1_500);
  });
});

describe('cancelling an open split sale', () => {
  it('credits the wristband part back and cancels the sale', async () => {
    const open = await wristbandPart(2_500, 1_000);
    const refused = await bancontactRest(open, 'refuse');
    expect(await balance()).toBe(0);
    const cancelled = await must('till.cancelSale', { saleId: refused.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', dueCents: 0 });
    expect(cancelled.tenders?.find((t) => t.method === 'wristband')).toMatchObject({ givenBack: true });
    expect(await balance()).toBe(1_000);
    const view = await kassa.must('wristbands.get', { wristbandId: band });
    expect(view.entries.map((e) => [e.kind, e.amountCents])).toContainEqual(['credit', 1_000]);
    // Asked again (a double tap), nothing more goes back.
    expect(await must('till.cancelSale', { saleId: refused.id })).toMatchObject({ status: 'cancelled' });
    expect(await balance()).toBe(1_000);
    // The till is free for the next sale.
    expect((await wristbandPart(500, 500)).status).toBe('paid');
  });

  it('takes a cash part back out of the drawer with the wristband part', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 5_000 });
    const open = await wristbandPart(3_000, 1_000);
    const cash = await must<{ sale: SaleView }>('till.payCash', {
      ...{
        amountCents: 3_000,
        saleId: open.id,
        tenderCents: 800,
        tenderedCents: 800,
        idempotencyKey: sales.key(),
      },
    });
    expect(cash.sale).toMatchObject({ status: 'open', tender: 'split', dueCents: 1_200 });
    const cancelled = await must('till.cancelSale', { saleId: open.id });
    expect(cancelled.status).toBe('cancelled');
    expect(await balance()).toBe(1_000);
    // The float and the 8.00 taken, then the 8.00 given back: the drawer expects its float again.
    expect(await kassa.must('drawer.get', { tillId: 'till-1' })).toMatchObject({
      cashSalesCents: 800,
      cashOutCents: 800,
      expectedCents: 5_000,
    });
  });
});
