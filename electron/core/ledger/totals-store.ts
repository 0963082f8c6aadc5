import { sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { reportDaily, reportHourly, reportTotals } from '../db/schema';
import type { Contribution, TotalsDelta } from './booking';

/** The counters of a totals row, with their column names (the upsert adds `excluded.<column>`). */
const COUNTERS = {
  paidCount: 'paid_count',
  paidCents: 'paid_cents',
  cancelledCount: 'cancelled_count',
  expiredCount: 'expired_count',
  refusedCount: 'refused_count',
  failedCount: 'failed_count',
  saleCount: 'sale_count',
  roundingCents: 'rounding_cents',
  vatCents: 'vat_cents',
  refundCount: 'refund_count',
  refundCents: 'refund_cents',
  refundVatCents: 'refund_vat_cents',
} as const satisfies Record<keyof TotalsDelta, string>;

const COUNTER_KEYS = Object.keys(COUNTERS) as (keyof TotalsDelta)[];

/**
 * Adds (sign 1) or takes away (sign -1) one booking's contribution, in the caller's transaction.
 * Upserts only: a totals row is found by its key and incremented, never recomputed.
 */
export async function applyContribution(tx: Tx, c: Contribution, sign: 1 | -1): Promise<void> {
  const values = Object.fromEntries(
    COUNTER_KEYS.map((k) => [k, sign * c.delta[k]]),
  ) as unknown as TotalsDelta;
  const set = Object.fromEntries(
    COUNTER_KEYS.map((k) => [k, sql`${reportTotals[k]} + excluded.${sql.raw(COUNTERS[k])}`]),
  );
  await tx
    .insert(reportTotals)
    .values({ ...c.key, ...values })
    .onConflictDoUpdate({
      target: [
        reportTotals.businessDay,
        reportTotals.shopId,
        reportTotals.tillId,
        reportTotals.cashierId,
        reportTotals.method,
        reportTotals.vatRate,
      ],
      set,
    });
  if (c.paid) await applyPaid(tx, c, sign);
}

async function applyPaid(tx: Tx, c: Contribution, sign: 1 | -1): Promise<void> {
  const { businessDay, shopId, method } = c.key;
  const count = sign * (c.paid?.count ?? 0);
  const saleCount = sign * (c.paid?.saleCount ?? 0);
  const cents = sign * (c.paid?.cents ?? 0);
  await tx
    .insert(reportDaily)
    .values({ businessDay, shopId, method, count, saleCount, cents })
    .onConflictDoUpdate({
      target: [reportDaily.businessDay, reportDaily.shopId, reportDaily.method],
      set: {
        count: sql`${reportDaily.count} + excluded.count`,
        saleCount: sql`${reportDaily.saleCount} + excluded.sale_count`,
        cents: sql`${reportDaily.cents} + excluded.cents`,
      },
    });
  await tx
    .insert(reportHourly)
    .values({ businessDay, hour: c.paid?.hour ?? 0, method, count, saleCount, cents })
    .onConflictDoUpdate({
      target: [reportHourly.businessDay, reportHourly.hour, reportHourly.method],
      set: {
        count: sql`${reportHourly.count} + excluded.count`,
        saleCount: sql`${reportHourly.saleCount} + excluded.sale_count`,
        cents: sql`${reportHourly.cents} + excluded.cents`,
      },
    });
}
