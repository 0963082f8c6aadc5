import type { SaleView } from '../../../../shared/contract';
import {
  isFinalStatus,
  isForwardTransition,
  tillPhase,
  type TillPhase,
} from '../../../../shared/domain/payment-status';

/** The payment can still be stopped. */
export function canCancel(sale: SaleView): boolean {
  return sale.payment !== null && !isFinalStatus(sale.payment.status);
}

/** The sale is unpaid and its last payment ended without money: a new attempt may follow. */
export function canRetry(sale: SaleView): boolean {
  if (sale.status !== 'open' && sale.status !== 'unpaid') return false;
  const payment = sale.payment;
  if (!payment) return false;
  return isFinalStatus(payment.status) && payment.status !== 'SUCCEEDED';
}

/**
 * The cashier may give the sale up: stop a payment that is still running, or close a sale whose payment
 * failed (Bancontact unreachable, key refused, expired…) instead of retrying it.
 */
export function canCancelSale(sale: SaleView): boolean {
  return canCancel(sale) || canRetry(sale);
}

/** What the screens say about a sale: its payment's phase, or Cancelled once the cashier gave it up. */
export function salePhase(sale: SaleView): TillPhase {
  if (sale.status === 'cancelled') return 'cancelled';
  return sale.payment ? tillPhase(sale.payment.status) : 'creating';
}

/** A payment is in progress: the customer may still scan and pay. */
export function hasOpenPayment(sale: SaleView | null): boolean {
  return sale !== null && sale.status === 'open' && canCancel(sale);
}

/**
 * Picks the view to show when a new one arrives. Call answers and events race each other; a view
 * of the same payment never moves its status backwards.
 */
export function newerSale(current: SaleView | null, next: SaleView): SaleView {
  if (!current || current.id !== next.id) return next;
  const a = current.payment;
  const b = next.payment;
  if (!b) return a ? current : next;
  if (!a || a.id !== b.id) return next;
  if (a.status === b.status || isForwardTransition(a.status, b.status)) return next;
  return current;
}
