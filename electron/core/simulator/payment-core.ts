import type { SimClock } from './clock';
import { SimError, paymentNotFound } from './errors';
import type { SimStore } from './store';
import { canTransition, isExpirable } from './transitions';
import type { SimPayment, SimStatus, StatusChangeListener } from './types';

/**
 * The primitives every payment operation is built from. `move` is the single place a status changes:
 * it checks the Payment V3 graph, stores the result, then tells the listener, in that order, so an
 * observer never sees a status that is not yet persisted.
 */
export interface PaymentCore {
  store: SimStore;
  clock: SimClock;
  move(payment: SimPayment, to: SimStatus, patch?: Partial<SimPayment>): SimPayment;
  /** The stored payment with a due expiry or void applied, or undefined. */
  find(paymentId: string): SimPayment | undefined;
  /** Like `find`, but 404 PAYMENT_NOT_FOUND when absent. */
  get(paymentId: string): SimPayment;
  /** Applies a passed expireAt (→ EXPIRED) or acknowledgement deadline (→ VOIDED). */
  applyDeadlines(payment: SimPayment): SimPayment;
}

export interface PaymentCoreDeps {
  store: SimStore;
  clock: SimClock;
  onStatusChange?: StatusChangeListener;
}

/** 422 with `code` unless the payment is in one of the `allowed` statuses. */
export function requireStatus(payment: SimPayment, allowed: readonly SimStatus[], code: string): void {
  if (allowed.includes(payment.status)) return;
  throw new SimError(422, code, `Payment is ${payment.status}; expected ${allowed.join(' or ')}`);
}

function notifier(listener: StatusChangeListener | undefined): StatusChangeListener {
  return (payment, previous) => {
    try {
      listener?.(payment, previous);
    } catch (error) {
      // A failing observer (callback sender, benchmark probe) must not undo or fail the API call.
      console.error('Simulator status listener failed:', error);
    }
  };
}

export function createPaymentCore({ store, clock, onStatusChange }: PaymentCoreDeps): PaymentCore {
  const notify = notifier(onStatusChange);

  function move(payment: SimPayment, to: SimStatus, patch: Partial<SimPayment> = {}): SimPayment {
    if (!canTransition(payment.status, to)) {
      throw new Error(`Simulator bug: ${payment.status} -> ${to} is not a Payment V3 transition`);
    }
    const next: SimPayment = { ...payment, ...patch, status: to, updatedAt: clock.now() };
    store.updatePayment(next);
    notify(next, payment.status);
    return next;
  }

  // Deadlines are applied lazily, on the read or mutation that first notices them (the ticker and clock
  // advances also sweep): a GET after `expireAt` answers EXPIRED whether or not a timer ran, and the
  // change is stored so it survives a restart.
  function applyDeadlines(payment: SimPayment): SimPayment {
    const now = clock.now();
    if (isExpirable(payment.status) && now >= payment.expireAt) return move(payment, 'EXPIRED');
    const deadline = payment.ackDeadlineAt;
    const awaitingAck = payment.status === 'PENDING_MERCHANT_ACKNOWLEDGEMENT';
    if (awaitingAck && deadline !== undefined && now >= deadline) return move(payment, 'VOIDED');
    return payment;
  }

  function find(paymentId: string): SimPayment | undefined {
    const payment = store.getPayment(paymentId);
    return payment && applyDeadlines(payment);
  }

  function get(paymentId: string): SimPayment {
    const payment = find(paymentId);
    if (payment === undefined) throw paymentNotFound();
    return payment;
  }

  return { store, clock, move, find, get, applyDeadlines };
}
