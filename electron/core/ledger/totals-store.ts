import { sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { reportDaily, reportHourly, reportTotals } from '../db/schema';
import type { Contribution } from './booking';

/**
 * Adds (sign 1) or takes away (sign -1) one booking's contribution, in the caller's transaction.
 * Upserts only: a totals row is found by its key and incremented, never recomputed.
 */
export async function applyContribution(tx: Tx, c: Contribution, sign: 1 | -1): Promise<void> {
  const d = c.delta;
  await tx.insert(reportTotals)
    .values({
      ...c.key,
      paidCount: sign * d.paidCount,
      paidCents: sign * d.paidCents,
      cancelledCount: sign * d.cancelledCount,
      expiredCount: sign * d.expiredCount,
      refusedCount: sign * d.refusedCount,
      failedCount: sign * d.failedCount,
      roundingCents: sign * d.roundingCents,
    })
    .onConflictDoUpdate({
      target: [
        reportTotals.businessDay,
        reportTotals.shopId,
        reportTotals.tillId,
        reportTotals.cashierId,
        reportTotals.method,
        reportTotals.vatRate,
      ],
      set: {
        paidCount: sql`${reportTotals.paidCount} + excluded.paid_count`,
        paidCents: sql`${reportTotals.paidCents} + excluded.paid_cents`,
        cancelledCount: sql`${reportTotals.cancelledCount} + excluded.cancelled_count`,
        expiredCount: sql`${reportTotals.expiredCount} + excluded.expired_count`,
        refusedCount: sql`${reportTotals.refusedCount} + excluded.refused_count`,
        failedCount: sql`${reportTotals.failedCount} + excluded.failed_count`,
        roundingCents: sql`${reportTotals.roundingCents} + excluded.rounding_cents`,
      },
    });
  if (c.paid) await applyPaid(tx, c, sign);
}

async function applyPaid(tx: Tx, c: Contribution, sign: 1 | -1): Promise<void> {
  const { businessDay, shopId, method } = c.key;
  const count = sign * (c.paid?.count ?? 0);
  const cents = sign * (c.paid?.cents ?? 0);
  await tx.insert(reportDaily)
    .values({ businessDay, shopId, method, count, cents })
    .onConflictDoUpdate({
      target: [reportDaily.businessDay, reportDaily.shopId, reportDaily.method],
      set: {
        count: sql`${reportDaily.count} + excluded.count`,
        cents: sql`${reportDaily.cents} + excluded.cents`,
      },
    });
  await tx.insert(reportHourly)
    .values({ businessDay, hour: c.paid?.hour ?? 0, method, count, cents })
    .onConflictDoUpdate({
      target: [reportHourly.businessDay, reportHourly.hour, reportHourly.method],
      set: {
        count: sql`${reportHourly.count} + excluded.count`,
        cents: sql`${reportHourly.cents} + excluded.cents`,
      },
    });
}
