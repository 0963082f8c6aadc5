import { splitVat } from './cash';

/**
 * How a basket becomes the figures a sale is booked with. One home for the rule: the till shows these
 * figures, the station recomputes them before it books a sale (it never trusts the till's total), and
 * the receipt, the X and Z and the exports read what the station stored. docs/register-rules.md says
 * the same in words.
 *
 * - Prices include VAT. A line's gross is quantity × unit price, less its own discount.
 * - A sale discount is spread over the lines in proportion to their gross after line discounts; the
 *   cents that proportional shares leave over go to the lines with the largest remainders (ties: the
 *   earlier line), so the shares always add up to the discount exactly.
 * - VAT is computed once per rate per sale, on the sum of that rate's lines (not line by line).
 * - Cash rounding is not a basket rule: it applies only to what is paid in cash (cash.ts, cashDue).
 */

/** A discount: a percentage (up to two decimals) or an amount in cents. */
export type Discount = { kind: 'percent'; percent: number } | { kind: 'amount'; cents: number };

export interface BasketLine {
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  discount?: Discount | null;
}

export interface PricedLine {
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  /** quantity × unit price. */
  listCents: number;
  lineDiscountCents: number;
  /** This line's share of the sale discount. */
  saleDiscountCents: number;
  /** What the line counts for: list − line discount − share of the sale discount. */
  grossCents: number;
}

export interface VatSummary {
  ratePercent: number;
  grossCents: number;
  netCents: number;
  vatCents: number;
}

export interface PricedBasket {
  lines: PricedLine[];
  listCents: number;
  lineDiscountCents: number;
  saleDiscountCents: number;
  /** Line and sale discounts together. */
  discountCents: number;
  grossCents: number;
  netCents: number;
  vatCents: number;
  /** One entry per rate used, highest rate first. */
  byRate: VatSummary[];
}

/** Cents a discount takes from `baseCents`: never more than the base, never below zero. */
export function discountCents(baseCents: number, discount: Discount | null | undefined): number {
  if (!discount || baseCents <= 0) return 0;
  if (discount.kind === 'amount') return Math.max(0, Math.min(discount.cents, baseCents));
  // Basis points keep the product in integers: 12.5 % of 1,234 cents is 1234 × 1250 / 10000 exactly.
  const basisPoints = Math.round(Math.min(Math.max(discount.percent, 0), 100) * 100);
  return Math.min(baseCents, Math.round((baseCents * basisPoints) / 10_000));
}

/**
 * Splits `totalCents` over `weights` in proportion (largest remainder). The parts add up to the total;
 * a zero weight gets nothing.
 */
export function spreadInProportion(totalCents: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || totalCents === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (totalCents * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = totalCents - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, index) => ({ index, remainder: x - Math.floor(x) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/** The VAT summary of lines already priced: one split per rate, highest rate first. */
export function vatByRate(lines: readonly { vatRate: number; grossCents: number }[]): VatSummary[] {
  const gross = new Map<number, number>();
  for (const line of lines) gross.set(line.vatRate, (gross.get(line.vatRate) ?? 0) + line.grossCents);
  return [...gross.entries()]
    .sort(([a], [b]) => b - a)
    .map(([ratePercent, grossCents]) => ({ ratePercent, grossCents, ...splitVat(grossCents, ratePercent) }));
}

/** Prices a basket by the rules above. */
export function priceBasket(lines: readonly BasketLine[], saleDiscount?: Discount | null): PricedBasket {
  const afterLine = lines.map((line) => {
    const listCents = line.quantity * line.unitPriceCents;
    return { line, listCents, lineDiscountCents: discountCents(listCents, line.discount) };
  });
  const bases = afterLine.map((l) => l.listCents - l.lineDiscountCents);
  const baseTotal = bases.reduce((a, b) => a + b, 0);
  const saleDiscountCents = discountCents(baseTotal, saleDiscount);
  const shares = spreadInProportion(saleDiscountCents, bases);
  const priced: PricedLine[] = afterLine.map(({ line, listCents, lineDiscountCents }, i) => ({
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    vatRate: line.vatRate,
    listCents,
    lineDiscountCents,
    saleDiscountCents: shares[i] ?? 0,
    grossCents: (bases[i] ?? 0) - (shares[i] ?? 0),
  }));
  const byRate = vatByRate(priced);
  const sum = (pick: (l: PricedLine) => number) => priced.reduce((total, l) => total + pick(l), 0);
  const lineDiscountTotal = sum((l) => l.lineDiscountCents);
  return {
    lines: priced,
    listCents: sum((l) => l.listCents),
    lineDiscountCents: lineDiscountTotal,
    saleDiscountCents,
    discountCents: lineDiscountTotal + saleDiscountCents,
    grossCents: sum((l) => l.grossCents),
    netCents: byRate.reduce((total, r) => total + r.netCents, 0),
    vatCents: byRate.reduce((total, r) => total + r.vatCents, 0),
    byRate,
  };
}
