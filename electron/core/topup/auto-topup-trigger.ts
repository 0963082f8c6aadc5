import { and, desc, eq, gt, inArray, max } from 'drizzle-orm';
import { chargeIdempotencyKey } from '../../../shared/domain/recurring-plans';
import { newId } from '../db/ids';
import type { Tx } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';

/*
 * An automatic top-up (docs/agreements.md, "Automatic top-ups"): a debit that leaves a wristband below
 * its active agreement's threshold makes that agreement's next charge due, written in the debit's own
 * unit of work, so a debit is never committed without its top-up being asked for, nor the other way
 * round. The charge scheduler sends it to PPRO like any charge and credits the wristband when captured.
 */

/**
 * After a debit of `wristbandId` left it at `balanceCents`: the due charge of its automatic top-up, when
 * it is below the threshold and no charge of that agreement is due or on its way already (two quick
 * debits make one charge). Returns the charge's id, or null when nothing fell due.
 */
export async function autoTopupAfterDebit(
  tx: Tx,
  wristbandId: string,
  balanceCents: number,
  at: number,
): Promise<string | null> {
  const [agreement] = await tx
    .select({ id: agreements.id, amountCents: agreements.amountCents })
    .from(agreements)
    .where(
      and(
        eq(agreements.wristbandId, wristbandId),
        eq(agreements.kind, 'auto_topup'),
        eq(agreements.status, 'active'),
        gt(agreements.thresholdCents, balanceCents),
      ),
    )
    .orderBy(desc(agreements.createdAt))
    .limit(1);
  if (!agreement || (await hasOpenCharge(tx, agreement.id))) return null;
  const [made] = await tx
    .select({ last: max(agreementCharges.period) })
    .from(agreementCharges)
    .where(eq(agreementCharges.agreementId, agreement.id));
  const period = (made?.last ?? 0) + 1;
  const id = newId();
  const idempotencyKey = chargeIdempotencyKey(agreement.id, period);
  // The whole top-up in one charge, never split. Another unit that wrote this period first (a second
  // station's debit of the same wristband) wins; this debit then needs no charge of its own.
  const written = await tx
    .insert(agreementCharges)
    .values({
      ...{ id, agreementId: agreement.id, period, idempotencyKey, status: 'due' },
      ...{ amountCents: agreement.amountCents, dueAt: at, attempts: 0, nextAttemptAt: null },
      ...{ createdAt: at, updatedAt: at },
    })
    .onConflictDoNothing()
    .returning({ id: agreementCharges.id });
  return written.length > 0 ? id : null;
}

/** A charge due or sent and not answered yet: the top-up is on its way already. */
async function hasOpenCharge(tx: Tx, agreementId: string): Promise<boolean> {
  const [open] = await tx
    .select({ id: agreementCharges.id })
    .from(agreementCharges)
    .where(
      and(eq(agreementCharges.agreementId, agreementId), inArray(agreementCharges.status, ['due', 'sent'])),
    )
    .limit(1);
  return open !== undefined;
}
