import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';
import { PproClientError, type PproAgreement } from '../ppro';
import type { PproRuntime } from './ppro-runtime';

/*
 * One home for what revoking an agreement means in Kassa, whoever asked for it (a manager, the
 * consumer through their bank app, the end of the event): PPRO first, so nobody is charged after, then
 * the agreement revoked here with who revoked it and its charges not yet sent given up.
 */

export type RevokedBy = 'merchant' | 'consumer' | 'event_end';

/** Who revoked it by PPRO's history, or null when PPRO does not say. */
export function revokerAtPpro(read: PproAgreement | null): 'merchant' | 'consumer' | null {
  const last = read?.history.findLast((h) => h.status === 'REVOKED');
  if (last?.revokedBy === 'CONSUMER') return 'consumer';
  return last?.revokedBy === 'MERCHANT' ? 'merchant' : null;
}

/**
 * Revokes at PPRO with the caller's key (a retry is the same request). An agreement PPRO already
 * ended (revoked by the consumer, or failed) is read back instead of refused: it will not be charged.
 */
export async function revokeAtPpro(ppro: PproRuntime, pproId: string, key: string): Promise<PproAgreement> {
  try {
    return await ppro.client.revokeAgreement(pproId, key);
  } catch (error) {
    if (error instanceof PproClientError && error.kind === 'refused' && error.status === 409) {
      const read = await ppro.client.getAgreement(pproId).catch(() => null);
      if (read?.status === 'REVOKED' || read?.status === 'FAILED') return read;
    }
    throw error;
  }
}

/** The agreement revoked here, never charged again: the charges written and not sent are failed. */
export async function recordRevocation(
  tx: Tx,
  agreementId: string,
  revokedBy: RevokedBy,
  at: number,
): Promise<void> {
  await tx
    .update(agreements)
    .set({
      status: 'revoked',
      pproStatus: 'REVOKED',
      revokedAt: at,
      revokedBy,
      nextChargeAt: null,
      updatedAt: at,
    })
    .where(eq(agreements.id, agreementId));
  const lastError = revokedBy === 'event_end' ? 'the event ended' : `revoked by the ${revokedBy}`;
  await tx
    .update(agreementCharges)
    .set({
      status: 'failed',
      nextAttemptAt: null,
      lastError: `AGREEMENT_NOT_ACTIVE: ${lastError}`,
      updatedAt: at,
    })
    .where(and(eq(agreementCharges.agreementId, agreementId), eq(agreementCharges.status, 'due')));
}

/**
 * A webhook named an active agreement: PPRO is asked what became of it, and one the consumer revoked
 * (in their bank app) is revoked here at once, not only when its next charge is refused.
 */
export async function followRevocation(parts: {
  db: Db;
  ppro: PproRuntime | null;
  now: () => number;
  agreementId: string;
  pproId: string;
}): Promise<void> {
  const read = await parts.ppro?.client.getAgreement(parts.pproId);
  if (read?.status !== 'REVOKED') return;
  const revokedBy = revokerAtPpro(read) ?? 'consumer';
  await parts.db.write((tx) => recordRevocation(tx, parts.agreementId, revokedBy, parts.now()));
}
