import { eq, inArray } from 'drizzle-orm';
import { ContractFailure, type ErrorCode } from '../../../shared/contract/errors';
import type { AgreementRevokedView, ChargeRefundView } from '../../../shared/contract/charge-methods';
import type { Db, Tx } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';
import { PproClientError, type PproAgreement, type PproRefund } from '../ppro';
import { bookChargeRefund, chargeSaleId } from './charge-booking';
import type { ChargeRow } from './charge-steps';
import type { PproRuntime } from './ppro-runtime';
import { recordRevocation, revokeAtPpro, revokerAtPpro } from './agreement-revocation';
import { chargeIdempotencyKey } from '../../../shared/domain/recurring-plans';

/*
 * What a manager does from Kassa about an agreement (seed 004: "an easy way to refund a charge and to
 * revoke the agreement"): revoke it at PPRO, so it is never charged again, and refund a captured
 * charge, whole or in part, followed until PPRO says SUCCEEDED and then booked as a refund.
 */

export interface ChargeActionDeps {
  db: Db;
  /** Null when the mode has no PPRO set up. */
  ppro: PproRuntime | null;
  now: () => number;
}

function pproOf(deps: ChargeActionDeps): PproRuntime {
  if (!deps.ppro) throw new ContractFailure('NOT_CONFIGURED', 'PPRO is not set up for this mode');
  return deps.ppro;
}

const PPRO_CODES: Record<string, ErrorCode> = {
  unauthorised: 'BANCONTACT_UNAUTHORIZED',
  unavailable: 'BANCONTACT_UNAVAILABLE',
  timeout: 'BANCONTACT_TIMEOUT',
  network: 'NETWORK_DOWN',
};

/** PPRO's failure said in the contract's codes, with PPRO's own message kept (never a key). */
function contractFailure(error: unknown): ContractFailure {
  if (!(error instanceof PproClientError)) return new ContractFailure('INTERNAL', String(error));
  const code = PPRO_CODES[error.kind] ?? 'BANCONTACT_REJECTED';
  return new ContractFailure(code, `PPRO: ${error.failureMessage ?? error.message}`);
}

export async function revokeAgreement(
  deps: ChargeActionDeps,
  agreementId: string,
): Promise<AgreementRevokedView> {
  const [agreement] = await deps.db.read((q) =>
    q.select().from(agreements).where(eq(agreements.id, agreementId)),
  );
  if (!agreement) throw new ContractFailure('NOT_FOUND', 'No such agreement');
  if (agreement.status === 'revoked') return revokedView(agreement);
  if (agreement.status !== 'active' && agreement.status !== 'pending')
    throw new ContractFailure('CONFLICT', `The agreement is ${agreement.status}: there is nothing to revoke`);
  let read: PproAgreement | null = null;
  if (agreement.pproId)
    read = await revokeAtPpro(pproOf(deps), agreement.pproId, `revoke:${agreementId}`).catch((error) => {
      throw contractFailure(error);
    });
  // Revoked at PPRO before the merchant asked (by the consumer): PPRO's history says so.
  const revokedBy = revokerAtPpro(read) === 'consumer' ? 'consumer' : 'merchant';
  const at = deps.now();
  await deps.db.write((tx) => recordRevocation(tx, agreementId, revokedBy, at));
  return { agreementId, status: 'revoked', revokedBy, revokedAt: at };
}

/** Charges written and not yet captured are not sent again: the agreement is gone. */
function revokedView(row: typeof agreements.$inferSelect): AgreementRevokedView {
  return {
    agreementId: row.id,
    status: 'revoked',
    revokedBy: row.revokedBy ?? 'merchant',
    revokedAt: row.revokedAt ?? row.updatedAt,
  };
}

