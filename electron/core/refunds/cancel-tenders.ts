import type { Tx } from '../db/open-database';
import type { Actor } from '../ledger/actor';
import { giveBack, type GivenBack } from './give-back';
import { takenTenders } from './refundable';

/**
 * Cancelling an open sale (till/sale-cancel.ts): every tender it took, all that is left on each, goes
 * back in the caller's unit of work: the wristband credited back, cash out of the drawer, a Bancontact
 * refund to start after the commit.
 */
export async function giveBackAllTenders(
  tx: Tx,
  request: { saleId: string; actor: Actor; at: number },
): Promise<GivenBack[]> {
  const tenders = (await takenTenders(tx, request.saleId)).filter((t) => t.leftCents > 0);
  if (tenders.length === 0) return [];
  return giveBack(tx, {
    ...{ saleId: request.saleId, kind: 'cancel', actor: request.actor, at: request.at },
    tenders: tenders.map((t) => ({ source: t.source })),
  });
}
