import type { SaleReturnsView } from '../../../../shared/contract/returns-methods';

/*
 * What the manager is about to give back, as the station will compute it (refunds/refund-vat.ts): a
 * line's share for some of its units, rounded, and the rest of the line for its last units. The screen
 * shows it before the station is asked; the station checks it again.
 */

type Line = SaleReturnsView['lines'][number];
type Tender = SaleReturnsView['tenders'][number];

/** Quantities chosen per sale line id. */
export type Chosen = Readonly<Record<string, number>>;

export function lineBackCents(line: Line, quantity: number): number {
  if (quantity <= 0) return 0;
  if (quantity >= line.refundableQuantity) return line.refundableCents;
  return Math.round((line.grossCents * quantity) / line.quantity);
}

export function planCents(view: SaleReturnsView, chosen: Chosen): number {
  return view.lines.reduce((total, line) => total + lineBackCents(line, chosen[line.saleLineId] ?? 0), 0);
}

/** The tenders that can still give something back. */
export function openTenders(view: SaleReturnsView): Tender[] {
  return view.tenders.filter((tender) => tender.leftCents > 0);
}

/** The lines as the station takes them: only those with something to give back. */
export function planLines(view: SaleReturnsView, chosen: Chosen): { saleLineId: string; quantity: number }[] {
  return view.lines
    .map((line) => ({ saleLineId: line.saleLineId, quantity: chosen[line.saleLineId] ?? 0 }))
    .filter((line) => line.quantity > 0);
}
