import type { SaleView } from '../../../../shared/contract';
import { isFinalStatus, type TillPhase } from '../../../../shared/domain/payment-status';
import { salePhase } from '../till/sale-rules';

/**
 * What the customer display needs beyond a SaleView to tell the customer how the sale ended. The
 * station may send these on the sale itself (`cash`, `balanceAfterCents`); until it does, a wristband's
 * balance comes from the `wristbands.changed` event of the same debit.
 */
export interface DisplaySale extends SaleView {
  /** A cash sale: what the customer handed over and the change given back. */
  cash?: { tenderedCents: number; changeCents: number } | null;
  /** A wristband sale: what is left on the wristband after this debit. */
  balanceAfterCents?: number | null;
}

/** The last balance the station announced for a wristband. */
export interface WristbandBalance {
  wristbandId: string;
  balanceCents: number;
}

/** Cash and wristband sales have no Bancontact payment: paid is paid, not "creating". */
export function displayPhase(sale: SaleView): TillPhase {
  if (sale.payment === null && sale.status === 'paid') return 'paid';
  if (sale.payment === null && sale.status === 'unpaid') return 'failed';
  return salePhase(sale);
}

export type Outcome =
  | { tender: 'cash'; tenderedCents: number | null; changeCents: number | null }
  | { tender: 'wristband'; balanceCents: number | null }
  | { tender: 'bancontact' };

/** How a paid sale was paid, with what the customer should see about it; null while it is not paid. */
export function paidOutcome(sale: DisplaySale): Outcome | null {
  if (sale.status !== 'paid') return null;
  // A split sale tells what its last part needs: the change when cash paid the rest, else the method.
  const last = sale.tender === 'split' ? sale.tenders?.filter((t) => t.status === 'succeeded').at(-1) : null;
  if (sale.tender === 'cash' || last?.method === 'cash') {
    return {
      tender: 'cash',
      tenderedCents: sale.cash?.tenderedCents ?? null,
      changeCents: sale.cash?.changeCents ?? null,
    };
  }
  if (sale.tender === 'wristband' || last?.method === 'wristband')
    return { tender: 'wristband', balanceCents: sale.balanceAfterCents ?? null };
  return { tender: 'bancontact' };
}

/** A sale paid in parts, while it is open: what the customer sees besides the amount to pay now. */
export interface SaleParts {
  totalCents: number;
  /** What the tenders taken so far paid. */
  paidCents: number;
  /** The part being paid by Bancontact right now; null between parts. */
  partCents: number | null;
  /** What is still to pay now (the part) or, between parts, everything still due. */
  toPayCents: number;
  /** What remains to pay once the running part is paid. */
  remainsCents: number;
}

/**
 * The open sale's parts: a first part by Bancontact (a payment for less than the sale), or any sale
 * with a tender taken. Null for a sale paid all at once, and once the sale has ended.
 */
export function saleParts(sale: SaleView): SaleParts | null {
  if (sale.status !== 'open') return null;
  const dueCents = sale.dueCents ?? sale.amountCents;
  const payment = sale.payment;
  const running = payment && !isFinalStatus(payment.status) ? payment : null;
  const part = running ? sale.tenders?.find((t) => t.paymentId === running.id)?.amountCents : undefined;
  const partCents = part === undefined || part === sale.amountCents ? null : part;
  if (partCents === null && dueCents === sale.amountCents) return null;
  return {
    totalCents: sale.amountCents,
    paidCents: sale.amountCents - dueCents,
    partCents,
    toPayCents: partCents ?? dueCents,
    remainsCents: dueCents - (partCents ?? 0),
  };
}

/** Between two parts (one was paid, the next is not asked yet): neither "paid" nor a QR to scan. */
export function betweenParts(sale: SaleView, parts: SaleParts | null): boolean {
  if (!parts || parts.partCents !== null) return false;
  return sale.payment === null || sale.payment.status === 'SUCCEEDED';
}
