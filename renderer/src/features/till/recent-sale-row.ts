import type { SaleTender, SaleView } from '../../../../shared/contract';
import type { TillPhase } from '../../../../shared/domain/payment-status';
import { salePhase } from './sale-rules';

/** How the sale was (or is being) paid; a sale from before tenders existed is a Bancontact sale. */
export function saleMethod(sale: SaleView): SaleTender {
  return sale.tender ?? 'bancontact';
}

/**
 * What the till actually took: cash is what stayed in the drawer (received − change, so 7,40 for a
 * price of 7,42 rounded); null while or when nothing was taken.
 */
export function takenCents(sale: SaleView): number | null {
  if (sale.status !== 'paid') return null;
  // A split sale: every part it took, its cash part as it went into the drawer (rounded).
  if (sale.tender === 'split' && sale.tenders) {
    const parts = sale.tenders.filter((t) => t.status === 'succeeded' && !t.givenBack);
    return parts.reduce((sum, t) => sum + t.amountCents + (t.cash?.roundingCents ?? 0), 0);
  }
  if (sale.cash) return sale.cash.tenderedCents - sale.cash.changeCents;
  return sale.amountCents;
}

/** The exact outcome: paid, or how it ended (refused, expired, cancelled, failed), or where it stands. */
export function saleOutcome(sale: SaleView): TillPhase {
  if (sale.status === 'paid') return 'paid';
  return salePhase(sale);
}
