import { between, sql } from 'drizzle-orm';
import {
  SALE_METHODS,
  TRANSACTION_METHODS,
  type GroupLine,
  type PeriodSummary,
  type SummariesView,
} from '../../../shared/contract/report-views';
import {
  addDays,
  formatDay,
  monthStart,
  weekStart,
  yearStart,
  type DayNumber,
} from '../../../shared/domain/business-day';
import type { Db } from '../db/open-database';
import { reportDaily } from '../db/schema';
import { setupIn } from '../ledger/attribution';
import { currentBusinessDay } from '../ledger/business-calendar';
import { hourly } from './report-builder';

const SALE_METHOD_SET: ReadonlySet<string> = new Set(SALE_METHODS);

/** The summary cards, read from the per-day totals: a year is a few thousand rows at most. */
export function summaries(db: Db, at: number): SummariesView {
  const today = currentBusinessDay(db, at);
  const nextMonth = addDays(monthStart(today), 32);
  return {
    businessDate: formatDay(today),
    today: period(db, today, today),
    week: period(db, weekStart(today), addDays(weekStart(today), 6)),
    month: period(db, monthStart(today), addDays(monthStart(nextMonth), -1)),
    year: period(db, yearStart(today), Math.floor(today / 10_000) * 10_000 + 1231),
    hourlyToday: hourly(db, today),
  };
}

function period(db: Db, from: DayNumber, to: DayNumber): PeriodSummary {
  const rows = db
    .select({
      shopId: reportDaily.shopId,
      method: reportDaily.method,
      count: sql<number>`sum(${reportDaily.count})`,
      cents: sql<number>`sum(${reportDaily.cents})`,
    })
    .from(reportDaily)
    .where(between(reportDaily.businessDay, from, to))
    .groupBy(reportDaily.shopId, reportDaily.method)
    .all();
  const sales = rows.filter((r) => SALE_METHOD_SET.has(r.method));
  const shops = setupIn(db).shops;
  const byShop = new Map<string, GroupLine>();
  for (const r of sales) {
    const line = byShop.get(r.shopId) ?? { id: r.shopId, count: 0, cents: 0 };
    const name = shops.find((s) => s.id === r.shopId)?.name;
    byShop.set(r.shopId, {
      ...line,
      ...(name ? { name } : {}),
      count: line.count + r.count,
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
    sales: total(sales),
    byMethod: TRANSACTION_METHODS.map((method) => ({
      method,
      ...total(rows.filter((r) => r.method === method)),
    })),
    byShop: [...byShop.values()].sort((a, b) => a.id.localeCompare(b.id)),
  };
}
