/**
 * An API key travels as `Authorization: Bearer <key>`, so it must be a valid HTTP header value. Real
 * Bancontact keys are visible ASCII only; anything else (an en dash "–" a word processor put in, a
 * space, a line break from copying) is a damaged copy. Refusing it up front tells the manager what is
 * wrong, where `fetch` would throw before sending and the failure would read as "network down".
 */
const WELL_FORMED_API_KEY = /^[\x21-\x7E]+$/;

export function isWellFormedApiKey(key: string): boolean {
  return WELL_FORMED_API_KEY.test(key);
}