export async function refundCharge(
  deps: ChargeActionDeps,
  input: { chargeId: string; amountCents?: number },
): Promise<ChargeRefundView> {
  const charge = await chargeOrFail(deps.db, input.chargeId);
  if (charge.status !== 'captured' || charge.pproChargeId === null)
    throw new ContractFailure(
      'PAYMENT_NOT_REFUNDABLE',
      `The charge is ${charge.status}: only a captured charge is refunded`,
    );
  const [agreement] = await deps.db.read((q) =>
    q.select({ kind: agreements.kind }).from(agreements).where(eq(agreements.id, charge.agreementId)),
  );
  // An automatic top-up's money is on the wristband (and may be spent): it goes back with the
  // wristband's own refund after the event, never as a charge refund that would leave it there.
  if (agreement?.kind === 'auto_topup')
    throw new ContractFailure(
      'PAYMENT_NOT_REFUNDABLE',
      "An automatic top-up is paid back from the wristband's balance, with the wristband refunds",
    );
  const left = charge.amountCents - charge.refundedCents;
  const amount = input.amountCents ?? left;
  if (amount > left)
    throw new ContractFailure(
      'REFUND_AMOUNT_TOO_HIGH',
      `At most ${left} cents of this charge can be refunded`,
    );
  // The key is the charge and what was refunded of it so far: a double tap or a retry while the refund
  // is pending gets PPRO's same refund; a refund after it settled is a new one.
  const key = `refund:${chargeIdempotencyKey(charge.agreementId, charge.period)}:${charge.refundedCents}`;
  let refund: PproRefund;
  try {
    refund = await pproOf(deps).client.refundCharge(charge.pproChargeId, amount, key);
  } catch (error) {
    if (error instanceof PproClientError && error.failureType === 'IDEMPOTENCY_KEY_REUSED')
      throw new ContractFailure('CONFLICT', 'Another refund of this charge is still pending');
    throw contractFailure(error);
  }
  await deps.db.write((tx) => storeRefund(tx, charge.id, refund, deps.now()));
  return refundView(await chargeOrFail(deps.db, charge.id));
}

/** Refunds PPRO has not settled yet: read back, and booked once SUCCEEDED. */
export async function followRefunds(deps: ChargeActionDeps): Promise<void> {
  if (!deps.ppro) return;
  const pending = await deps.db.read((q) =>
    q
      .select()
      .from(agreementCharges)
      .where(inArray(agreementCharges.refundStatus, ['REFUND_PENDING'])),
  );
  for (const charge of pending) {
    const read = await deps.ppro.client.getCharge(charge.pproChargeId!);
    const refund = read.refunds.find((r) => r.id === charge.refundId);
    if (refund && refund.status !== 'REFUND_PENDING')
      await deps.db.write((tx) => storeRefund(tx, charge.id, refund, deps.now()));
  }
}

async function storeRefund(tx: Tx, chargeId: string, refund: PproRefund, at: number): Promise<void> {
  const [charge] = await tx.select().from(agreementCharges).where(eq(agreementCharges.id, chargeId));
  if (!charge) return;
  // Settled once: its money counted and its refund booked, never twice.
  if (charge.refundId === refund.id && charge.refundStatus === 'SUCCEEDED') return;
  const settled = refund.status === 'SUCCEEDED';
  const refundedCents = charge.refundedCents + (settled ? refund.amount : 0);
  await tx
    .update(agreementCharges)
    .set({
      ...{ refundId: refund.id, refundStatus: refund.status, refundedCents, updatedAt: at },
      ...(refundedCents >= charge.amountCents && { status: 'refunded' as const }),
    })
    .where(eq(agreementCharges.id, chargeId));
  if (!settled) return;
  const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, charge.agreementId));
  const saleId = await chargeSaleId(tx, chargeIdempotencyKey(charge.agreementId, charge.period));
  if (agreement)
    await bookChargeRefund(tx, agreement, {
      chargeId,
      refundId: refund.id,
      amountCents: refund.amount,
      saleId,
      at,
    });
}

async function chargeOrFail(db: Db, chargeId: string): Promise<ChargeRow> {
  const [charge] = await db.read((q) =>
    q.select().from(agreementCharges).where(eq(agreementCharges.id, chargeId)),
  );
  if (!charge) throw new ContractFailure('NOT_FOUND', 'No such charge');
  return charge;
}

function refundView(charge: ChargeRow): ChargeRefundView {
  return {
    chargeId: charge.id,
    status: charge.status === 'refunded' ? 'refunded' : 'captured',
    amountCents: charge.amountCents,
    refundedCents: charge.refundedCents,
    refundId: charge.refundId!,
    refundStatus: charge.refundStatus!,
  };
}
