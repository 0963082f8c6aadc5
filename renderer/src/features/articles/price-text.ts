import { MAX_PAYMENT_CENTS } from '../../../../shared/domain/money';

export function priceText(cents: number, decimal: ',' | '.'): string {
  return `${Math.floor(cents / 100)}${decimal}${String(cents % 100).padStart(2, '0')}`;
}

/** Euros as a Belgian types them (`2,50`, `2.50`, `3`), in cents; null when it is no price. */
export function priceCents(text: string): number | null {
  const match = /^(\d{1,13})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/^€\s*/, ''));
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents <= MAX_PAYMENT_CENTS ? cents : null;
}
