import { desc, eq } from 'drizzle-orm';
import { ContractFailure, type WristbandView } from '../../../shared/contract';
import type { Db, Tx } from '../db/open-database';
import { topupBatches, wristbandEntries, wristbands } from '../db/schema';

/** A wristband with its batch's event name and its whole history, newest first. */
export function wristbandView(db: Db | Tx, id: string): WristbandView {
  const row = db
    .select({ band: wristbands, eventName: topupBatches.eventName })
    .from(wristbands)
    .innerJoin(topupBatches, eq(topupBatches.id, wristbands.batchId))
    .where(eq(wristbands.id, id))
    .get();
  if (!row) throw new ContractFailure('NOT_FOUND', `No wristband ${id}`);
  const entries = db
    .select()
    .from(wristbandEntries)
    .where(eq(wristbandEntries.wristbandId, id))
    .orderBy(desc(wristbandEntries.at), desc(wristbandEntries.id))
    .all();
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
  };
}
