import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  SALE_METHODS,
  type DrawerLine,
  type GroupLine,
  type HourlyPoint,
  type ReportView,
  type SalesSetupView,
  type TotalLine,
  type VatLine,
} from '../../../shared/contract/report-views';
import { formatDay, type DayNumber } from '../../../shared/domain/business-day';
import { VAT_RATES } from '../../../shared/domain/cash';
import type { Tx } from '../db/open-database';
import { drawerSessions, reportDaily, reportHourly, reportTotals } from '../db/schema';
import { setupIn } from '../ledger/attribution';
import { NO_VAT } from '../ledger/booking';
import { expectedCash } from '../till/drawers';

type TotalsRow = typeof reportTotals.$inferSelect;

const SALE_METHOD_SET: ReadonlySet<string> = new Set(SALE_METHODS);
const BANCONTACT = new Set(['bancontact_display', 'bancontact_sticker']);
const TOPPED_UP_SPENT_REFUNDED = ['topup', 'agreement_topup', 'wristband', 'refund'];

export interface ReportRequest {
  day: DayNumber;
  kind: 'x' | 'z';
  number: number | null;
  generatedAt: number;
  /** An X shows the drawers still open (with no count); a Z is only taken once they are closed. */
  withOpenDrawers: boolean;
}

/** An X or Z report, read from the running totals of one day and that day's drawer counts only. */
export async function buildReport(q: Tx, request: ReportRequest): Promise<ReportView> {
  const rows = await q.select().from(reportTotals).where(eq(reportTotals.businessDay, request.day));
  const salesRows = rows.filter((r) => SALE_METHOD_SET.has(r.method));
  const setup = await setupIn(q);
  const outstandingCents = await outstandingAfter(q, request.day);
  const cash = await cashSection(
    q,
    request,
    rows.filter((r) => r.method === 'cash'),
  );
  const hours = await hourly(q, request.day);
  return {
    kind: request.kind,
    number: request.number,
    businessDate: formatDay(request.day),
    generatedAt: new Date(request.generatedAt).toISOString(),
    sales: sales(salesRows),
    // Per method: the tenders taken (a split sale counts once under each method it used).
    byMethod: SALE_METHODS.map((method) => ({
      method,
      ...sum(salesRows.filter((r) => r.method === method)),
    })),
    byShop: groupBy(salesRows, (r) => r.shopId).map((line) => withShopName(line, setup)),
    byTill: groupBy(salesRows, (r) => r.tillId),
    byCashier: groupBy(salesRows, (r) => r.cashierId),
    byVatRate: vatLines(salesRows),
    bancontactNotPaid: notPaid(rows.filter((r) => BANCONTACT.has(r.method))),
    wristbands: {
      topUps: sum(rows.filter((r) => r.method === 'topup')),
      automaticTopUps: sum(rows.filter((r) => r.method === 'agreement_topup')),
      spent: sum(rows.filter((r) => r.method === 'wristband')),
      refunds: sum(rows.filter((r) => r.method === 'refund')),
      outstandingCents,
    },
    cash,
    hourly: hours,
    saleRefunds: refundLines(salesRows),
  };
}

/** The refund columns of the sale methods' rows: what went back, per method and per VAT rate. */
function refundLines(rows: readonly TotalsRow[]): NonNullable<ReportView['saleRefunds']> {
  const refunds = (of: readonly TotalsRow[]) => ({
    count: of.reduce((n, r) => n + r.refundCount, 0),
    cents: of.reduce((n, r) => n + r.refundCents, 0),
  });
  const rates = [...new Set(rows.filter((r) => r.refundCents !== 0).map((r) => r.vatRate))].sort(
    (a, b) => b - a,
  );
  return {
    total: refunds(rows),
    byMethod: SALE_METHODS.map((method) => ({ method, ...refunds(rows.filter((r) => r.method === method)) })),
    byVatRate: rates.map((ratePercent) => {
      const atRate = rows.filter((r) => r.vatRate === ratePercent);
      const { count, cents } = refunds(atRate);
      const vatCents = atRate.reduce((n, r) => n + r.refundVatCents, 0);
      return { ratePercent, count, grossCents: cents, netCents: cents - vatCents, vatCents };
    }),
  };
}

/** Tenders (or top-ups, refunds) that succeeded, and what they hold. */
function sum(rows: readonly TotalsRow[]): TotalLine {
  let count = 0;
  let cents = 0;
  for (const r of rows) {
    count += r.paidCount;
    cents += r.paidCents;
  }
  return { count, cents };
}

/** Sales (one per sale, however many tenders paid it) and what their tenders hold. */
function sales(rows: readonly TotalsRow[]): TotalLine {
  return { count: rows.reduce((n, r) => n + r.saleCount, 0), cents: sum(rows).cents };
}

