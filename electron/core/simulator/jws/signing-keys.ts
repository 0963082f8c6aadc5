import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type { SimClock } from '../clock';
import type { KeyStore, StoredKey } from './key-store';

export type KeyState = 'next' | 'active' | 'retired';

export interface KeyInfo {
  kid: string;
  state: KeyState;
  createdAt: string;
  activatesAt: string;
  /** Retired keys only: when the key leaves the JWKS. */
  unpublishedAt?: string;
}

/**
 * Bancontact's callback-signing keys. Rotation publishes the new key at once and lets it sign only from
 * `activatesAt` on, so a merchant that fetches the JWKS at any moment already knows every key that can
 * sign; a superseded key stays published for `retentionMs` so retried callbacks still verify.
 */
export interface SigningKeys {
  /** The key that signs now; the first one is made on first use. */
  active(): StoredKey;
  /** Public keys a merchant needs: next, active and recently retired ones. */
  jwks(): { keys: JWK[] };
  rotate(activateInMs: number): StoredKey;
  list(): KeyInfo[];
}

function newKey(now: number, activatesAt: number): StoredKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // Shaped like Bancontact's kids (`es.signature.payconiq.com`), unique per key.
  const kid = `es.signature.kassa-sim.${randomBytes(4).toString('hex')}`;
  return { kid, privateJwk: privateKey.export({ format: 'jwk' }) as JWK, createdAt: now, activatesAt };
}

export function publicJwk(key: StoredKey): JWK {
  const { kty, crv, x, y } = key.privateJwk;
  return { kty, crv, x, y, kid: key.kid, use: 'sig', alg: 'ES256' };
}

/** Keys ordered by activation; each is superseded when the next one activates. */
function classify(keys: StoredKey[], now: number, retentionMs: number) {
  const ordered = [...keys].sort((a, b) => a.activatesAt - b.activatesAt || a.createdAt - b.createdAt);
  const live = ordered.filter((k) => k.activatesAt <= now);
  const active = live.at(-1) ?? ordered[0];
  return ordered.map((key, index) => {
    const successor = ordered[index + 1];
    const supersededAt =
      successor !== undefined && successor.activatesAt <= now ? successor.activatesAt : undefined;
    const state: KeyState = key === active ? 'active' : key.activatesAt > now ? 'next' : 'retired';
    const unpublishedAt =
      state === 'retired' && supersededAt !== undefined ? supersededAt + retentionMs : undefined;
    return { key, state, unpublishedAt, published: unpublishedAt === undefined || now < unpublishedAt };
  });
}

export function createSigningKeys(store: KeyStore, clock: SimClock, retentionMs: () => number): SigningKeys {
  const ensure = (): StoredKey[] => {
    const keys = store.list();
    if (keys.length > 0) return keys;
    const now = clock.now();
    const first = newKey(now, now);
    store.insert(first);
    return [first];
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    active: () => classify(ensure(), clock.now(), retentionMs()).find((k) => k.state === 'active')!.key,
    jwks: () => ({
      keys: classify(ensure(), clock.now(), retentionMs())
        .filter((k) => k.published)
        .map((k) => publicJwk(k.key)),
    }),
    rotate(activateInMs) {
      ensure();
      const now = clock.now();
      const key = newKey(now, now + activateInMs);
      store.insert(key);
      return key;
    },
    list: () =>
      classify(ensure(), clock.now(), retentionMs()).map(({ key, state, unpublishedAt }) => ({
        kid: key.kid,
        state,
        createdAt: iso(key.createdAt),
        activatesAt: iso(key.activatesAt),
        ...(unpublishedAt !== undefined && { unpublishedAt: iso(unpublishedAt) }),
      })),
  };
}
