import { z } from 'zod';
import { out } from './method-spec';
import type { SaleMethod } from './report-views';

/*
 * Returns: a manager gives back some lines of a past sale, by one of the methods that took its money
 * (docs/register.md, "Refunds"). Named `returns.*`: `refunds.*` are the festival's wristband balances
 * paid back by SEPA file.
 */

export type SaleRefundStatus = 'pending' | 'refunded' | 'failed' | 'awaiting_iban';

export interface SaleRefundView {
  id: number;
  saleId: string;
  /** `refund`: lines given back by a manager; `cancel`: an open sale's tender given back. */
  kind: 'refund' | 'cancel';
  method: SaleMethod;
  amountCents: number;
  /** Cash and wristband: `refunded` at once. Bancontact: `pending` until Bancontact says REFUNDED or FAILED. */
  status: SaleRefundStatus;
  reason: string | null;
  /** Why Bancontact refused or failed it (REFUND_BY_IBAN, …); null otherwise. */
  problemCode: string | null;
  /** The payer's IBAN, masked, once the manager typed it (Refund API off: paid by SEPA transfer). */
  ibanMasked: string | null;
  createdAt: string;
  tillId: string;
  lines: { saleLineId: string; name: string; quantity: number; grossCents: number }[];
  byRate: { ratePercent: number; grossCents: number; netCents: number; vatCents: number }[];
  /** The refund receipt's number at its till; null until it has one. */
  receiptNumber: number | null;
}

/** What a sale can still give back: its lines and, per tender, what that tender can still return. */
export interface SaleReturnsView {
  saleId: string;
  lines: {
    saleLineId: string;
    name: string;
    vatRate: number;
    quantity: number;
    grossCents: number;
    /** Sold minus given back already. */
    refundableQuantity: number;
    /** What the rest of the line gives back (some of it: its share, rounded; the last units take the rest). */
    refundableCents: number;
  }[];
  tenders: {
    /** The tender's transaction (`p:<paymentId>`, `c:<saleId>`, `e:<entry id>`): what `returns.refund` names. */
    source: string;
    method: SaleMethod;
    takenCents: number;
    leftCents: number;
  }[];
  refunds: SaleRefundView[];
}

/** A SEPA credit transfer (pain.001.001.09) for a refund paid to the payer's IBAN. */
export interface SaleRefundTransferView {
  refund: SaleRefundView;
  fileName: string;
  /** The file itself: a few kilobytes, saved by the screen. */
  xml: string;
}

const saleId = z.string().min(1).max(64);
const refundId = z.number().int().min(1);
const sepaName = z.string().trim().min(1).max(70);
const iban = z.string().trim().min(15).max(42);

export const returnsMethods = {
  'returns.get': {
    permission: 'close',
    input: z.object({ saleId }).strict(),
    output: out<SaleReturnsView>(),
  },
  /**
   * Gives lines back by one tender; their gross goes back in full (VAT per rate, once per refund). The
   * screen's key for this refund: the same request again (a double tap, a lost answer) answers the
   * refund it made; the same key for another request is refused (CONFLICT).
   */
  'returns.refund': {
    permission: 'close',
    input: z
      .object({
        saleId,
        idempotencyKey: z.string().min(8).max(64),
        tender: z.string().min(3).max(80),
        lines: z
          .array(
            z.object({ saleLineId: z.string().min(1).max(64), quantity: z.number().int().min(1).max(999) }),
          )
          .min(1)
          .max(200),
        reason: z.string().trim().max(140).optional(),
      })
      .strict(),
    output: out<SaleRefundView>(),
  },
  /**
   * A Bancontact refund the Refund API would not take (REFUND_BY_IBAN): the payer's IBAN and name, and
   * the merchant's account it is paid from; answers the SEPA file to hand to the bank.
   */
  'returns.payByIban': {
    permission: 'close',
    input: z
      .object({
        refundId,
        iban,
        name: sepaName,
        debtorName: sepaName,
        debtorIban: iban,
        executionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      })
      .strict(),
    output: out<SaleRefundTransferView>(),
  },
} as const;
