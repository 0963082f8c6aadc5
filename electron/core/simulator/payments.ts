import { randomBytes } from 'node:crypto';
import { paymentNotFound } from './errors';
import { createPaymentCore, requireStatus, type PaymentCore, type PaymentCoreDeps } from './payment-core';
import type { SimProfile } from './profiles';
import type { PaymentQuery, SimStore } from './store';
import type { SimDebtor, SimPayment } from './types';
import type { CreatePaymentInput } from './validation';

/** The payer's app shares a first name and an IBAN once the code is scanned; these stand in for them. */
export const DEFAULT_DEBTOR: SimDebtor = Object.freeze({ name: 'Jan', iban: 'BE71096123456769' });

/** Payment operations shared by the merchant API, the payer controls and the sticker and top-up flows. */
export interface PaymentService {
  create(profile: SimProfile, input: CreatePaymentInput): SimPayment;
  /** `/pos`: moves the POS's open payments to `invalidateAs` first, so only the new one is active. */
  createAtPos(
    profile: SimProfile,
    input: CreatePaymentInput,
    invalidateAs: 'CANCELLED' | 'EXPIRED',
  ): SimPayment;
  /** The payment with any due deadline applied, or undefined. */
  find(paymentId: string): SimPayment | undefined;
  /** 404 PAYMENT_NOT_FOUND when absent. */
  get(paymentId: string): SimPayment;
  /** 404 PAYMENT_NOT_FOUND when absent or owned by another profile, as Bancontact hides other profiles' ids. */
  getOwned(profileId: string, paymentId: string): SimPayment;
  /** Newest first, with due deadlines applied. */
  list(): SimPayment[];
  /** The open (PENDING/IDENTIFIED) payment of a sticker, if any. */
  openAtPos(profileId: string, posId: string): SimPayment | undefined;
  /** One page of a profile's payments, newest first; deadlines are swept first so statuses are current. */
  search(query: PaymentQuery): { total: number; payments: SimPayment[] };
  /** PENDING/IDENTIFIED → CANCELLED, for the merchant's DELETE and the payer backing out alike. */
  cancel(paymentId: string): SimPayment;
  /** PENDING → IDENTIFIED: the payer scanned the code. */
  identify(paymentId: string, debtor?: SimDebtor): SimPayment;
  /** IDENTIFIED → AUTHORIZED: the payer confirmed and the bank authorised. */
  authorize(paymentId: string): SimPayment;
  /** AUTHORIZED or PENDING_MERCHANT_ACKNOWLEDGEMENT → SUCCEEDED. */
  succeed(payment: SimPayment): SimPayment;
  /** AUTHORIZED → FAILED (a sync callback rejected it). */
  fail(payment: SimPayment): SimPayment;
  /** AUTHORIZED → PENDING_MERCHANT_ACKNOWLEDGEMENT until `deadline` (VOID mode). */
  awaitAcknowledgement(payment: SimPayment, deadline: number): SimPayment;
  /** IDENTIFIED → AUTHORIZATION_FAILED: the bank refused. */
  refuse(paymentId: string): SimPayment;
  /** Expires and voids everything whose deadline has passed; returns the payments it changed. */
  sweepDeadlines(): SimPayment[];
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
  const identifyCallbackUrl = input.identifyCallbackUrl ?? profile.identifyCallbackUrl;
  const optional = {
    description: input.description,
    reference: input.reference,
    bulkId: input.bulkId,
    callbackUrl,
    identifyCallbackUrl,
    returnUrl: input.returnUrl,
    posId: input.posId,
    shopId: input.shopId,
    shopName: input.shopName,
  };
  return {
    paymentId: id,
    profileId: profile.ppid,
    status: 'PENDING',
    amount: input.amount,
    currency: input.currency,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    creditor: { merchantId: profile.merchantId, name: profile.name, iban: profile.iban },
    createdAt: now,
    expireAt: now + profile.expirySeconds * 1000,
    updatedAt: now,
  };
}

function merchantOperations({ store, clock, find, applyDeadlines, move }: PaymentCore) {
  const create = (profile: SimProfile, input: CreatePaymentInput): SimPayment => {
    const payment = buildPayment(newPaymentId(store), profile, input, clock.now());
    store.insertPayment(payment);
    return payment;
  };
  return {
    create,
    createAtPos(profile: SimProfile, input: CreatePaymentInput, invalidateAs: 'CANCELLED' | 'EXPIRED') {
      for (const open of store.listOpenAtPos(profile.ppid, input.posId ?? '')) {
        const current = applyDeadlines(open);
        if (current.status === 'PENDING' || current.status === 'IDENTIFIED') move(current, invalidateAs);
      }
      return create(profile, input);
    },
    getOwned(profileId: string, paymentId: string): SimPayment {
      const payment = find(paymentId);
      if (payment === undefined || payment.profileId !== profileId) throw paymentNotFound();
      return payment;
    },
    list: (): SimPayment[] => store.listPayments().map(applyDeadlines),
    openAtPos: (profileId: string, posId: string): SimPayment | undefined =>
      store
        .listOpenAtPos(profileId, posId)
        .map(applyDeadlines)
        .find((p) => p.status === 'PENDING' || p.status === 'IDENTIFIED'),
    sweepDeadlines: (): SimPayment[] => {
      const now = clock.now();
      return [...store.listDueForExpiry(now), ...store.listDueForVoid(now)].map(applyDeadlines);
    },
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
    authorize(paymentId: string): SimPayment {
      const payment = get(paymentId);
      requireStatus(payment, ['IDENTIFIED'], 'PAYMENT_NOT_IDENTIFIED');
      return move(payment, 'AUTHORIZED');
    },
    succeed: (payment: SimPayment): SimPayment => move(payment, 'SUCCEEDED', { succeededAt: clock.now() }),
    fail: (payment: SimPayment): SimPayment => move(payment, 'FAILED'),
    awaitAcknowledgement: (payment: SimPayment, deadline: number): SimPayment =>
      move(payment, 'PENDING_MERCHANT_ACKNOWLEDGEMENT', { ackDeadlineAt: deadline }),
    refuse(paymentId: string): SimPayment {
      const payment = get(paymentId);
      requireStatus(payment, ['IDENTIFIED'], 'PAYMENT_NOT_IDENTIFIED');
      return move(payment, 'AUTHORIZATION_FAILED');
    },
  };
}

export function createPaymentService(deps: PaymentCoreDeps): PaymentService {
  const core = createPaymentCore(deps);
  const search = (query: PaymentQuery) => {
    merchant.sweepDeadlines();
    return core.store.searchPayments(query);
  };
  const merchant = merchantOperations(core);
  return { find: core.find, get: core.get, ...merchant, search, ...payerOperations(core) };
}
