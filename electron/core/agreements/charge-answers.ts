import { eq } from 'drizzle-orm';
import type { ChargeRetryPolicy } from '../../../shared/contract/charge-methods';
import type { Tx } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';
import { PproClientError, type PproAgreement, type PproCharge, type PproClient } from '../ppro';
import { chargeIdempotencyKey } from '../../../shared/domain/recurring-plans';
import { bookCapturedCharge } from './charge-booking';
import { bookTopupCharge, creditAutoTopup } from './auto-topup-credit';
import type { WristbandRow } from '../topup/wristband-book';
import { nextAttemptAt } from './charge-retry-policy';
import { recordRevocation, revokerAtPpro } from './agreement-revocation';
import { moveOn, type ChargeRow } from './charge-steps';
import type { AgreementRow } from './charge-booking';

/*
 * PPRO's answer to one charge, and what Kassa stores of it. Captured: the charge is booked as a sale
 * and the agreement moves on. Declined, PPRO unavailable, no answer in time: tried again after the
 * policy's delays (with the same key, so a charge PPRO made but never answered comes back, not a
 * second one), then failed. A refusal that will not change fails the charge at once with its reason.
 */

export type Answer =
  | { kind: 'charge'; charge: PproCharge }
  /** `agreement`: PPRO's agreement read back after AGREEMENT_NOT_ACTIVE, when it could be. */
  | { kind: 'error'; error: PproClientError; agreement: PproAgreement | null };

/** Asks PPRO for the charge: the agreement's whole amount, never split, under the period's key. */
export async function askCharge(
  client: PproClient,
  agreement: AgreementRow,
  charge: ChargeRow,
): Promise<Answer> {
  try {
    const request = {
      amount: { value: charge.amountCents, currency: 'EUR' as const },
      // The period's own reference (PPRO takes charges with one reference as parts of one payment; a
      // declined one does not count), the same on every try of the period.
      merchantPaymentChargeReference: chargeIdempotencyKey(charge.agreementId, charge.period),
      paymentDescriptor: agreement.description.slice(0, 35),
    };
    return {
      kind: 'charge',
      charge: await client.createCharge(agreement.pproId!, request, charge.idempotencyKey),
    };
  } catch (thrown) {
    const error = thrown instanceof PproClientError ? thrown : new PproClientError('network', String(thrown));
    if (error.kind !== 'agreement_not_active') return { kind: 'error', error, agreement: null };
    // PPRO's word: read the agreement back to learn what became of it (revoked by whom).
    const read = await client.getAgreement(agreement.pproId!).catch(() => null);
    return { kind: 'error', error, agreement: read };
  }
}

export interface StoreContext {
  policy: ChargeRetryPolicy;
  pproNow: number;
  at: number;
}

export interface Stored {
  /** The charge was captured and booked now (its receipt is to be mailed). */
  captured: boolean;
  /** An automatic top-up's wristband, as the captured charge left it (its screens are told). */
  credited?: WristbandRow | null;
  /** The agreement may have another period to charge at once. */
  goOn: boolean;
}

const STOP: Stored = { captured: false, goOn: false };

export async function storeAnswer(
  tx: Tx,
  chargeId: string,
  answer: Answer,
  ctx: StoreContext,
): Promise<Stored> {
  const [charge] = await tx.select().from(agreementCharges).where(eq(agreementCharges.id, chargeId)).limit(1);
  // Another unit stored this answer already (a second station, a second run): nothing twice.
  if (charge?.status !== 'sent') return { captured: false, goOn: true };
  const [agreement] = await tx
    .select()
    .from(agreements)
    .where(eq(agreements.id, charge.agreementId))
    .limit(1);
  if (!agreement) return STOP;
  if (answer.kind === 'charge') {
    const status = answer.charge.status;
    if (status === 'CAPTURED' || status === 'REFUNDED')
      return captured(tx, agreement, charge, answer.charge, ctx);
    const rows = { agreement, charge };
    if (status === 'FAILED')
      return failed(tx, rows, 'DECLINED: the consumer’s bank declined the charge', false, ctx);
    return failed(tx, rows, `UNEXPECTED: PPRO answered ${status}`, false, ctx);
  }
  const { error } = answer;
  const reason = `${error.failureType ?? error.kind.toUpperCase()}: ${error.failureMessage ?? error.message}`;
  if (error.kind === 'agreement_not_active') {
    await agreementNotActive(tx, agreement, answer.agreement, ctx.at);
    return failed(tx, { agreement, charge }, reason, true, ctx);
  }
  return failed(tx, { agreement, charge }, reason, isFinal(error), ctx);
}

