/** Cash in Belgium: the amount due in cash is rounded to the nearest 5 cents (1 and 2 cent coins are not used). */
export const CASH_ROUNDINGS = [1, 5] as const;
export type CashRounding = (typeof CASH_ROUNDINGS)[number];

/**
 * The amount due in cash. With 5-cent rounding x,x1 and x,x2 go down, x,x3 and x,x4 go up (and the same
 * for 6–9), as the Belgian rule says; integer cents never sit exactly halfway.
 */
export function cashDue(amountCents: number, rounding: CashRounding): number {
  if (rounding === 1) return amountCents;
  return Math.round(amountCents / rounding) * rounding;
}

/** Belgium's VAT rates; until articles exist a sale carries its till's default rate. */
export const VAT_RATES = [21, 12, 6, 0] as const;
export type VatRate = (typeof VAT_RATES)[number];

/**
 * Splits a VAT-inclusive amount into net and VAT, rounding the VAT to the cent. Reports apply it to
 * each rate's total (not to each sale), as a receipt does for its lines of one rate.
 */
export function splitVat(grossCents: number, rate: number): { netCents: number; vatCents: number } {
  const vatCents = Math.round((grossCents * rate) / (100 + rate));
  return { netCents: grossCents - vatCents, vatCents };
}
