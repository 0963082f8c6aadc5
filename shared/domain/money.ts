/** Money is integer euro cents everywhere; text only exists at the edges. */

/** Bancontact's limit for one payment: 999 999 999 999 cents. */
export const MAX_PAYMENT_CENTS = 999_999_999_999;

export type AmountProblem =
  'empty' | 'not_a_number' | 'too_many_decimals' | 'zero' | 'negative' | 'too_large';

export type AmountParse = { ok: true; cents: number } | { ok: false; problem: AmountProblem };

const AMOUNT_PATTERN = /^(\d+)(?:[.,](\d{1,2}))?$/;
const DECIMALS_PATTERN = /^\d+[.,]\d{3,}$/;

/**
 * Reads what a cashier typed: `12,50`, `12.50`, `12` or `12,5`.
 * Either decimal mark is accepted because Belgian keyboards and numpads produce both.
 */
export function parseAmount(text: string): AmountParse {
  const trimmed = text.trim().replace(/^€\s*/, '');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (trimmed.startsWith('-')) {
    return AMOUNT_PATTERN.test(trimmed.slice(1)) || DECIMALS_PATTERN.test(trimmed.slice(1))
      ? { ok: false, problem: 'negative' }
      : { ok: false, problem: 'not_a_number' };
  }
  if (DECIMALS_PATTERN.test(trimmed)) return { ok: false, problem: 'too_many_decimals' };
  const match = AMOUNT_PATTERN.exec(trimmed);
  if (!match) return { ok: false, problem: 'not_a_number' };
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  // Compare as strings first so that huge inputs never lose precision as numbers.
  const digits = (whole.replace(/^0+(?=\d)/, '') + fraction).replace(/^0+(?=\d)/, '');
  if (digits.length > String(MAX_PAYMENT_CENTS).length) return { ok: false, problem: 'too_large' };
  const cents = Number(digits);
  if (cents === 0) return { ok: false, problem: 'zero' };
  if (cents > MAX_PAYMENT_CENTS) return { ok: false, problem: 'too_large' };
  return { ok: true, cents };
}

export type Locale = 'en' | 'nl' | 'fr';
export const LOCALES: readonly Locale[] = ['en', 'nl', 'fr'];

const INTL_LOCALE: Record<Locale, string> = { en: 'en-BE', nl: 'nl-BE', fr: 'fr-BE' };

export function formatMoney(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}
