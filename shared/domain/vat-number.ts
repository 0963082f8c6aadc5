/**
 * Belgian VAT numbers (the enterprise number with BE in front): ten digits, the first 0 or 1, whose
 * last two are 97 minus the first eight modulo 97. The check catches a mistyped or swapped digit
 * before the number is printed on every receipt.
 */
export type VatNumberProblem = 'format' | 'check-digits';

export type VatNumberCheck = { ok: true; vatNumber: string } | { ok: false; problem: VatNumberProblem };

/** Spaces, dots and dashes people write between the groups (BE 0123.456.749). */
const SEPARATORS = /[\s.-]/g;
/** Ten digits; or nine, the enterprise number as written before a leading 0 was added in 2007. */
const SHAPE = /^(?:BE)?([01]\d{9}|\d{9})$/;

/** `BE0123456749` for any common way of writing it, or why it is not a Belgian VAT number. */
export function checkBelgianVatNumber(text: string): VatNumberCheck {
  const compact = text.replace(SEPARATORS, '').toUpperCase();
  const match = SHAPE.exec(compact)?.[1];
  if (!match) return { ok: false, problem: 'format' };
  const digits = match.padStart(10, '0');
  const body = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  if (97 - (body % 97) !== check) return { ok: false, problem: 'check-digits' };
  return { ok: true, vatNumber: `BE${digits}` };
}

/** `BE0123456749` → `BE 0123.456.749`, as it is usually printed. */
export function formatBelgianVatNumber(vatNumber: string): string {
  const match = /^BE(\d{4})(\d{3})(\d{3})$/.exec(vatNumber);
  return match ? `BE ${match[1]}.${match[2]}.${match[3]}` : vatNumber;
}
