import { sql } from 'drizzle-orm';
import type { SqliteDb, Tx } from '../db/open-database';
import { rawRows } from '../db/raw';
import { reportDaily, reportHourly, reportTotals } from '../db/schema';
import type { Contribution, TotalsDelta, TotalsKey } from '../ledger/booking';

interface PaidRow {
  count: number;
  saleCount: number;
  cents: number;
}

const TOTALS_COLUMNS = [
  'paid_count',
  'paid_cents',
  'cancelled_count',
  'expired_count',
  'refused_count',
  'failed_count',
  'sale_count',
  'rounding_cents',
  'vat_cents',
  'refund_count',
  'refund_cents',
  'refund_vat_cents',
] as const;

/**
 * Totals summed in memory, for a rebuild (and the bench's bulk load): the same contributions the
 * running hooks apply one by one, added up and written in one go.
 */
export class TotalsAccumulator {
  private readonly totals = new Map<string, { key: TotalsKey; delta: TotalsDelta }>();
  private readonly daily = new Map<string, PaidRow & { day: number; shopId: string; method: string }>();
  private readonly hourly = new Map<string, PaidRow & { day: number; hour: number; method: string }>();

  add(c: Contribution): void {
    const k = c.key;
    const totalsKey = `${k.businessDay}|${k.shopId}|${k.tillId}|${k.cashierId}|${k.method}|${k.vatRate}`;
    const found = this.totals.get(totalsKey);
    if (found)
      for (const name of Object.keys(c.delta) as (keyof TotalsDelta)[]) found.delta[name] += c.delta[name];
    else this.totals.set(totalsKey, { key: k, delta: { ...c.delta } });
    if (!c.paid) return;
    const day = bump(this.daily, `${k.businessDay}|${k.shopId}|${k.method}`, () => ({
      day: k.businessDay,
      shopId: k.shopId,
      method: k.method,
    }));
    day.count += c.paid.count;
    day.saleCount += c.paid.saleCount;
    day.cents += c.paid.cents;
    const { hour } = c.paid;
    const slot = bump(this.hourly, `${k.businessDay}|${hour}|${k.method}`, () => ({
      day: k.businessDay,
      hour,
      method: k.method,
    }));
    slot.count += c.paid.count;
    slot.saleCount += c.paid.saleCount;
    slot.cents += c.paid.cents;
  }

  /** The sums as rows of the three totals tables. */
  rows() {
    return {
      totals: [...this.totals.values()].map(({ key, delta }) => ({ ...key, ...delta })),
      daily: [...this.daily.values()].map((r) => ({
        businessDay: r.day,
        shopId: r.shopId,
        method: r.method,
        count: r.count,
        saleCount: r.saleCount,
        cents: r.cents,
      })),
      hourly: [...this.hourly.values()].map((r) => ({
        businessDay: r.day,
        hour: r.hour,
        method: r.method,
        count: r.count,
        saleCount: r.saleCount,
        cents: r.cents,
      })),
    };
  }

