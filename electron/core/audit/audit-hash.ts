import { createHash } from 'node:crypto';

/** The previous hash of the very first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** Every column of an entry that its hash covers; only `hash` itself is left out. */
export interface HashedFields {
  seq: number;
  at: number;
  mode: string | null;
  action: string;
  outcome: string;
  staffId: string | null;
  staffName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  subject: string | null;
  /** The JSON text exactly as stored: the hash covers the bytes a reader sees, not a re-serialisation. */
  detail: string;
  prevHash: string;
}

/**
 * SHA-256 (hex) over a JSON array of the fields in a fixed order. An array, not an object, so no key
 * order can differ between writer and checker, and JSON's quoting keeps `a|b` + `c` apart from `a` + `b|c`.
 * A version tag first lets a later format coexist with entries hashed this way.
 */
export function entryHash(fields: HashedFields): string {
  const canonical = JSON.stringify([
    'kassa-audit-v1',
    fields.seq,
    fields.at,
    fields.mode,
    fields.action,
    fields.outcome,
    fields.staffId,
    fields.staffName,
    fields.deviceId,
    fields.deviceName,
    fields.subject,
    fields.detail,
    fields.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** JSON with object keys sorted, so the same detail is always stored (and hashed) as the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const record = inner as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  });
}
