import type { TillAgreements } from './till-agreements';

/**
 * PPRO's webhook (`POST /ppro/webhooks`): a hint only (docs/ppro-simulator.md, "Trust"). Its body names
 * the agreement to read back over the authenticated API; nothing else of it is believed. An unknown id,
 * or a body that is not PPRO's shape, changes nothing. The read-back runs after the answer, so PPRO gets
 * its 2xx at once.
 */
export function pproAgreementIdOf(rawBody: string): string | null {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const { type, data } = body as { type?: unknown; data?: unknown };
  if (typeof type !== 'string' || typeof data !== 'object' || data === null) return null;
  const { id, agreementId } = data as { id?: unknown; agreementId?: unknown };
  const named = type.startsWith('PAYMENT_AGREEMENT_') ? id : agreementId;
  return typeof named === 'string' && named.length > 0 && named.length <= 100 ? named : null;
}

export function receivePproWebhook(agreements: TillAgreements | null, rawBody: string): void {
  const pproId = pproAgreementIdOf(rawBody);
  if (pproId === null || agreements === null) return;
  void agreements.hint(pproId);
}
