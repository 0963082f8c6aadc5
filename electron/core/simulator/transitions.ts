import type { SimStatus } from './types';

/**
 * The Payment V3 status graph (reference §1.6). Every status change in the simulator goes through
 * `canTransition`, so a flow added later (VOID mode, sync callbacks, POS invalidation) cannot produce a
 * sequence the real backend never would.
 */
const EDGES: Readonly<Record<SimStatus, readonly SimStatus[]>> = {
  PENDING: ['IDENTIFIED', 'CANCELLED', 'EXPIRED'],
  IDENTIFIED: ['AUTHORIZED', 'AUTHORIZATION_FAILED', 'CANCELLED', 'EXPIRED'],
  AUTHORIZED: ['SUCCEEDED', 'FAILED', 'PENDING_MERCHANT_ACKNOWLEDGEMENT'],
  PENDING_MERCHANT_ACKNOWLEDGEMENT: ['SUCCEEDED', 'VOIDED'],
  SUCCEEDED: [],
  AUTHORIZATION_FAILED: [],
  FAILED: [],
  CANCELLED: [],
  EXPIRED: [],
  VOIDED: [],
};

export function canTransition(from: SimStatus, to: SimStatus): boolean {
  return EDGES[from].includes(to);
}

export function isFinal(status: SimStatus): boolean {
  return EDGES[status].length === 0;
}

/** Statuses in which the merchant may DELETE the payment (and it still carries a `cancel` link). */
export function isCancellable(status: SimStatus): boolean {
  return canTransition(status, 'CANCELLED');
}

/** Statuses in which the payment expires once its expireAt has passed. */
export function isExpirable(status: SimStatus): boolean {
  return canTransition(status, 'EXPIRED');
}
