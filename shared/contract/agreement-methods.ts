import { z } from 'zod';
import { LOCALES, type Locale } from '../domain/money';
import type { AgreementStatus } from '../domain/recurring-plans';
import { out } from './method-spec';

/*
 * Selling a Bancontact payment agreement at the till (issue 15, docs/agreements.md): an article with a
 * recurring plan, sold alone; the consumer scans the agreement's QR on the customer display, authorises
 * it and pays the first charge.
 */

const id = z.string().min(1).max(64);
const tillId = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);

/** What the till and the customer display show of an agreement being sold. */
export interface AgreementTillView {
  id: string;
  tillId: string;
  /** The sale its first charge pays. */
  saleId: string | null;
  saleStatus: 'open' | 'paid' | 'unpaid' | 'cancelled' | null;
  /** PPRO's agreement id, once PPRO answered. */
  pproId: string | null;
  kind: 'plan' | 'auto_topup';
  status: AgreementStatus;
  description: string;
  /** The first charge, paid at the till. */
  amountCents: number;
  consumerName: string;
  consumerLocale: Locale;
  /** The QR code's content (PPRO's SCAN_CODE) while the consumer has still to scan it; null otherwise. */
  codePayload: string | null;
  /** ISO times: when the first charge was captured, and when the next one is due (a plan's). */
  anchorAt: string | null;
  nextChargeAt: string | null;
  /** Why it failed or could not be asked, as a code the till translates. */
  failure: { code: string; message: string } | null;
}

const agreementRef = z.object({ agreementId: id }).strict();

export const agreementMethods = {
  /** Sells the article's agreement: the sale, the agreement (pending) and its first charge, then PPRO. */
  'agreements.startAtTill': {
    permission: 'sell',
    input: z
      .object({
        tillId,
        idempotencyKey: z.string().min(8).max(64),
        articleId: id,
        consumer: z
          .object({
            name: z.string().trim().min(1).max(100),
            email: z.string().trim().max(254).email(),
            locale: z.enum(LOCALES),
          })
          .strict(),
        /** The cashier ticks that the customer approved the merchant's terms. */
        termsAccepted: z.literal(true),
        /** An automatic top-up's wristband, scanned at the till. */
        wristbandId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    output: out<AgreementTillView>(),
  },
  /** The agreement (by id), or the till's latest one being sold (for the customer display). */
  'agreements.getForTill': {
    permission: 'signedIn',
    input: z.object({ tillId, agreementId: id.optional() }).strict(),
    output: out<AgreementTillView | null>(),
  },
  /** Gives up a pending agreement: revoked at PPRO, its sale cancelled. */
  'agreements.cancelAtTill': { permission: 'sell', input: agreementRef, output: out<AgreementTillView>() },
  /** Training only: the simulated consumer authorises (pays the first charge) or refuses. */
  'training.authoriseAgreement': {
    permission: 'sell',
    input: agreementRef,
    output: out<AgreementTillView>(),
  },
  'training.refuseAgreement': { permission: 'sell', input: agreementRef, output: out<AgreementTillView>() },
} as const;
