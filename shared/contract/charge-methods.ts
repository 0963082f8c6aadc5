import { z } from 'zod';
import { out } from './method-spec';

/*
 * The charges Kassa makes on Bancontact payment agreements (docs/agreements.md, "Charges"): the retry
 * policy of failed charges, and what a manager does from Kassa: revoke an agreement, refund a charge.
 */

/** At most a week between two tries, at most eight tries after the first. */
export const MAX_RETRY_DELAY_MINUTES = 7 * 24 * 60;
export const MAX_RETRIES = 8;

export const chargeRetryPolicySchema = z
  .object({
    /**
     * After a charge failed (declined, PPRO unavailable, no answer in time), the next try waits the
     * first delay, then the second… When none is left, the charge has failed.
     */
    delaysMinutes: z.array(z.number().int().min(1).max(MAX_RETRY_DELAY_MINUTES)).max(MAX_RETRIES),
  })
  .strict();

export type ChargeRetryPolicy = z.infer<typeof chargeRetryPolicySchema>;

/** 1 hour, 6 hours, 24 hours, then failed. */
export const DEFAULT_CHARGE_RETRY_POLICY: ChargeRetryPolicy = { delaysMinutes: [60, 360, 1440] };

export interface AgreementRevokedView {
  agreementId: string;
  status: 'revoked';
  revokedBy: 'merchant' | 'consumer' | 'event_end';
  revokedAt: number;
}

export interface ChargeRefundView {
  chargeId: string;
  /** `captured` while part of it is refunded, `refunded` once refunds add up to its amount. */
  status: 'captured' | 'refunded';
  amountCents: number;
  refundedCents: number;
  refundId: string;
  /** PPRO's refund status: REFUND_PENDING, then SUCCEEDED. */
  refundStatus: string;
}

const id = z.string().min(1).max(64);

/** Merged into `methods`. */
export const chargeMethods = {
  'charges.retryPolicy': {
    permission: 'close',
    input: z.object({}).strict(),
    output: out<ChargeRetryPolicy>(),
  },
  'charges.setRetryPolicy': {
    permission: 'administer',
    input: chargeRetryPolicySchema,
    output: out<ChargeRetryPolicy>(),
  },
  /** The merchant stops the agreement: PPRO revokes it, and Kassa never charges it again. */
  'agreements.revoke': {
    permission: 'close',
    input: z.object({ agreementId: id }).strict(),
    output: out<AgreementRevokedView>(),
  },
  /**
   * A captured charge given back, whole (no amount) or in part. The answer is PPRO's refund, usually
   * REFUND_PENDING; the station follows it to SUCCEEDED and books it then. The station keys it by the
   * charge and what was refunded so far, so a double tap asks PPRO once.
   */
  'agreements.refundCharge': {
    permission: 'close',
    input: z
      .object({ chargeId: id, amountCents: z.number().int().positive().max(10_000_000).optional() })
      .strict(),
    output: out<ChargeRefundView>(),
  },
} as const;
