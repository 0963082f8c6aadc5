import { and, asc, eq, gt, inArray, isNull, lte, max, or } from 'drizzle-orm';
import { chargeIdempotencyKey } from '../../../shared/domain/recurring-plans';
import { dueAtOfCharge } from '../../../shared/domain/plan-schedule';
import type { Db, Tx } from '../db/open-database';
import { agreementCharges, agreements } from '../db/schema';
import type { AgreementRow } from './charge-booking';

/*
 * Which charge of an agreement is next, decided in one unit of work: the open charge (sent and never
 * answered, or due again after a failure), else the next period's row, written before PPRO is asked.
 * The unique (agreement, period) index makes a second row for one period impossible, whoever tries.
 */

export type ChargeRow = typeof agreementCharges.$inferSelect;

export type Step = { kind: 'wait' } | { kind: 'send'; agreement: AgreementRow; charge: ChargeRow };

const WAIT: Step = { kind: 'wait' };

/**
 * Whether any agreement could need a charge or a refund followed. Asked first, so that a station without
 * agreements never asks PPRO's time (in training that would start the embedded PPRO simulator).
 */
export async function hasChargeWork(db: Db): Promise<boolean> {
  return db.read(async (q) => {
    const [plan] = await q
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.status, 'active'), eq(agreements.kind, 'plan')))
      .limit(1);
    if (plan) return true;
    const [open] = await q
      .select({ id: agreementCharges.id })
      .from(agreementCharges)
      .where(
        or(
          and(inArray(agreementCharges.status, ['due', 'sent']), gt(agreementCharges.period, 0)),
          eq(agreementCharges.refundStatus, 'REFUND_PENDING'),
        ),
      )
      .limit(1);
    return open !== undefined;
  });
}

/** Agreements with something to do by PPRO's time: a plan due, or a charge sent or due again. */
export async function agreementsToCharge(db: Db, pproNow: number): Promise<string[]> {
  return db.read(async (q) => {
    const due = await q
      .select({ id: agreements.id })
      .from(agreements)
      .where(
        and(
          eq(agreements.status, 'active'),
          eq(agreements.kind, 'plan'),
          or(lte(agreements.nextChargeAt, pproNow), isNull(agreements.nextChargeAt)),
        ),
      )
      .orderBy(asc(agreements.nextChargeAt));
    const open = await q
      .selectDistinct({ id: agreementCharges.agreementId })
      .from(agreementCharges)
      .where(and(inArray(agreementCharges.status, ['due', 'sent']), gt(agreementCharges.period, 0)));
    return [...new Set([...due.map((r) => r.id), ...open.map((r) => r.id)])];
  });
}

export interface StepContext {
  pproNow: number;
  /** The station's clock, for the rows' own stamps. */
  at: number;
  newId: () => string;
}

export async function nextStep(tx: Tx, agreementId: string, ctx: StepContext): Promise<Step> {
  const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).limit(1);
  if (!agreement) return WAIT;
  const [open] = await tx
    .select()
    .from(agreementCharges)
    .where(
      and(
        eq(agreementCharges.agreementId, agreementId),
        inArray(agreementCharges.status, ['due', 'sent']),
        gt(agreementCharges.period, 0),
      ),
    )
    .orderBy(asc(agreementCharges.period))
    .limit(1);
  if (open) return openStep(tx, agreement, open, ctx);
  // An automatic top-up's charges fall due by a debit (topup/auto-topup-trigger.ts), never by the calendar.
  if (agreement.kind !== 'plan') return WAIT;
  if (agreement.status !== 'active' || agreement.anchorAt === null || agreement.period === null) return WAIT;
  return newPeriodStep(tx, agreement, ctx);
}

async function openStep(tx: Tx, agreement: AgreementRow, open: ChargeRow, ctx: StepContext): Promise<Step> {
  if (open.status === 'due') {
    // Revoked (or ended) since it was written, and never sent again: it is not charged.
    if (agreement.status !== 'active') {
      const lastError = `AGREEMENT_NOT_ACTIVE: the agreement is ${agreement.status}`;
      await tx
        .update(agreementCharges)
        .set({ status: 'failed', nextAttemptAt: null, lastError, updatedAt: ctx.at })
        .where(eq(agreementCharges.id, open.id));
      return WAIT;
    }
    if (open.nextAttemptAt !== null && open.nextAttemptAt > ctx.pproNow) return WAIT;
  }
  // A charge sent before and never answered goes again with its key: PPRO answers the same charge.
  const attempts = open.attempts + 1;
  await tx
    .update(agreementCharges)
    .set({ status: 'sent', attempts, updatedAt: ctx.at })
    .where(eq(agreementCharges.id, open.id));
  return { kind: 'send', agreement, charge: { ...open, status: 'sent', attempts } };
}

async function newPeriodStep(tx: Tx, agreement: AgreementRow, ctx: StepContext): Promise<Step> {
  const [made] = await tx
    .select({ last: max(agreementCharges.period) })
    .from(agreementCharges)
    .where(eq(agreementCharges.agreementId, agreement.id));
  const period = Math.max((made?.last ?? 0) + 1, 1);
  if (agreement.chargeCount !== null && period >= agreement.chargeCount) {
    await tx
      .update(agreements)
      .set({ status: 'ended', nextChargeAt: null, updatedAt: ctx.at })
      .where(eq(agreements.id, agreement.id));
    return WAIT;
  }
  const dueAt = dueAtOfCharge(agreement.anchorAt!, agreement.period!, period);
  if (dueAt > ctx.pproNow) {
    if (agreement.nextChargeAt !== dueAt)
      await tx
        .update(agreements)
        .set({ nextChargeAt: dueAt, updatedAt: ctx.at })
        .where(eq(agreements.id, agreement.id));
    return WAIT;
  }
  const charge: ChargeRow = {
    ...{ id: ctx.newId(), agreementId: agreement.id, period },
    ...{ idempotencyKey: chargeIdempotencyKey(agreement.id, period), pproChargeId: null },
    ...{ status: 'sent', amountCents: agreement.amountCents, dueAt, attempts: 1, nextAttemptAt: null },
    ...{ lastError: null, refundedCents: 0, refundId: null, refundStatus: null },
    ...{ receiptMailedAt: null, receiptMailAttempts: 0, receiptMailError: null, capturedAt: null },
    ...{ createdAt: ctx.at, updatedAt: ctx.at },
  };
  await tx.insert(agreementCharges).values(charge);
  return { kind: 'send', agreement, charge };
}

/**
 * The agreement after one of its periods was settled (captured, or failed for good): the next
 * period's due date, or ended after the plan's last charge.
 */
export async function moveOn(tx: Tx, agreement: AgreementRow, period: number, at: number): Promise<void> {
  const next = period + 1;
  const ended = agreement.chargeCount !== null && next >= agreement.chargeCount;
  const nextChargeAt =
    ended || agreement.status !== 'active' || agreement.anchorAt === null || agreement.period === null
      ? null
      : dueAtOfCharge(agreement.anchorAt, agreement.period, next);
  await tx
    .update(agreements)
    .set({
      ...(ended && agreement.status === 'active' && { status: 'ended' as const }),
      nextChargeAt,
      updatedAt: at,
    })
    .where(eq(agreements.id, agreement.id));
}
