import { z } from 'zod';
import { AGREEMENT_STATUSES, type AgreementStatus, type ChargeStatus } from '../domain/recurring-plans';
import type { PlanPeriod } from '../domain/recurring-plans';
import { out } from './method-spec';

/*
 * The Agreements screen (docs/agreements.md, "The Agreements screen"): the payment agreements sold at
 * the tills, their status and next charge, and each one's charges. Managers and administrators
 * (`close`, as for revoking an agreement or refunding a charge). Times are milliseconds since 1970.
 */

/** One agreement as the list shows it. */
export interface AgreementRowView {
  id: string;
  consumerName: string;
  /** The article's name as sold. */
  description: string;
  kind: 'plan' | 'auto_topup';
  /** What each charge takes. */
  amountCents: number;
  /** A plan's period; null for an automatic top-up. */
  period: PlanPeriod | null;
  /** A plan's number of charges, the first included; null: until stopped (and for a top-up). */
  chargeCount: number | null;
  /** Charges taken so far (captured, refunded ones included): the "n" of "n of N". */
  chargesTaken: number;
  status: AgreementStatus;
  /** Who revoked it, when it is revoked. */
  revokedBy: 'merchant' | 'consumer' | 'event_end' | null;
  /** When the next charge is due; null when none is. */
  nextChargeAt: number | null;
  createdAt: number;
}

export interface AgreementPageView {
  agreements: AgreementRowView[];
  /** Agreements the filter finds, all pages together. */
  total: number;
}

/** One charge on an agreement. */
export interface AgreementChargeView {
  id: string;
  /** 0: the first, paid at the till; 1, 2 …: the periods (or top-ups) after it. */
  period: number;
  dueAt: number;
  status: ChargeStatus;
  amountCents: number;
  /** PPRO's charge id; null until PPRO answered. */
  pproChargeId: string | null;
  attempts: number;
  /** PPRO's last refusal (its failure type and message). */
  lastError: string | null;
  nextAttemptAt: number | null;
  refundedCents: number;
  /** PPRO's status of the latest refund (REFUND_PENDING, SUCCEEDED). */
  refundStatus: string | null;
  capturedAt: number | null;
  /** When the receipt was taken by the merchant's mail server; null: not (yet) mailed. */
  receiptMailedAt: number | null;
  receiptMailError: string | null;
}

export interface AgreementDetailView extends AgreementRowView {
  /** PPRO's agreement id and status as last read. */
  pproId: string | null;
  pproStatus: string | null;
  vatRate: number | null;
  wristbandId: string | null;
  thresholdCents: number | null;
  consumerEmail: string | null;
  /** The merchant's terms the consumer approved, and when. */
  termsVersion: string;
  termsAcceptedAt: number;
  revokedAt: number | null;
  /** Oldest first. */
  charges: AgreementChargeView[];
}

export const AGREEMENT_PAGE_SIZE = 25;

/** Merged into `methods`. */
export const agreementListMethods = {
  /** Newest first; `search` finds a part of the consumer's name, whatever its case. */
  'agreements.list': {
    permission: 'close',
    input: z
      .object({
        status: z.enum(AGREEMENT_STATUSES).optional(),
        search: z.string().trim().max(100).optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(100).default(AGREEMENT_PAGE_SIZE),
      })
      .strict(),
    output: out<AgreementPageView>(),
  },
  'agreements.detail': {
    permission: 'close',
    input: z.object({ agreementId: z.string().min(1).max(64) }).strict(),
    output: out<AgreementDetailView>(),
  },
} as const;
