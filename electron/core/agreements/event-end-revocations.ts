import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database';
import { agreements, eventEnd } from '../db/schema';
import type { PproAgreement } from '../ppro';
import { endPending } from './till-agreement-rows';
import type { PproRuntime } from './ppro-runtime';
import { recordRevocation, revokeAtPpro, revokerAtPpro } from './agreement-revocation';

/*
 * *End the event* revokes the festival's automatic top-ups (docs/agreements.md, "Automatic top-ups"):
 * every auto top-up agreement still active or pending is revoked at PPRO, then here (revoked by
 * `event_end`), so no wristband is charged after the festival. The charge scheduler runs this at each
 * round while the event is ended and one is left: one PPRO cannot reach is tried again at the next
 * round, and the event's state counts those left (`autoTopupsToRevoke`) for the manager to see. Plans
 * (memberships, passes) are not the festival's and are left alone.
 */

const LEFT = and(eq(agreements.kind, 'auto_topup'), inArray(agreements.status, ['active', 'pending']));

export interface EventEndRevocationDeps {
  db: Db;
  ppro: PproRuntime;
  now: () => number;
}

/** Revokes what is left once the event has ended; the ids PPRO could not revoke this time, with why. */
export async function revokeAutoTopupsAtEventEnd(
  deps: EventEndRevocationDeps,
): Promise<Array<{ agreementId: string; error: string }>> {
  const left = await deps.db.read(async (q) => {
    const [ended] = await q.select({ id: eventEnd.id }).from(eventEnd).limit(1);
    return ended ? q.select().from(agreements).where(LEFT) : [];
  });
  const failures: Array<{ agreementId: string; error: string }> = [];
  for (const agreement of left) {
    try {
      const key = `event-end:${agreement.id}`;
      const read = agreement.pproId ? await revokeAtPpro(deps.ppro, agreement.pproId, key) : null;
      if (read && read.status !== 'REVOKED' && read.status !== 'FAILED')
        throw new Error(`PPRO answered ${read.status}`);
      await deps.db.write((tx) => markRevoked(tx, agreement.id, read, deps.now()));
    } catch (error) {
      failures.push({ agreementId: agreement.id, error: String(error) });
    }
  }
  return failures;
}

async function markRevoked(tx: Tx, agreementId: string, read: PproAgreement | null, at: number) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1);
  if (!row || (row.status !== 'active' && row.status !== 'pending')) return;
  if (row.status === 'pending')
    await endPending(tx, agreementId, { status: 'revoked', pproStatus: 'REVOKED', at });
  // The consumer revoked it before the end: PPRO's history says so, and it stays theirs.
  const revokedBy = revokerAtPpro(read) === 'consumer' ? 'consumer' : 'event_end';
  await recordRevocation(tx, agreementId, revokedBy, at);
}
