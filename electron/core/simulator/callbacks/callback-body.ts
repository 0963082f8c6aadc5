import type { SimSettings } from '../settings';
import type { SimPayment } from '../types';
import { maskIban } from '../views';

/**
 * The MerchantCallback body (spec §2.2), as the exact text that is signed and sent. Field order follows
 * the official sample; `debtor` is left out until the payer is known (as in real EXPIRED callbacks), and
 * the fields removed in 3.6.2 (`totalAmount`, `tippingAmount`, `transferAmount`) are not sent.
 */
export function callbackBody(p: SimPayment): string {
  const iso = (ms: number) => new Date(ms).toISOString();
  return JSON.stringify({
    paymentId: p.paymentId,
    amount: p.amount,
    currency: p.currency,
    description: p.description,
    reference: p.reference,
    createdAt: iso(p.createdAt),
    expireAt: iso(p.expireAt),
    succeededAt: p.status === 'SUCCEEDED' && p.succeededAt !== undefined ? iso(p.succeededAt) : undefined,
    status: p.status,
    debtor: p.debtor && { name: p.debtor.name, iban: maskIban(p.debtor.iban) },
  });
}

/** Where a status change is announced; see `identifiedCallbackTargets` for the IDENTIFIED choice. */
export function callbackTargets(p: SimPayment, settings: Readonly<SimSettings>): string[] {
  if (p.status !== 'IDENTIFIED') return p.callbackUrl === undefined ? [] : [p.callbackUrl];
  const candidates = {
    'identify-or-callback': [p.identifyCallbackUrl ?? p.callbackUrl],
    'identify-and-callback': [p.identifyCallbackUrl, p.callbackUrl],
    'identify-only': [p.identifyCallbackUrl],
  }[settings.identifiedCallbackTargets];
  return [...new Set(candidates.filter((url): url is string => url !== undefined))];
}
