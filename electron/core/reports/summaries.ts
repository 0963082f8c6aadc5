import { and, between, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  SALE_METHODS,
  TRANSACTION_METHODS,
  type GroupLine,
  type HourlyPoint,
  type PeriodSummary,
  type SummariesView,
} from '../../../shared/contract/report-views';
import {
  addDays,
  formatDay,
  localTime,
  monthStart,
  weekStart,
  yearStart,
  type DayNumber,
} from '../../../shared/domain/business-day';
import type { Db, Tx } from '../db/open-database';
import { reportDaily, transactions } from '../db/schema';
import { setupIn } from '../ledger/attribution';
import { currentBusinessDay } from '../ledger/business-calendar';
import { hourly } from './report-builder';

const SALE_METHOD_SET: ReadonlySet<string> = new Set(SALE_METHODS);

export interface SummaryFilter {
  shopId?: string;
  /** A Bancontact payment profile (PPID). */
  profileId?: string;
}

type PeriodRow = { shopId: string; method: string; count: number; saleCount: number; cents: number };

/**
 * The summary cards, read from the per-day totals: a year is a few thousand rows at most. Of one shop or
 * payment profile, they are read from the transactions (the totals are not kept per profile).
 */
export function summaries(db: Db, at: number, filter: SummaryFilter = {}): Promise<SummariesView> {
  return db.read(async (q) => {
    const today = await currentBusinessDay(q, at);
    const nextMonth = addDays(monthStart(today), 32);
    const period = (from: DayNumber, to: DayNumber) => summarise(q, from, to, filter);
    return {
      businessDate: formatDay(today),
      today: await period(today, today),
      week: await period(weekStart(today), addDays(weekStart(today), 6)),
      month: await period(monthStart(today), addDays(monthStart(nextMonth), -1)),
      year: await period(yearStart(today), Math.floor(today / 10_000) * 10_000 + 1231),
      hourlyToday: filtered(filter) ? await filteredHourly(q, today, filter) : await hourly(q, today),
    };
  });
}

function dailyRows(q: Tx, from: DayNumber, to: DayNumber): Promise<PeriodRow[]> {
  return q
    .select({
      shopId: reportDaily.shopId,
      method: reportDaily.method,
      count: sql<number>`sum(${reportDaily.count})`,
      saleCount: sql<number>`sum(${reportDaily.saleCount})`,
      cents: sql<number>`sum(${reportDaily.cents})`,
    })
    .from(reportDaily)
    .where(between(reportDaily.businessDay, from, to))
    .groupBy(reportDaily.shopId, reportDaily.method);
}

const filtered = (filter: SummaryFilter): boolean =>
  filter.shopId !== undefined || filter.profileId !== undefined;

function filterWhere(from: DayNumber, to: DayNumber, filter: SummaryFilter): SQL[] {
  const where: SQL[] = [between(transactions.businessDay, from, to), eq(transactions.status, 'succeeded')];
  if (filter.shopId) where.push(eq(transactions.shopId, filter.shopId));
  if (filter.profileId) where.push(eq(transactions.profileId, filter.profileId));
  return where;
}

/** Today's sales per hour of one shop or profile, by the hour each was booked (as the hourly totals). */
async function filteredHourly(q: Tx, day: DayNumber, filter: SummaryFilter): Promise<HourlyPoint[]> {
  const rows = await q
    .select({
      bookedAt: transactions.bookedAt,
      counts: transactions.counts,
      cents: sql<number>`${transactions.amountCents} + ${transactions.roundingCents}`,
    })
    .from(transactions)
    .where(and(...filterWhere(day, day, filter), inArray(transactions.method, [...SALE_METHODS])));
  const points = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0, cents: 0 }));
  for (const row of rows) {
    const point = points[localTime(row.bookedAt).hour]!;
    point.count += Number(row.counts);
    point.cents += Number(row.cents);
  }
  return points;
}

/** As the daily totals count them: succeeded movements, a sale once (`counts`), by shop and method. */
function filteredRows(q: Tx, from: DayNumber, to: DayNumber, filter: SummaryFilter): Promise<PeriodRow[]> {
  return q
    .select({
      shopId: transactions.shopId,
      method: transactions.method,
      count: sql<number>`count(*)`,
      saleCount: sql<number>`sum(${transactions.counts})`,
      cents: sql<number>`sum(${transactions.amountCents} + ${transactions.roundingCents})`,
    })
    .from(transactions)
    .where(and(...filterWhere(from, to, filter)))
    .groupBy(transactions.shopId, transactions.method);
}

async function summarise(
  q: Tx,
  from: DayNumber,
  to: DayNumber,
  filter: SummaryFilter,
): Promise<PeriodSummary> {
  // PostgreSQL answers sums as text: numbers from here on.
  const rows = (await (filtered(filter) ? filteredRows(q, from, to, filter) : dailyRows(q, from, to))).map(
    (r) => ({
      ...r,
      ...{ count: Number(r.count), saleCount: Number(r.saleCount), cents: Number(r.cents) },
    }),
  );
  const sales = rows.filter((r) => SALE_METHOD_SET.has(r.method));
  const { shops } = await setupIn(q);
  const byShop = new Map<string, GroupLine>();
  for (const r of sales) {
    const line = byShop.get(r.shopId) ?? { id: r.shopId, count: 0, cents: 0 };
    const name = shops.find((s) => s.id === r.shopId)?.name;
    byShop.set(r.shopId, {
      ...line,
      ...(name ? { name } : {}),
      count: line.count + r.saleCount,
      cents: line.cents + r.cents,
    });
  }
  const total = (list: typeof rows) => ({
    count: list.reduce((n, r) => n + r.count, 0),
    cents: list.reduce((n, r) => n + r.cents, 0),
  });
  return {
    from: formatDay(from),
    to: formatDay(to),
    // One per sale, however many tenders paid it; per method, the tenders (and top-ups, refunds).
    sales: { count: sales.reduce((n, r) => n + r.saleCount, 0), cents: total(sales).cents },
    byMethod: TRANSACTION_METHODS.map((method) => ({
      method,
      ...total(rows.filter((r) => r.method === method)),
    })),
    byShop: [...byShop.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
