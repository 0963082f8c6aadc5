import { ERROR_CODES } from '../../../shared/contract/errors';

/**
 * Names that say "this is a credential": whole words of a field's name (`apiKey` → api, key;
 * `pairing_code` → pairing, code) or parts of a run-together one (`apikey`, `passwordHash`).
 * Erring towards leaving a field out is cheap; writing a PIN into an append-only log cannot be undone.
 */
const SECRET_WORDS = new Set([
  'key',
  'keys',
  'secret',
  'secrets',
  'password',
  'pin',
  'pins',
  'token',
  'code',
  'codes',
  'otp',
  'cookie',
  'credential',
  'credentials',
  'passphrase',
  'signature',
  'jwt',
  'authorization',
]);
const SECRET_PARTS = /apikey|secret|passw|token|credential|privatekey|pincode|cookie/;

const ERROR_CODE_VALUES: ReadonlySet<unknown> = new Set(ERROR_CODES);

/**
 * `{ code: 'WRONG_SECRET' }` names an error, not a credential: a field called `code` is kept when its
 * value is one of the contract's error codes, which no pairing code or PIN can be.
 */
const isErrorCode = (name: string, value: unknown): boolean =>
  name === 'code' && ERROR_CODE_VALUES.has(value);

/** The longest text kept from one input value: a log line, not a copy of an upload. */
const MAX_TEXT = 200;
const MAX_DEPTH = 4;

export function isSecretField(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((word) => SECRET_WORDS.has(word)) || SECRET_PARTS.test(name.toLowerCase());
}

/**
 * A copy of `value` fit for the audit log: every field named like a secret left out (at any depth),
 * long texts cut, deep nesting summarised. Only JSON values come out.
 */
export function withoutSecrets(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => withoutSecrets(item, depth + 1));
  if (typeof value !== 'object') return null;
  const kept: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value as Record<string, unknown>)) {
    if (inner === undefined || (isSecretField(name) && !isErrorCode(name, inner))) continue;
    kept[name] = withoutSecrets(inner, depth + 1);
  }
  return kept;
}

/** `withoutSecrets` for a detail object: always an object. */
export function safeDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  const cleaned = withoutSecrets(detail ?? {});
  return cleaned !== null && typeof cleaned === 'object' && !Array.isArray(cleaned)
    ? (cleaned as Record<string, unknown>)
    : {};
}