function groupBy(rows: readonly TotalsRow[], key: (r: TotalsRow) => string): GroupLine[] {
  const groups = new Map<string, TotalsRow[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  // A till whose only tender of the day belongs to a sale still open has money but no sale yet.
  return [...groups]
    .map(([id, group]) => ({ id, ...sales(group) }))
    .filter((line) => line.count !== 0 || line.cents !== 0)
    .sort((a, b) => a.id.localeCompare(b.id));
}

function withShopName(line: GroupLine, setup: SalesSetupView): GroupLine {
  const shop = setup.shops.find((s) => s.id === line.id);
  return shop ? { ...line, name: shop.name } : line;
}

/**
 * Each rate's gross and the VAT the sales computed in it (once per rate per sale), added up: never a
 * split of the day's total, so the X and Z equal the receipts. A sale of several rates counts once, at
 * its own rate (docs/register-rules.md).
 */
function vatLines(rows: readonly TotalsRow[]): VatLine[] {
  const rates = [
    ...new Set<number>([...VAT_RATES, ...rows.map((r) => r.vatRate).filter((r) => r !== NO_VAT)]),
  ];
  return rates.map((ratePercent) => {
    const atRate = rows.filter((r) => r.vatRate === ratePercent);
    const { count, cents } = sales(atRate);
    const vatCents = atRate.reduce((n, r) => n + r.vatCents, 0);
    return { ratePercent, count, grossCents: cents, netCents: cents - vatCents, vatCents };
  });
}

function notPaid(rows: readonly TotalsRow[]): ReportView['bancontactNotPaid'] {
  const total = (pick: (r: TotalsRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  return {
    cancelled: total((r) => r.cancelledCount),
    expired: total((r) => r.expiredCount),
    refused: total((r) => r.refusedCount),
    failed: total((r) => r.failedCount),
  };
}

/**
 * Topped up (at a profile or automatically) − spent − refunded over every day up to this one: what the
 * wristbands hold (transfers cancel out).
 */
async function outstandingAfter(q: Tx, day: DayNumber): Promise<number> {
  const [row] = await q
    .select({
      cents: sql<number>`coalesce(sum(case when ${reportDaily.method} in ('topup', 'agreement_topup') then ${reportDaily.cents} else -${reportDaily.cents} end), 0)`,
    })
    .from(reportDaily)
    .where(and(lte(reportDaily.businessDay, day), inArray(reportDaily.method, TOPPED_UP_SPENT_REFUNDED)));
  return row?.cents ?? 0;
}

async function cashSection(
  q: Tx,
  request: ReportRequest,
  cashRows: readonly TotalsRow[],
): Promise<ReportView['cash']> {
  const closed = await q.select().from(drawerSessions).where(eq(drawerSessions.businessDay, request.day));
  const open = request.withOpenDrawers
    ? await q.select().from(drawerSessions).where(eq(drawerSessions.status, 'open'))
    : [];
  const drawers: DrawerLine[] = [...closed, ...open].map((d) => ({
    drawerId: d.id,
    tillId: d.tillId,
    status: d.status,
    floatCents: d.floatCents,
    cashSalesCents: d.cashSalesCents,
    cashInCents: d.cashInCents,
    cashOutCents: d.cashOutCents,
    expectedCents: d.expectedCents ?? expectedCash(d),
    countedCents: d.countedCents,
    differenceCents: d.differenceCents,
  }));
  const counted = drawers.filter((d) => d.countedCents !== null);
  return {
    sales: sum(cashRows),
    roundingCents: cashRows.reduce((n, r) => n + r.roundingCents, 0),
    drawers,
    expectedCents: drawers.reduce((n, d) => n + d.expectedCents, 0),
    countedCents: counted.length === 0 ? null : counted.reduce((n, d) => n + (d.countedCents ?? 0), 0),
    differenceCents: counted.length === 0 ? null : counted.reduce((n, d) => n + (d.differenceCents ?? 0), 0),
  };
}

export async function hourly(q: Tx, day: DayNumber): Promise<HourlyPoint[]> {
  const rows = await q
    .select({
      hour: reportHourly.hour,
      // Sales completed in the hour; a split sale's parts add their money to the hours they were taken.
      count: sql<number>`sum(${reportHourly.saleCount})`,
      cents: sql<number>`sum(${reportHourly.cents})`,
    })
    .from(reportHourly)
    .where(and(eq(reportHourly.businessDay, day), inArray(reportHourly.method, [...SALE_METHODS])))
    .groupBy(reportHourly.hour);
  return Array.from({ length: 24 }, (_, hour) => {
    const row = rows.find((r) => r.hour === hour);
    return { hour, count: row?.count ?? 0, cents: row?.cents ?? 0 };
  });
}
