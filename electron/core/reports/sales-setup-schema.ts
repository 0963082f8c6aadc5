import { z } from 'zod';
import { CASH_ROUNDINGS } from '../../../shared/domain/cash';
import type { SalesSetupView } from '../../../shared/contract/report-views';
import { DEFAULT_SALES_SETUP } from '../ledger/attribution';

// Any whole percentage: which rates apply on a day is the setup's `vatRates`, checked on a change.
const vatRate = z.number().int().min(0).max(100);
const text = z.string().default('');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

/**
 * `sales-setup.json` as read at start: a missing field takes the default, a wrong one refuses the
 * start. Loose objects, so a field a newer Kassa wrote survives this one's rewrite. Fields a later
 * Kassa added (a shop's address, the business, the VAT rates' dates) default, so an older file reads.
 */
export const salesSetupFileSchema = z.looseObject({
  shops: z
    .array(
      z.looseObject({
        id: z.string().min(1),
        name: z.string(),
        address: text,
        website: text,
        vatNumber: text,
      }),
    )
    .min(1)
    .default(DEFAULT_SALES_SETUP.shops),
  business: z
    .looseObject({ name: text, address: text, website: text, vatNumber: text })
    .default(DEFAULT_SALES_SETUP.business),
  vatRates: z
    .array(z.looseObject({ rate: vatRate, from: day, until: day.optional() }))
    .min(1)
    .default(DEFAULT_SALES_SETUP.vatRates),
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
  discountLimitPercent: z.number().min(0).max(100).default(DEFAULT_SALES_SETUP.discountLimitPercent),
  confirmAboveCents: z.number().int().min(100).max(99_999_999).default(DEFAULT_SALES_SETUP.confirmAboveCents),
}) satisfies z.ZodType<SalesSetupView>;
