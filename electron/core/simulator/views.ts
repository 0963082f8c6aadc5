import { deeplinkFor } from './payload';
import { isCancellable } from './transitions';
import type { SimPayment } from './types';

/**
 * JSON shapes of the Payment V3 API. Field names follow the spec to the letter, including its
 * inconsistency: the create response says `expiresAt`, GET and callbacks say `expireAt`.
 */
export interface LinkContext {
  /** Origin of the simulator's own API as the caller reached it, e.g. `http://127.0.0.1:7878`. */
  apiBaseUrl: string;
  /** Host of QR payloads, `https://pay.bancontact.net` by default. */
  payloadHost: string;
}

type Link = { href: string };
export interface PaymentLinks {
  self: Link;
  deeplink: Link;
  qrcode: Link;
  cancel?: Link;
}

export interface CreditorView {
  profileId: string;
  merchantId: string;
  name: string;
  iban: string;
  callbackUrl?: string;
  identifyCallbackUrl?: string;
}

export interface CreatePaymentView {
  paymentId: string;
  status: 'PENDING';
  createdAt: string;
  expiresAt: string;
  description?: string;
  reference?: string;
  amount: number;
  currency: 'EUR';
  creditor: CreditorView;
  _links: PaymentLinks;
}

export interface GetPaymentView {
  paymentId: string;
  createdAt: string;
  expireAt: string;
  succeededAt?: string;
  currency: 'EUR';
  status: SimPayment['status'];
  creditor: CreditorView;
  debtor?: { name: string; iban: string };
  amount: number;
  description?: string;
  reference?: string;
  bulkId?: string;
  _links: PaymentLinks;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Bancontact shows only the last five IBAN characters, padded with `*` to the full length. */
export function maskIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '');
  const visible = 5;
  return '*'.repeat(Math.max(0, compact.length - visible)) + compact.slice(-visible);
}

export function paymentLinks(payment: SimPayment, ctx: LinkContext): PaymentLinks {
  const self = `${ctx.apiBaseUrl}/v3/payments/${payment.paymentId}`;
  const deeplink = deeplinkFor(ctx.payloadHost, payment.paymentId);
  const links: PaymentLinks = {
    self: { href: self },
    deeplink: { href: deeplink },
    qrcode: { href: `${ctx.apiBaseUrl}/qrcode?c=${encodeURIComponent(deeplink)}` },
  };
  if (isCancellable(payment.status)) links.cancel = { href: self };
  return links;
}

function creditorView(payment: SimPayment): CreditorView {
  const { merchantId, name, iban } = payment.creditor;
  const view: CreditorView = { profileId: payment.profileId, merchantId, name, iban };
  if (payment.callbackUrl !== undefined) view.callbackUrl = payment.callbackUrl;
  if (payment.identifyCallbackUrl !== undefined) view.identifyCallbackUrl = payment.identifyCallbackUrl;
  return view;
}

export function createPaymentView(payment: SimPayment, ctx: LinkContext): CreatePaymentView {
  return {
    paymentId: payment.paymentId,
    status: 'PENDING',
    createdAt: iso(payment.createdAt),
    expiresAt: iso(payment.expireAt),
    description: payment.description,
    reference: payment.reference,
    amount: payment.amount,
    currency: payment.currency,
    creditor: creditorView(payment),
    _links: paymentLinks(payment, ctx),
  };
}

export function getPaymentView(payment: SimPayment, ctx: LinkContext): GetPaymentView {
  return {
    paymentId: payment.paymentId,
    createdAt: iso(payment.createdAt),
    expireAt: iso(payment.expireAt),
    succeededAt:
      payment.status === 'SUCCEEDED' && payment.succeededAt !== undefined
        ? iso(payment.succeededAt)
        : undefined,
    currency: payment.currency,
    status: payment.status,
    creditor: creditorView(payment),
    debtor: payment.debtor && { name: payment.debtor.name, iban: maskIban(payment.debtor.iban) },
    amount: payment.amount,
    description: payment.description,
    reference: payment.reference,
    bulkId: payment.bulkId,
    _links: paymentLinks(payment, ctx),
  };
}
