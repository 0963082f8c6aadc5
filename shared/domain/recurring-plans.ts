import { z } from 'zod';

/*
 * What an article sold as a Bancontact payment agreement (issue 15, seed 004) promises the consumer.
 * Stored as JSON on the article (articles.recurring_plan) and copied onto each agreement sold.
 *
 * - `plan`: the article's price is taken every period, the first time at the till; `chargeCount`
 *   charges in all (the first included), or until revoked when null. A club's monthly fee, a season
 *   pass paid in instalments.
 * - `auto_topup`: the article's price is the first top-up, paid at the till; afterwards, whenever the
 *   wristband's balance falls below `thresholdCents`, `topupCents` is charged and credited. A staff card
 *   or wristband that tops itself up ("when below €5, add €20").
 *
 * Kassa never splits one amount over several charges (seed 004 forbids it): every charge is the whole
 * amount the plan names, at most the merchant's WIP maximum.
 */

export const PLAN_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

/** The most a plan may name: five years of weekly charges. */
export const MAX_PLAN_CHARGES = 260;

const cents = z.number().int().positive().max(10_000_000);

export const recurringPlanSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('plan'),
    period: z.enum(PLAN_PERIODS),
    /** Charges in all, the first included (at least 2: one charge is an ordinary sale); null: until revoked. */
    chargeCount: z.number().int().min(2).max(MAX_PLAN_CHARGES).nullable(),
  }),
  z
    .object({
      kind: z.literal('auto_topup'),
      thresholdCents: cents,
      topupCents: cents,
    })
    .refine((rule) => rule.topupCents > rule.thresholdCents, {
      // A top-up smaller than the threshold could leave the balance below it, and a second charge at once.
      message: 'the top-up must be larger than the threshold',
      path: ['topupCents'],
    }),
]);

export type RecurringPlan = z.infer<typeof recurringPlanSchema>;

/** The statuses of an agreement as Kassa shows them (db/schema/agreements.ts says what each means). */
export const AGREEMENT_STATUSES = ['pending', 'active', 'failed', 'revoked', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const CHARGE_STATUSES = ['due', 'sent', 'captured', 'failed', 'refunded'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

/** PPRO's idempotency key of one period's charge: the agreement and the period, nothing else. */
export function chargeIdempotencyKey(agreementId: string, period: number): string {
  return `${agreementId}:${period}`;
}
