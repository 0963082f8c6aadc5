import { z } from 'zod';
import { parseDay } from '../domain/business-day';
import { CASH_ROUNDINGS } from '../domain/cash';
import { checkBelgianVatNumber } from '../domain/vat-number';
import { overlappingRate, vatRatePeriodProblem } from '../domain/vat-rates';

/*
 * What `settings.setSalesSetup` takes. Which VAT rates a till or the default may use depends on the
 * setup's own `vatRates` on the day of the change: the station checks that (sales-setup-store.ts).
 */

const id = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, dot, dash or underscore, at most 32');
const vatRate = z.number().int().min(0).max(100);
const date = z.string().refine((text) => parseDay(text) !== null, 'a date written YYYY-MM-DD');

/** The messages the screen translates by their text (sales-setup/field-problems.ts). */
export const VAT_NUMBER_FORMAT = 'a Belgian VAT number: BE and ten digits, starting with 0 or 1';
export const VAT_NUMBER_CHECK = 'the check digits do not match: a digit is mistyped';

/** Empty (not given), or kept as BE and ten digits whatever the spacing it was typed with. */
const vatNumber = z
  .string()
  .trim()
  .max(20)
  .transform((text, ctx) => {
    if (text === '') return '';
    const checked = checkBelgianVatNumber(text);
    if (checked.ok) return checked.vatNumber;
    ctx.addIssue({
      code: 'custom',
      message: checked.problem === 'format' ? VAT_NUMBER_FORMAT : VAT_NUMBER_CHECK,
    });
    return z.NEVER;
  });

const website = z
  .string()
  .trim()
  .max(100)
  .regex(/^$|^(https?:\/\/)?[^\s/]+\.[^\s]+$/, 'a web address such as www.example.be');

/** Name, address, website and VAT number: what a receipt prints about who sells. */
const identityShape = {
  address: z.string().trim().max(120).default(''),
  website: website.default(''),
  vatNumber: vatNumber.default(''),
};

const shop = z.object({ id, name: z.string().trim().min(1).max(60), ...identityShape }).strict();
const business = z.object({ name: z.string().trim().max(60).default(''), ...identityShape }).strict();

const vatRatePeriod = z
  .object({ rate: vatRate, from: date, until: date.optional() })
  .strict()
  .refine((period) => vatRatePeriodProblem(period) !== 'until-before-from', {
    message: 'the last day is before the first day',
    path: ['until'],
  });

const vatRates = z
  .array(vatRatePeriod)
  .min(1)
  .max(50)
  .refine((rates) => overlappingRate(rates) === null, {
    message: 'two periods of one rate share a day',
  });

/** Bancontact keeps one open payment per POS id: two tills on one sticker would cancel each other's. */
function eachStickerOnce(tills: Array<{ stickerPosId?: string }>): boolean {
  const ids = tills.flatMap((till) => (till.stickerPosId ? [till.stickerPosId] : []));
  return new Set(ids).size === ids.length;
}

const till = z
  .object({
    tillId: id,
    shopId: id.optional(),
    vatRate: vatRate.optional(),
    cashierId: id.optional(),
    // Bancontact's posId of this till's sticker: at most 36 letters and digits.
    stickerPosId: z
      .string()
      .regex(/^[A-Za-z0-9]{1,36}$/)
      .optional(),
  })
  .strict();

/** Only the fields given change. */
export const salesSetupInput = z
  .object({
    shops: z.array(shop).min(1).max(50).optional(),
    business: business.optional(),
    vatRates: vatRates.optional(),
    cashRounding: z.literal(CASH_ROUNDINGS).optional(),
    defaultVatRate: vatRate.optional(),
    defaultCashierId: id.optional(),
    tills: z
      .array(till)
      .max(100)
      .refine(eachStickerOnce, { message: 'two tills cannot share one sticker POS id' })
      .optional(),
    discountLimitPercent: z.number().min(0).max(100).optional(),
    confirmAboveCents: z.number().int().min(100).max(99_999_999).optional(),
  })
  .strict();
