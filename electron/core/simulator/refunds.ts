import { randomBytes } from 'node:crypto';
import type { SimClock } from './clock';
import { SimError } from './errors';
import type { PaymentService } from './payments';
import type { SimProfile } from './profiles';
import type { RefundStatus, RefundStore, SimRefund } from './refund-store';
import type { SettingsHolder } from './settings';

export interface RefundInput {
  amount: number;
  currency: 'EUR';
  description?: string;
}

export interface RefundService {
  /** Creates a refund, or answers the one this idempotency key already made with the same parameters. */
  create(profile: SimProfile, paymentId: string, idempotencyKey: string, input: RefundInput): SimRefund;
  get(profile: SimProfile, paymentId: string, refundId: string): SimRefund;
  /** Control API: ends a PENDING refund now as REFUNDED or FAILED. */
  settle(refundId: string, status: Exclude<RefundStatus, 'PENDING'>): SimRefund;
}

export interface RefundDeps {
  store: RefundStore;
  payments: PaymentService;
  clock: SimClock;
  settings: SettingsHolder;
}

const unprocessable = (code: string, message: string) => new SimError(422, code, message);

function fingerprint(paymentId: string, input: RefundInput): string {
  return JSON.stringify([paymentId, input.amount, input.currency, input.description ?? null]);
}

/** A PENDING refund turns REFUNDED once its processing time has passed (simulator time). */
function settleIfDue(deps: RefundDeps, refund: SimRefund): SimRefund {
  if (refund.status !== 'PENDING' || deps.clock.now() < refund.settleAt) return refund;
  deps.store.setStatus(refund.refundId, 'REFUNDED');
  return { ...refund, status: 'REFUNDED' };
}

function refundable(deps: RefundDeps, profile: SimProfile, paymentId: string, amount: number): void {
  const payment = deps.payments.find(paymentId);
  if (payment === undefined || payment.profileId !== profile.ppid) {
    throw unprocessable('PAYMENT_FOR_REFUND_NOT_FOUND', 'No payment of this profile has that id');
  }
  if (payment.status !== 'SUCCEEDED') {
    throw unprocessable(
      'REFUND_NOT_ALLOWED',
      `Only SUCCEEDED payments can be refunded; this one is ${payment.status}`,
    );
  }
  // Failed refunds gave nothing back, so they do not count against the amount paid.
  const refunded = deps.store
    .listForPayment(paymentId)
    .filter((r) => r.status !== 'FAILED')
    .reduce((sum, r) => sum + r.amount, 0);
  if (amount > payment.amount - refunded) {
    throw unprocessable(
      'INVALID_REFUND_AMOUNT',
      `At most ${payment.amount - refunded} cents can still be refunded`,
    );
  }
}

function create(deps: RefundDeps, profile: SimProfile, paymentId: string, key: string, input: RefundInput) {
  const print = fingerprint(paymentId, input);
  const earlier = deps.store.byIdempotencyKey(profile.ppid, key);
  if (earlier !== undefined) {
    if (earlier.fingerprint === print) return settleIfDue(deps, earlier);
    throw unprocessable('REFUND_REQUEST_CONFLICT', 'This Idempotency-Key was used with other parameters');
  }
  refundable(deps, profile, paymentId, input.amount);
  const now = deps.clock.now();
  const refund: SimRefund = {
    refundId: randomBytes(12).toString('hex'),
    paymentId,
    profileId: profile.ppid,
    idempotencyKey: key,
    fingerprint: print,
    status: 'PENDING',
    amount: input.amount,
    currency: input.currency,
    ...(input.description !== undefined && { description: input.description }),
    createdAt: now,
    settleAt: now + deps.settings.get().refundProcessingMs,
  };
  deps.store.insert(refund);
  return refund;
}

export function createRefundService(deps: RefundDeps): RefundService {
  return {
    create: (profile, paymentId, key, input) => create(deps, profile, paymentId, key, input),
    get(profile, paymentId, refundId) {
      const payment = deps.payments.find(paymentId);
      if (payment === undefined || payment.profileId !== profile.ppid) {
        throw new SimError(404, 'PAYMENT_NOT_FOUND', 'Payment not found');
      }
      const refund = deps.store.get(refundId);
      if (refund?.paymentId !== paymentId) throw new SimError(404, 'REFUND_NOT_FOUND', 'Refund not found');
      return settleIfDue(deps, refund);
    },
    settle(refundId, status) {
      const stored = deps.store.get(refundId);
      if (stored === undefined) throw new SimError(404, 'REFUND_NOT_FOUND', 'Refund not found');
      const refund = settleIfDue(deps, stored);
      if (refund.status !== 'PENDING')
        throw unprocessable('REFUND_NOT_PENDING', `Refund is ${refund.status}`);
      deps.store.setStatus(refundId, status);
      return { ...refund, status };
    },
  };
}
