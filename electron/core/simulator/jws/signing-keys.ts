import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import { wallClockNow, type SimClock } from '../clock';
import { selfSignedCertificate, x5tS256 } from './certificate';
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

// A day of slack, so a verifier whose clock is a little behind still finds the certificate valid.
const CERTIFICATE_BACKDATE_MS = 24 * 3_600_000;

function withCertificate(kid: string, jwk: JWK, clock: SimClock): JWK {
  const { x5c: _old, ...key } = jwk;
  // Wall clock, not simulator time: verifiers check certificate validity against their own clock.
  const notBefore = wallClockNow(clock) - CERTIFICATE_BACKDATE_MS;
  return { ...key, x5c: [selfSignedCertificate(key, kid, notBefore)] };
}

function newKey(clock: SimClock, activatesAt: number): StoredKey {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // Shaped like Bancontact's kids (`es.signature.payconiq.com`), unique per key.
  const kid = `es.signature.kassa-sim.${randomBytes(4).toString('hex')}`;
  const privateJwk = withCertificate(kid, privateKey.export({ format: 'jwk' }) as JWK, clock);
  return { kid, privateJwk, createdAt: clock.now(), activatesAt };
}

/** The public half, with the certificate chain (`x5c`) and its thumbprint (`x5t#S256`). */
export function publicJwk(key: StoredKey): JWK {
  const { kty, crv, x, y, x5c } = key.privateJwk;
  const chain = x5c === undefined ? {} : { x5c: [...x5c], 'x5t#S256': x5tS256(x5c[0] ?? '') };
  return { kty, crv, x, y, kid: key.kid, use: 'sig', alg: 'ES256', ...chain };
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
    if (keys.length === 0) {
      const first = newKey(clock, clock.now());
      store.insert(first);
      return [first];
    }
    // Keys kept by an older simulator have no certificate yet: give them one, once, and keep it.
    return keys.map((key) => {
      if (key.privateJwk.x5c !== undefined) return key;
      const privateJwk = withCertificate(key.kid, key.privateJwk, clock);
      store.replaceJwk(key.kid, privateJwk);
      return { ...key, privateJwk };
    });
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
      const key = newKey(clock, clock.now() + activateInMs);
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
