/**
 * A fresh key for one payment attempt. crypto.randomUUID only exists in secure contexts, and a
 * linked tablet reaches the station over plain http on the LAN, so fall back to getRandomValues.
 */
export function newIdempotencyKey(cryptoImpl: Crypto = globalThis.crypto): string {
  if (typeof cryptoImpl.randomUUID === 'function') return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
