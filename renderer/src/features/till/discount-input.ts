import type { Discount } from '../../../../shared/domain/basket';
import { parseAmount } from '../../../../shared/domain/money';

const PERCENT = /^\d{1,3}(?:[.,]\d{1,2})?$/;

/** Reads a discount the cashier typed: a percentage (up to two decimals, at most 100) or an amount. */
export function parseDiscount(kind: Discount['kind'], text: string): Discount | null {
  const trimmed = text.trim().replace(/\s*%$/, '');
  if (kind === 'amount') {
    const parsed = parseAmount(trimmed);
    return parsed.ok ? { kind: 'amount', cents: parsed.cents } : null;
  }
  if (!PERCENT.test(trimmed)) return null;
  const percent = Number(trimmed.replace(',', '.'));
  return percent > 0 && percent <= 100 ? { kind: 'percent', percent } : null;
}

/** The discount as the cashier would type it again. */
export function discountText(discount: Discount | null): string {
  if (!discount) return '';
  if (discount.kind === 'percent') return String(discount.percent).replace('.', ',');
  return (discount.cents / 100).toFixed(2).replace('.', ',');
}
