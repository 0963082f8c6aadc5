import {
  createRemoteJWKSet,
  customFetch,
  errors,
  type CryptoKey,
  type FetchImplementation,
  type JWSHeaderParameters,
} from 'jose';

/** Bancontact: cache the JWKS for at most 12 h (reference §2.3). */
export const JWKS_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/**
 * After any successful fetch, an unknown kid (or a failed signature) triggers no new fetch for this
 * long, so a flood of forged kids costs at most one fetch per window. Bancontact publishes a new key
 * 24 h before using it, so a genuine new kid is practically never inside this window.
 */
export const JWKS_REFETCH_COOLDOWN_MS = 30_000;
/** After a failed fetch, fail fast for this long instead of sending every forged callback to the JWKS host. */
export const JWKS_FAILURE_BACKOFF_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 5_000;

export interface JwksCacheOptions {
  jwksUrl: string;
  cacheMaxAgeMs?: number;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type KeyLookup =
  { ok: true; keys: CryptoKey[] } | { ok: false; reason: 'UNKNOWN_KEY' | 'JWKS_UNAVAILABLE'; detail: string };

export interface JwksCache {
  /** The keys matching the header's kid and alg: usually one, two while a kid is being re-keyed. */
  keysFor(header: JWSHeaderParameters): Promise<KeyLookup>;
  /** Fetches again unless the cooldown forbids it; true when a fresh JWKS was loaded. */
  refreshAfterFailure(): Promise<boolean>;
}

class JwksFetchFailed extends Error {}

async function checkedResponse(response: Response): Promise<Response> {
  if (response.status !== 200) throw new JwksFetchFailed(`JWKS answered ${response.status}`);
  const text = await response.text();
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { keys?: unknown }).keys)) {
    throw new JwksFetchFailed('JWKS is not a key set');
  }
  return new Response(text, { status: 200, headers: response.headers });
}

/**
 * jose's own cooldown only starts after a successful fetch, so while the JWKS host is down every
 * forged callback would cause a fetch. This gate remembers the last failure and fails fast meanwhile.
 */
function backoffFetch(base: typeof fetch): FetchImplementation {
  let blockedUntil = 0;
  return async (url, init) => {
    if (Date.now() < blockedUntil) throw new JwksFetchFailed('JWKS fetch failed recently');
    try {
      return await checkedResponse(await base(url, init));
    } catch (error) {
      blockedUntil = Date.now() + JWKS_FAILURE_BACKOFF_MS;
      throw error;
    }
  };
}

async function keysOf(lookup: Promise<CryptoKey>): Promise<CryptoKey[]> {
  try {
    return [await lookup];
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
    // Two published keys sharing one kid (a re-key under a fixed kid): try each of them.
    const keys: CryptoKey[] = [];
    for await (const key of error) keys.push(key);
    return keys;
  }
}

function lookupFailure(error: unknown): KeyLookup {
  if (error instanceof errors.JWKSNoMatchingKey) {
    return { ok: false, reason: 'UNKNOWN_KEY', detail: 'kid is not in the JWKS' };
  }
  const detail = error instanceof Error ? error.message : 'unknown error';
  return { ok: false, reason: 'JWKS_UNAVAILABLE', detail: `JWKS could not be fetched: ${detail}` };
}

/** A whole number of ms in [0, max]; the default when unset or not a number. */
function clampMs(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(Math.max(0, Math.floor(value)), max);
}

/**
 * jose's remote key set does the caching (12 h max age), the one refetch on an unknown kid (bounded by
 * the cooldown), deduplication of concurrent fetches and key selection by kid/alg/use.
 */
export function createJwksCache(options: JwksCacheOptions): JwksCache {
  const remote = createRemoteJWKSet(new URL(options.jwksUrl), {
    cacheMaxAge: clampMs(options.cacheMaxAgeMs, JWKS_MAX_AGE_MS, JWKS_MAX_AGE_MS),
    cooldownDuration: JWKS_REFETCH_COOLDOWN_MS,
    timeoutDuration: clampMs(options.timeoutMs, DEFAULT_TIMEOUT_MS, Number.MAX_SAFE_INTEGER),
    [customFetch]: backoffFetch(options.fetch ?? fetch),
  });
  return {
    async keysFor(header) {
      try {
        const keys = await keysOf(remote(header));
        return keys.length > 0 ? { ok: true, keys } : lookupFailure(new errors.JWKSNoMatchingKey());
      } catch (error) {
        return lookupFailure(error);
      }
    },
    async refreshAfterFailure() {
      if (remote.coolingDown) return false;
      try {
        await remote.reload();
        return true;
      } catch {
        return false;
      }
    },
  };
}
