import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportView, Result, SaleView } from '../../shared/contract';
import { formatLocalDateTime, localTime } from '../../shared/domain/business-day';
import { reportSales } from '../support/report-sales';
import { signInAs } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { seedWristbands } from '../support/wristbands';

/*
 * The books of split sales (docs/register-rules.md, "Split tenders", "Cancelling an open sale",
 * "Refunds"): a sale paid by two tenders counts once, a cancelled one is no sale and no refund, a cash
 * part counts at the moment it was taken, and a manager's refund sent twice gives back once. Through
 * the station's contract as the tills and the Closing screen call it, on a station whose clock the test
 * holds; the X, the summary cards and a rebuild say the same.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A moment 20 minutes into a Brussels hour, with the next hour but one still on the same day. */
function startOfTheTest(): number {
  let at = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR + 20 * MINUTE;
  while (localTime(at).day !== localTime(at + 2 * HOUR).day) at -= HOUR;
  return at;
}

let kassa: StationWithShell;
let sales: ReturnType<typeof reportSales>;
let band: string;
let clock: number;
beforeEach(async () => {
  clock = startOfTheTest();
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000, now: () => clock });
  [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  sales = reportSales(kassa);
  await sales.topUp(band, 5_000);
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 5_000 });
});
afterEach(async () => {
  await kassa.close();
});

const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);
const total = (values: number[]) => values.reduce((a, b) => a + b, 0);
const methods = (report: ReportView) =>
  Object.fromEntries(report.byMethod.map((m) => [m.method, [m.count, m.cents]]));

/** The first part of a sale of `amountCents` from the wristband: the sale stays open. */
const wristbandPart = (amountCents: number, tenderCents: number) =>
  kassa.must('till.payWithWristband', {
    ...{ amountCents, tenderCents, idempotencyKey: sales.key(), tillId: 'till-1', wristbandId: band },
  });
const cashPart = (sale: SaleView, cents: number, tenderCents?: number) =>
  kassa.must('till.payCash', {
    ...{ amountCents: sale.amountCents, saleId: sale.id, tenderedCents: cents, idempotencyKey: sales.key() },
    ...{ tillId: 'till-1', ...(tenderCents !== undefined && { tenderCents }) },
  });
const countsOf = (saleId: string) =>
  kassa.query<{ source: string; counts: number }>(
    'SELECT source, counts FROM transactions WHERE sale_id = ? ORDER BY seq',
    saleId,
  );

describe('a sale paid by several tenders in the books', () => {
  it('counts once in the sales, per rate, till, shop, cashier, hour and card; once per method it used', async () => {
    const open = await wristbandPart(3_000, 1_000);
    const paid = await cashPart(open, 2_000);
    expect(paid.sale).toMatchObject({ status: 'paid', tender: 'split' });
    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 1, cents: 3_000 });
    expect(methods(x)).toMatchObject({ wristband: [1, 1_000], cash: [1, 2_000] });
    expect(total(x.byVatRate.map((v) => v.count))).toBe(1);
    expect(total(x.byVatRate.map((v) => v.grossCents))).toBe(3_000);
    expect(x.byTill).toEqual([{ id: 'till-1', count: 1, cents: 3_000 }]);
    expect(x.byShop.map((s) => [s.count, s.cents])).toEqual([[1, 3_000]]);
    expect(x.byCashier.map((c) => [c.count, c.cents])).toEqual([[1, 3_000]]);
    expect(total(x.hourly.map((h) => h.count))).toBe(1);
    expect(x.cash.sales).toEqual({ count: 1, cents: 2_000 });
    const cards = await kassa.must('reports.getSummaries', {});
    expect(cards.today.sales).toEqual({ count: 1, cents: 3_000 });
    expect(cards.today.byShop.map((s) => s.count)).toEqual([1]);
    expect(total(cards.hourlyToday.map((h) => h.count))).toBe(1);
    // The cash part paid it: that tender counts the sale, the wristband part only under its method.
    expect(countsOf(open.id)).toEqual([
      { source: expect.stringMatching(/^e:/), counts: 0 },
      { source: `c:${open.id}`, counts: 1 },
    ]);
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
    expect(await kassa.must('reports.getX', {})).toEqual(x);
  });

  it('counts an open sale’s first part as money taken, and the sale once it is paid', async () => {
    const open = await wristbandPart(3_000, 1_000);
    const before = await kassa.must('reports.getX', {});
    expect(before.sales).toEqual({ count: 0, cents: 1_000 });
    expect(before.byTill).toEqual([{ id: 'till-1', count: 0, cents: 1_000 }]);
    await cashPart(open, 2_000);
    expect((await kassa.must('reports.getX', {})).sales).toEqual({ count: 1, cents: 3_000 });
  });
});

