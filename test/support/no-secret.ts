import { expect } from 'vitest';

/**
 * Asserts that a secret (a PIN, a password, a token) does not appear in what a caller or the log can
 * read. The secret counts only as a whole word: hashes and ids are long runs of hex or base64url, and
 * a four-digit PIN turns up inside one of them by chance (about one audit log in seventy), which says
 * nothing about a leak.
 */
export function expectNoSecret(value: unknown, secret: string): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const asWord = new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`);
  expect(text, `the secret appears in ${text.slice(0, 200)}`).not.toMatch(asWord);
}
