import { and, desc, eq } from 'drizzle-orm';
import { ContractFailure, type WristbandAutoTopupView, type WristbandView } from '../../../shared/contract';
import type { Tx } from '../db/open-database';
import { agreements, topupBatches, wristbandEntries, wristbands } from '../db/schema';

/** A wristband with its batch's event name and its whole history, newest first. */
export async function wristbandView(q: Tx, id: string): Promise<WristbandView> {
  const [row] = await q
    .select({ band: wristbands, eventName: topupBatches.eventName })
    .from(wristbands)
    .innerJoin(topupBatches, eq(topupBatches.id, wristbands.batchId))
    .where(eq(wristbands.id, id))
    .limit(1);
  if (!row) throw new ContractFailure('NOT_FOUND', `No wristband ${id}`);
  const entries = await q
    .select()
    .from(wristbandEntries)
    .where(eq(wristbandEntries.wristbandId, id))
    .orderBy(desc(wristbandEntries.at), desc(wristbandEntries.id));
  const { band } = row;
  return {
    id: band.id,
    batchId: band.batchId,
    eventName: row.eventName,
    status: band.status,
    balanceCents: band.balanceCents,
    movedTo: band.movedTo,
    entries: entries.map((e) => ({
      at: new Date(e.at).toISOString(),
      kind: e.kind,
      amountCents: e.amountCents,
      bancontactId: e.bancontactId,
      saleId: e.saleId,
      payerName: e.payerName,
    })),
    autoTopup: await autoTopupOf(q, id),
  };
}

async function autoTopupOf(q: Tx, wristbandId: string): Promise<WristbandAutoTopupView | null> {
  const [row] = await q
    .select()
    .from(agreements)
    .where(and(eq(agreements.wristbandId, wristbandId), eq(agreements.kind, 'auto_topup')))
    .orderBy(desc(agreements.createdAt))
    .limit(1);
  if (!row) return null;
  const { id: agreementId, thresholdCents, amountCents: topupCents, status } = row;
  return { agreementId, thresholdCents: thresholdCents ?? 0, topupCents, status };
}