  /**
   * Replaces the three totals tables with these sums; the caller holds the unit of work (`db.write`),
   * whose transaction these better-sqlite3 statements join.
   */
  replaceTables(db: SqliteDb): void {
    const client = db.client;
    client.exec('DELETE FROM report_totals; DELETE FROM report_daily; DELETE FROM report_hourly;');
    const totals = client.prepare(
      `INSERT INTO report_totals (business_day, shop_id, till_id, cashier_id, method, vat_rate, ${TOTALS_COLUMNS.join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ${TOTALS_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const { key: k, delta: d } of this.totals.values()) {
      totals.run(
        k.businessDay,
        k.shopId,
        k.tillId,
        k.cashierId,
        k.method,
        k.vatRate,
        d.paidCount,
        d.paidCents,
        d.cancelledCount,
        d.expiredCount,
        d.refusedCount,
        d.failedCount,
        d.saleCount,
        d.roundingCents,
        d.vatCents,
        d.refundCount,
        d.refundCents,
        d.refundVatCents,
      );
    }
    const daily = client.prepare(
      'INSERT INTO report_daily (business_day, shop_id, method, count, sale_count, cents) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const r of this.daily.values()) daily.run(r.day, r.shopId, r.method, r.count, r.saleCount, r.cents);
    const hourly = client.prepare(
      'INSERT INTO report_hourly (business_day, hour, method, count, sale_count, cents) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const r of this.hourly.values()) hourly.run(r.day, r.hour, r.method, r.count, r.saleCount, r.cents);
  }
}

/** Rows per INSERT on PostgreSQL: 18 columns × 2 000 stays far below its 65 535 parameters. */
const ROWS_PER_INSERT = 2_000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < rows.length; at += ROWS_PER_INSERT)
    await insert(rows.slice(at, at + ROWS_PER_INSERT));
}

/**
 * replaceTables through a unit of work's handle, for PostgreSQL (SQLite keeps its prepared statements):
 * the same rows, written a few thousand per statement inside the caller's transaction.
 */
export async function replaceTablesIn(sums: TotalsAccumulator, tx: Tx): Promise<void> {
  const { totals, daily, hourly } = sums.rows();
  await tx.delete(reportTotals);
  await tx.delete(reportDaily);
  await tx.delete(reportHourly);
  await insertChunked(totals, (chunk) => tx.insert(reportTotals).values(chunk));
  await insertChunked(daily, (chunk) => tx.insert(reportDaily).values(chunk));
  await insertChunked(hourly, (chunk) => tx.insert(reportHourly).values(chunk));
}

function bump<T extends PaidRow>(map: Map<string, T>, key: string, make: () => Omit<T, keyof PaidRow>): T {
  let row = map.get(key);
  if (!row) {
    row = { ...make(), count: 0, saleCount: 0, cents: 0 } as T;
    map.set(key, row);
  }
  return row;
}

/** Each totals table with its key columns and its value columns. */
const SNAPSHOT_TABLES: [string, string[], string[]][] = [
  [
    'report_totals',
    ['business_day', 'shop_id', 'till_id', 'cashier_id', 'method', 'vat_rate'],
    [...TOTALS_COLUMNS],
  ],
  ['report_daily', ['business_day', 'shop_id', 'method'], ['count', 'sale_count', 'cents']],
  ['report_hourly', ['business_day', 'hour', 'method'], ['count', 'sale_count', 'cents']],
];

/**
 * Every non-zero totals row of the three tables, as `table|key` → values. Rows that sum to zero say
 * nothing (a booking added and taken away again), so they are left out of comparisons.
 */
export function totalsSnapshot(db: SqliteDb): Map<string, string> {
  const out = new Map<string, string>();
  const client = db.client;
  const read = (table: string, keys: string[], values: string[]) => {
    const rows = client
      .prepare(`SELECT ${[...keys, ...values].join(', ')} FROM ${table}`)
      .raw()
      .all() as unknown[][];
    for (const row of rows) {
      const vals = row.slice(keys.length);
      if (vals.every((v) => v === 0)) continue;
      out.set(`${table}|${row.slice(0, keys.length).join('|')}`, vals.join(','));
    }
  };
  for (const [table, keys, values] of SNAPSHOT_TABLES) read(table, keys, values);
  return out;
}

/** totalsSnapshot through a unit of work's handle (PostgreSQL). */
export async function totalsSnapshotIn(q: Tx): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const read = async (table: string, keys: string[], values: string[]) => {
    const columns = [...keys, ...values];
    const rows = await rawRows<Record<string, unknown>>(
      q,
      sql.raw(`SELECT ${columns.join(', ')} FROM ${table}`),
    );
    for (const row of rows) {
      const vals = values.map((v) => row[v]);
      if (vals.every((v) => v === 0)) continue;
      out.set(`${table}|${keys.map((k) => row[k]).join('|')}`, vals.join(','));
    }
  };
  for (const [table, keys, values] of SNAPSHOT_TABLES) await read(table, keys, values);
  return out;
}

/** Keys whose values differ between two snapshots, or that only one has. */
export function snapshotDifferences(a: Map<string, string>, b: Map<string, string>): number {
  let differences = 0;
  for (const [key, value] of a) if (b.get(key) !== value) differences++;
  for (const key of b.keys()) if (!a.has(key)) differences++;
  return differences;
}
