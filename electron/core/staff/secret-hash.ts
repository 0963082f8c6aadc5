import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/*
 * PINs and passwords are kept only as slow, salted scrypt hashes. A PIN has 10,000 to a million values:
 * at the station the lock after five wrong tries (lock-rule.ts) protects it; from a stolen station.sqlite
 * the hash's cost does, from an hour of one core for a 4-digit PIN to days for a 6-digit one.
 *
 * N=2^15, r=8, p=1 (32 MiB of memory): one hash measured 230–480 ms on this 2-core machine while it
 * was shared with other work (load average about 10, December 2026); a sign-in spends one hash.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = 'scrypt';
// scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly that and refuses it.
const MAX_MEMORY = 64 * 1024 * 1024;

interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** `scrypt$N$r$p$salt$hash` with salt and hash in base64url: the parameters travel with each hash. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(secret, salt, COST, KEY_BYTES);
  return [FORMAT, COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/**
 * True when `secret` matches `stored`. With no stored hash (an unknown person) it still spends one hash
 * on a throwaway value, so the time taken does not tell who exists.
 */
export async function verifySecret(secret: string, stored: string | null): Promise<boolean> {
  const parsed = stored === null ? null : parseHash(stored);
  if (!parsed) {
    await derive(secret, randomBytes(SALT_BYTES), COST, KEY_BYTES);
    return false;
  }
  const key = await derive(secret, parsed.salt, parsed.cost, parsed.hash.length);
  return timingSafeEqual(key, parsed.hash);
}

function parseHash(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== FORMAT) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const hash = Buffer.from(parts[5] ?? '', 'base64url');
  if (!N || !r || !p || salt.length === 0 || hash.length === 0) return null;
  return { cost: { N, r, p }, salt, hash };
}

function derive(secret: string, salt: Buffer, cost: ScryptCost, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
