import { z } from 'zod';
import { CASH_ROUNDINGS, VAT_RATES } from '../../../shared/domain/cash';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import { DEFAULT_SALES_SETUP } from '../ledger/attribution';

const vatRate = z
  .number()
  .int()
  .refine((rate) => (VAT_RATES as readonly number[]).includes(rate), 'one of 21, 12, 6, 0');

/**
 * `sales-setup.json` as read at start: a missing field takes the default, a wrong one refuses the
 * start. Loose objects, so a field a newer Kassa wrote survives this one's rewrite.
 */
export const salesSetupFileSchema = z.looseObject({
  shops: z
    .array(z.looseObject({ id: z.string().min(1), name: z.string() }))
    .min(1)
    .default(DEFAULT_SALES_SETUP.shops),
  cashRounding: z.literal(CASH_ROUNDINGS).default(DEFAULT_SALES_SETUP.cashRounding),
  defaultVatRate: vatRate.default(DEFAULT_SALES_SETUP.defaultVatRate),
  defaultCashierId: z.string().min(1).default(DEFAULT_SALES_SETUP.defaultCashierId),
  tills: z
    .array(
      z.looseObject({
        tillId: z.string().min(1),
        shopId: z.string().optional(),
        vatRate: vatRate.optional(),
        cashierId: z.string().optional(),
        stickerPosId: z.string().optional(),
      }),
    )
    .default([]),
}) satisfies z.ZodType<SalesSetupView>;