/** Refusals that the same request will meet again, however long Kassa waits. */
function isFinal(error: PproClientError): boolean {
  if (error.kind === 'above_maximum') return error.failureType !== 'SPLIT_PAYMENT_NOT_ALLOWED';
  return error.kind === 'refused';
}

async function captured(
  tx: Tx,
  agreement: AgreementRow,
  charge: ChargeRow,
  answer: PproCharge,
  ctx: StoreContext,
): Promise<Stored> {
  await tx
    .update(agreementCharges)
    .set({
      ...{ status: answer.status === 'REFUNDED' ? 'refunded' : 'captured', pproChargeId: answer.id },
      ...{ capturedAt: ctx.at, nextAttemptAt: null, lastError: null, updatedAt: ctx.at },
    })
    .where(eq(agreementCharges.id, charge.id));
  const idempotencyKey = chargeIdempotencyKey(charge.agreementId, charge.period);
  const { amountCents } = charge;
  if (agreement.kind === 'auto_topup') {
    // A top-up: money on the wristband, booked without a sale or VAT.
    const topup = { chargeId: charge.id, pproChargeId: answer.id, amountCents, at: ctx.at };
    const credited = await creditAutoTopup(tx, agreement, topup);
    await bookTopupCharge(tx, agreement, topup);
    await moveOn(tx, agreement, charge.period, ctx.at);
    return { captured: true, goOn: true, credited };
  }
  await bookCapturedCharge(tx, agreement, { chargeId: charge.id, idempotencyKey, amountCents, at: ctx.at });
  await moveOn(tx, agreement, charge.period, ctx.at);
  return { captured: true, goOn: true };
}

async function failed(
  tx: Tx,
  rows: { agreement: AgreementRow; charge: ChargeRow },
  lastError: string,
  final: boolean,
  ctx: StoreContext,
): Promise<Stored> {
  const { charge } = rows;
  const retryAt = final ? null : nextAttemptAt(ctx.policy, charge.attempts, ctx.pproNow);
  // PPRO keeps a declined charge's answer under its key: the next try needs a key of its own. After
  // no answer (a timeout, 5xx) the key stays, so a charge PPRO made unanswered comes back as itself.
  const declined = lastError.startsWith('DECLINED') && retryAt !== null;
  await tx
    .update(agreementCharges)
    .set({
      ...{
        status: retryAt === null ? 'failed' : 'due',
        nextAttemptAt: retryAt,
        lastError,
        updatedAt: ctx.at,
      },
      ...(declined && { idempotencyKey: retryKey(charge) }),
    })
    .where(eq(agreementCharges.id, charge.id));
  if (retryAt !== null) return STOP;
  // Given up: the period is not charged, and the next one falls due on its own date.
  const [fresh] = await tx.select().from(agreements).where(eq(agreements.id, rows.agreement.id)).limit(1);
  await moveOn(tx, fresh ?? rows.agreement, charge.period, ctx.at);
  return { captured: false, goOn: true };
}

/** The key of the next try after a decline: the period's key and the how-manieth retry. */
function retryKey(charge: ChargeRow): string {
  const match = /:retry(\d+)$/.exec(charge.idempotencyKey);
  const retries = match ? Number(match[1]) + 1 : 1;
  return `${chargeIdempotencyKey(charge.agreementId, charge.period)}:retry${retries}`;
}

/** PPRO no longer takes charges on it: Kassa follows what PPRO says became of the agreement. */
async function agreementNotActive(
  tx: Tx,
  agreement: AgreementRow,
  read: PproAgreement | null,
  at: number,
): Promise<void> {
  const status = read?.status ?? 'REVOKED';
  if (status === 'ACTIVE' || status === 'AUTHENTICATION_PENDING') return;
  if (status === 'FAILED') {
    await tx
      .update(agreements)
      .set({ status: 'failed', pproStatus: status, nextChargeAt: null, updatedAt: at })
      .where(eq(agreements.id, agreement.id));
    return;
  }
  if (agreement.status === 'revoked') return;
  await recordRevocation(tx, agreement.id, revokerAtPpro(read) ?? 'consumer', at);
}
