import { z } from 'zod';
import { MAX_PAYMENT_CENTS } from '../domain/money';

/**
 * What makes a pay method take one part of a sale (docs/register-rules.md, "Split tenders"): the till's
 * open sale it pays towards, and the part's amount (at most what is still due). Without `saleId` the
 * method starts a new sale as before; without `tenderCents` it pays everything still due.
 */
export const tenderPart = {
  saleId: z.string().min(1).max(64).optional(),
  tenderCents: z.number().int().min(1).max(MAX_PAYMENT_CENTS).optional(),
};

export interface TenderPartInput {
  saleId?: string;
  tenderCents?: number;
}
