import { z } from 'zod';
import { VAT_RATES } from '../domain/cash';
import { MAX_PAYMENT_CENTS } from '../domain/money';

/*
 * What a till sends for a sale made of articles and free-amount lines (docs/register-rules.md). The
 * station prices it again with shared/domain/basket.ts: an article line carries only the article's id,
 * so its price and VAT rate come from the catalogue, never from the till.
 */

export const MAX_BASKET_LINES = 200;
export const MAX_LINE_QUANTITY = 999;

export const discountInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percent: z.number().min(0).max(100).multipleOf(0.01) }).strict(),
  z.object({ kind: z.literal('amount'), cents: z.number().int().min(0).max(MAX_PAYMENT_CENTS) }).strict(),
]);

const quantity = z.number().int().min(1).max(MAX_LINE_QUANTITY);
const lineNote = z.string().trim().max(80).optional();
const vatRate = z
  .number()
  .int()
  .refine((rate) => (VAT_RATES as readonly number[]).includes(rate), 'one of 21, 12, 6, 0');

/** An article from the catalogue: the station looks up its name, price and VAT rate. */
export const articleLineInput = z
  .object({
    articleId: z.string().min(1).max(64),
    quantity,
    discount: discountInput.optional(),
    note: lineNote,
  })
  .strict();

/** A free amount typed on the keypad, at a VAT rate the cashier chose (the till's default rate). */
export const freeLineInput = z
  .object({
    name: z.string().trim().min(1).max(40).optional(),
    quantity,
    unitPriceCents: z.number().int().min(1).max(MAX_PAYMENT_CENTS),
    vatRate,
    discount: discountInput.optional(),
    note: lineNote,
  })
  .strict();

export const basketInput = z
  .object({
    lines: z
      .array(z.union([articleLineInput, freeLineInput]))
      .min(1)
      .max(MAX_BASKET_LINES),
    discount: discountInput.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();

export type DiscountInput = z.infer<typeof discountInput>;
export type ArticleLineInput = z.infer<typeof articleLineInput>;
export type FreeLineInput = z.infer<typeof freeLineInput>;
export type BasketInput = z.infer<typeof basketInput>;
