import type { SqliteDb } from '../db/open-database';
import type { Contribution, TotalsDelta, TotalsKey } from '../ledger/booking';

interface PaidRow {
  count: number;
  cents: number;
}

const TOTALS_COLUMNS = [
  'paid_count',
  'paid_cents',
  'cancelled_count',
  'expired_count',
  'refused_count',
  'failed_count',
  'rounding_cents',
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
    day.cents += c.paid.cents;
    const { hour } = c.paid;
    const slot = bump(this.hourly, `${k.businessDay}|${hour}|${k.method}`, () => ({
      day: k.businessDay,
      hour,
      method: k.method,
    }));
    slot.count += c.paid.count;
    slot.cents += c.paid.cents;
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
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
        d.roundingCents,
      );
    }
    const daily = client.prepare(
      'INSERT INTO report_daily (business_day, shop_id, method, count, cents) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of this.daily.values()) daily.run(r.day, r.shopId, r.method, r.count, r.cents);
    const hourly = client.prepare(
      'INSERT INTO report_hourly (business_day, hour, method, count, cents) VALUES (?, ?, ?, ?, ?)',
    );
    for (const r of this.hourly.values()) hourly.run(r.day, r.hour, r.method, r.count, r.cents);
  }
}

function bump<T extends PaidRow>(map: Map<string, T>, key: string, make: () => Omit<T, keyof PaidRow>): T {
  let row = map.get(key);
  if (!row) {
    row = { ...make(), count: 0, cents: 0 } as T;
    map.set(key, row);
  }
  return row;
}

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
  read(
    'report_totals',
    ['business_day', 'shop_id', 'till_id', 'cashier_id', 'method', 'vat_rate'],
    [...TOTALS_COLUMNS],
  );
  read('report_daily', ['business_day', 'shop_id', 'method'], ['count', 'cents']);
  read('report_hourly', ['business_day', 'hour', 'method'], ['count', 'cents']);
  return out;
}

/** Keys whose values differ between two snapshots, or that only one has. */
export function snapshotDifferences(a: Map<string, string>, b: Map<string, string>): number {
  let differences = 0;
  for (const [key, value] of a) if (b.get(key) !== value) differences++;
  for (const key of b.keys()) if (!a.has(key)) differences++;
  return differences;
}