describe('a cancelled split sale in the books', () => {
  it('is no sale and no refund: 0 sales, 0 turnover, each method taken and given back', async () => {
    const open = await wristbandPart(3_000, 1_000);
    await cashPart(open, 800, 800);
    expect(await kassa.must('till.cancelSale', { saleId: open.id })).toMatchObject({ status: 'cancelled' });
    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 0, cents: 0 });
    expect(x.byVatRate.filter((v) => v.count !== 0 || v.grossCents !== 0 || v.vatCents !== 0)).toEqual([]);
    expect(methods(x)).toMatchObject({ wristband: [1, 0], cash: [1, 0] });
    expect(x.saleRefunds?.total).toEqual({ count: 0, cents: 0 });
    expect(x.byTill).toEqual([]);
    expect(total(x.hourly.map((h) => h.count))).toBe(0);
    expect(total(x.hourly.map((h) => h.cents))).toBe(0);
    const cards = await kassa.must('reports.getSummaries', {});
    expect(cards.today.sales).toEqual({ count: 0, cents: 0 });
    // The money movements, per method, in the transactions list: taken, then given back.
    for (const [method, cents] of [
      ['wristband', 1_000],
      ['cash', 800],
    ] as const) {
      const page = await kassa.must('reports.listTransactions', { method });
      expect(page.rows.map((r) => [r.saleId, r.status, r.amountCents]).reverse()).toEqual([
        [open.id, 'succeeded', cents],
        [open.id, 'succeeded', -cents],
      ]);
    }
    expect(countsOf(open.id).map((r) => r.counts)).toEqual([0, 0, 0, 0]);
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
    expect(await kassa.must('reports.getX', {})).toEqual(x);
  });
});

describe('a split sale’s cash part', () => {
  it('counts at the moment it was taken: its hour in the chart, its time in the list and the CSV', async () => {
    const started = clock;
    const open = await wristbandPart(3_000, 1_000);
    clock += 80 * MINUTE;
    const paid = await cashPart(open, 2_000);
    expect(paid.sale.tenders?.find((t) => t.method === 'cash')?.at).toBe(new Date(clock).toISOString());
    const [first, then] = [localTime(started).hour, localTime(clock).hour];
    const x = await kassa.must('reports.getX', {});
    expect(x.hourly[first]).toEqual({ hour: first, count: 0, cents: 1_000 });
    expect(x.hourly[then]).toEqual({ hour: then, count: 1, cents: 2_000 });
    const [row] = (await kassa.must('reports.listTransactions', { method: 'cash' })).rows;
    expect(row).toMatchObject({ id: `c:${open.id}`, createdAt: new Date(clock).toISOString() });
    const csv = await kassa.must('reports.exportCsv', { method: 'cash' });
    const text = await (await fetch(kassa.shell.url + csv.path)).text();
    const line = text.split('\r\n').find((l) => l.includes(open.id));
    expect(line).toContain(formatLocalDateTime(clock));
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
    expect((await kassa.must('reports.getX', {})).hourly).toEqual(x.hourly);
  });
});

describe('a manager’s refund sent twice', () => {
  it('gives back once: one refund, one receipt number, the drawer and the totals moved once', async () => {
    const manager = await signInAs(kassa.station, 'manager');
    const { sale } = await kassa.must('till.payCash', {
      ...{ amountCents: 1_250, tenderedCents: 2_000, idempotencyKey: sales.key(), tillId: 'till-1' },
    });
    const view = await manager.must('returns.get', { saleId: sale.id });
    const request = {
      ...{ saleId: sale.id, tender: view.tenders[0]!.source, idempotencyKey: 'refund-intent-1' },
      lines: [{ saleLineId: view.lines[0]!.saleLineId, quantity: 1 }],
    };
    const drawerBefore = await kassa.must('drawer.get', { tillId: 'till-1' });
    // A double tap: both requests at once.
    const [first, second] = await Promise.all([
      manager.must('returns.refund', request),
      manager.must('returns.refund', request),
    ]);
    expect(first).toMatchObject({ method: 'cash', amountCents: 1_250, status: 'refunded' });
    expect(first.receiptNumber).toEqual(expect.any(Number));
    expect(second).toEqual(first);
    // A retry after a lost answer, the lines listed again.
    expect(await manager.must('returns.refund', { ...request, lines: [...request.lines] })).toEqual(first);
    expect(kassa.query('SELECT id FROM sale_refunds')).toHaveLength(1);
    const drawerAfter = await kassa.must('drawer.get', { tillId: 'till-1' });
    expect(drawerAfter!.cashOutCents - drawerBefore!.cashOutCents).toBe(1_250);
    const x = await kassa.must('reports.getX', {});
    expect(x.saleRefunds?.total).toEqual({ count: 1, cents: -1_250 });
    expect(x.sales).toEqual({ count: 1, cents: 0 });

    const other = await manager.call('returns.refund', { ...request, reason: 'another' });
    expect(codeOf(other)).toBe('CONFLICT');
    expect(other.ok ? [] : other.error.fields).toEqual(['idempotencyKey']);
    expect(kassa.query('SELECT id FROM sale_refunds')).toHaveLength(1);
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
  });
});
