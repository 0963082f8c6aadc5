import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** PPRO-looking ids: a prefix and 21 random characters (`agr_TWXXaIGRgLr5QDMiBpO5i`). */
export function newId(prefix: string, length = 21): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += ALPHABET[byte % ALPHABET.length];
  return `${prefix}_${text}`;
}

/** Upper-case token for the Bancontact payloads of the QR code and the app intent. */
export function newToken(length: number): string {
  return newId('x', length).slice(2).toUpperCase();
}
