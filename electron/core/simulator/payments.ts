import { randomBytes } from 'node:crypto';
import { paymentNotFound } from './errors';
import { createPaymentCore, requireStatus, type PaymentCore, type PaymentCoreDeps } from './payment-core';
import type { SimProfile } from './profiles';
import type { SimStore } from './store';
import type { SimDebtor, SimPayment } from './types';
import type { CreatePaymentInput } from './validation';

/** The payer's app shares a first name and an IBAN once the code is scanned; these stand in for them. */
export const DEFAULT_DEBTOR: SimDebtor = Object.freeze({ name: 'Jan', iban: 'BE71096123456769' });

/** Payment operations shared by the merchant API, the payer controls and (later) the other products. */
export interface PaymentService {
  create(profile: SimProfile, input: CreatePaymentInput): SimPayment;
  /** The payment with any due expiry applied, or undefined. */
  find(paymentId: string): SimPayment | undefined;
  /** 404 PAYMENT_NOT_FOUND when absent. */
  get(paymentId: string): SimPayment;
  /** 404 PAYMENT_NOT_FOUND when absent or owned by another profile, as Bancontact hides other profiles' ids. */
  getOwned(profileId: string, paymentId: string): SimPayment;
  /** Newest first, with due expiries applied. */
  list(): SimPayment[];
  /** PENDING/IDENTIFIED → CANCELLED, for the merchant's DELETE and the payer backing out alike. */
  cancel(paymentId: string): SimPayment;
  /** PENDING → IDENTIFIED: the payer scanned the code. */
  identify(paymentId: string, debtor?: SimDebtor): SimPayment;
  /** IDENTIFIED → AUTHORIZED → SUCCEEDED: the payer confirmed and the bank accepted. */
  confirm(paymentId: string): SimPayment;
  /** IDENTIFIED → AUTHORIZATION_FAILED: the bank refused. */
  refuse(paymentId: string): SimPayment;
  /** Expires every open payment whose expireAt has passed; returns the ones it changed. */
  expireDue(): SimPayment[];
}

function newPaymentId(store: SimStore): string {
  for (;;) {
    // 12 random bytes: the 24 lowercase hex characters of a Mongo-style id, like real payment ids.
    const id = randomBytes(12).toString('hex');
    if (store.getPayment(id) === undefined) return id;
  }
}

function buildPayment(id: string, profile: SimProfile, input: CreatePaymentInput, now: number): SimPayment {
  const callbackUrl = input.callbackUrl ?? profile.callbackUrl;
  return {
    paymentId: id,
    profileId: profile.ppid,
    status: 'PENDING',
    amount: input.amount,
    currency: input.currency,
    ...(input.description !== undefined && { description: input.description }),
    ...(input.reference !== undefined && { reference: input.reference }),
    ...(input.bulkId !== undefined && { bulkId: input.bulkId }),
    ...(callbackUrl !== undefined && { callbackUrl }),
    ...(input.identifyCallbackUrl !== undefined && { identifyCallbackUrl: input.identifyCallbackUrl }),
    ...(input.returnUrl !== undefined && { returnUrl: input.returnUrl }),
    creditor: { merchantId: profile.merchantId, name: profile.name, iban: profile.iban },
    createdAt: now,
    expireAt: now + profile.expirySeconds * 1000,
    updatedAt: now,
  };
}

function merchantOperations({ store, clock, find, get, expireIfDue, move }: PaymentCore) {
  return {
    create(profile: SimProfile, input: CreatePaymentInput): SimPayment {
      const payment = buildPayment(newPaymentId(store), profile, input, clock.now());
      store.insertPayment(payment);
      return payment;
    },
    find,
    get,
    getOwned(profileId: string, paymentId: string): SimPayment {
      const payment = find(paymentId);
      if (payment === undefined || payment.profileId !== profileId) throw paymentNotFound();
      return payment;
    },
    list: (): SimPayment[] => store.listPayments().map(expireIfDue),
    expireDue: (): SimPayment[] => store.listDueForExpiry(clock.now()).map((p) => move(p, 'EXPIRED')),
  };
}

function payerOperations({ clock, get, move }: PaymentCore) {
  return {
    cancel(paymentId: string): SimPayment {
      const payment = get(paymentId);
      requireStatus(payment, ['PENDING', 'IDENTIFIED'], 'PAYMENT_NOT_PENDING');
      return move(payment, 'CANCELLED');
    },
    identify(paymentId: string, debtor: SimDebtor = DEFAULT_DEBTOR): SimPayment {
      const payment = get(paymentId);
      requireStatus(payment, ['PENDING'], 'PAYMENT_NOT_PENDING');
      return move(payment, 'IDENTIFIED', { debtor: { name: debtor.name, iban: debtor.iban } });
    },
    confirm(paymentId: string): SimPayment {
      const payment = get(paymentId);
      requireStatus(payment, ['IDENTIFIED'], 'PAYMENT_NOT_IDENTIFIED');
      const authorized = move(payment, 'AUTHORIZED');
      return move(authorized, 'SUCCEEDED', { succeededAt: clock.now() });
    },
    refuse(paymentId: string): SimPayment {
      const payment = get(paymentId);
      requireStatus(payment, ['IDENTIFIED'], 'PAYMENT_NOT_IDENTIFIED');
      return move(payment, 'AUTHORIZATION_FAILED');
    },
  };
}

export function createPaymentService(deps: PaymentCoreDeps): PaymentService {
  const core = createPaymentCore(deps);
  return { ...merchantOperations(core), ...payerOperations(core) };
}
