import { deeplinkFor } from './payload';
import { isCancellable } from './transitions';
import type { SimRefund } from './refund-store';
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
  refund?: Link;
  /** Only for payments created with a `returnUrl`: Bancontact's web page where the payer pays. */
  checkout?: Link;
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
  if (payment.returnUrl !== undefined)
    links.checkout = { href: `${ctx.apiBaseUrl}/checkout/${payment.paymentId}` };
  // The 3.6.x example points `refund` at the Refund API rather than the legacy refundIban.
  if (payment.status === 'SUCCEEDED') links.refund = { href: `${self}/refunds` };
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

export interface SearchView {
  size: number;
  totalPages: number;
  totalElements: number;
  number: number;
  details: GetPaymentView[];
}

/** PaymentSearchResponse as Spring Data pages it: `size` is the page size asked for. */
export function searchView(
  page: { number: number; size: number; total: number; payments: SimPayment[] },
  ctx: LinkContext,
): SearchView {
  return {
    size: page.size,
    // Spring reports one (empty) page for a zero page size rather than dividing by zero.
    totalPages: page.size === 0 ? 1 : Math.ceil(page.total / page.size),
    totalElements: page.total,
    number: page.number,
    details: page.payments.map((p) => getPaymentView(p, ctx)),
  };
}

export interface RefundView {
  refundId: string;
  paymentId: string;
  status: SimRefund['status'];
  amount: number;
  currency: 'EUR';
  description?: string;
  creationDate: string;
}

/** RefundCreationResponse and RefundModel share this shape. */
export function refundView(refund: SimRefund): RefundView {
  return {
    refundId: refund.refundId,
    paymentId: refund.paymentId,
    status: refund.status,
    amount: refund.amount,
    currency: refund.currency,
    description: refund.description,
    creationDate: iso(refund.createdAt),
  };
}
