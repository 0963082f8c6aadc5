import { randomBytes } from 'node:crypto';
import type { RandomBytes } from '../../../shared/domain/wristband-id';

/**
 * Cryptographic random bytes handed out from a pool: one `randomBytes` call per 4 KB instead of one
 * per wristband id, for batches of 100 000.
 */
export function pooledRandom(poolSize = 4096): RandomBytes {
  let pool = randomBytes(poolSize);
  let at = 0;
  return (count) => {
    if (count > poolSize) return randomBytes(count);
    if (at + count > pool.length) {
      pool = randomBytes(poolSize);
      at = 0;
    }
    at += count;
    return pool.subarray(at - count, at);
  };
}
