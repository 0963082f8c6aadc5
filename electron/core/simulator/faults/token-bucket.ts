export interface RateLimit {
  /** Requests that may burst at once. */
  capacity: number;
  /** Tokens added per second of simulator time. */
  refillPerSecond: number;
}

/**
 * A token bucket per profile, refilled by simulator time so a test can empty it and refill it with the
 * clock instead of waiting.
 */
export interface TokenBuckets {
  take(key: string, limit: RateLimit, now: number): boolean;
  reset(): void;
}

export function createTokenBuckets(): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key, limit, now) {
      const bucket = buckets.get(key) ?? { tokens: limit.capacity, at: now };
      const refilled = Math.min(
        limit.capacity,
        bucket.tokens + ((now - bucket.at) / 1000) * limit.refillPerSecond,
      );
      const allowed = refilled >= 1;
      buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: now });
      return allowed;
    },
    reset: () => buckets.clear(),
  };
}
