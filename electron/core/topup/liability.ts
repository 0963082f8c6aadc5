import { isNull, sql } from 'drizzle-orm';
import type { LiabilityView } from '../../../shared/contract';
import type { Db } from '../db/open-database';
import { topupAttention, wristbandEntries, wristbands } from '../db/schema';

/**
 * What the organiser owes, read in one unit of work so the figures belong to the same moment.
 * Transfers between wristbands cancel out; every other movement is a top-up, a debit or a refund,
 * so topped up − spent − refunded equals the sum of the balances. That sum is the real debt: a
 * refund that is only proposed moves no money, so its amount is still in its wristband's balance;
 * only a refund file books the refund (and closes the wristband), and a top-up paid after that file
 * is credited to the wristband again, so it is counted here until the next file pays it back. A
 * top-up no wristband could take (needs attention) is owed too, and shown beside it.
 */
export function liability(db: Db): Promise<LiabilityView> {
  return db.read(async (q) => {
    const byKind = await q
      .select({
        kind: wristbandEntries.kind,
        total: sql<number>`coalesce(sum(${wristbandEntries.amountCents}), 0)`,
      })
      .from(wristbandEntries)
      .groupBy(wristbandEntries.kind);
    const total = (kind: string): number => byKind.find((row) => row.kind === kind)?.total ?? 0;
    const [bands] = await q
      .select({
        count: sql<number>`count(*)`,
        withBalance: sql<number>`coalesce(sum(case when ${wristbands.balanceCents} > 0 then 1 else 0 end), 0)`,
        outstanding: sql<number>`coalesce(sum(${wristbands.balanceCents}), 0)`,
      })
      .from(wristbands);
    const [awaiting] = await q
      .select({ cents: sql<number>`coalesce(sum(${topupAttention.amountCents}), 0)` })
      .from(topupAttention)
      .where(isNull(topupAttention.resolvedAt));
    return {
      toppedUpCents: total('topup'),
      spentCents: 0 - total('debit'),
      refundedCents: 0 - total('refund'),
      outstandingCents: bands?.outstanding ?? 0,
      awaitingAttentionCents: awaiting?.cents ?? 0,
      wristbands: bands?.count ?? 0,
      wristbandsWithBalance: bands?.withBalance ?? 0,
    };
  });
}
