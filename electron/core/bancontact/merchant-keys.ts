import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';
import { z } from 'zod';

/*
 * The merchant's own ES256 key pair per payment profile, for the requests Bancontact only accepts signed
 * (the Refund API). The private half lives only in the station's secret store, beside the API key
 * (keychain-sealed on the desktop, under the site key on a site); the public half is published as a
 * JWKS that the merchant hands to Bancontact, as a file or at a URL.
 */

/**
 * A rotated-out public key stays in the JWKS this long. Bancontact reads the merchant's JWKS once and
 * keeps it (a URL is fetched again on an unknown kid, a file only when the merchant hands over a new
 * one), so a JWKS that dropped the old key at once would leave a request signed just before the rotation
 * unverifiable, and a merchant who hands over the new file a day later would see refunds refused.
 */
export const RETIRED_KEY_KEPT_MS = 7 * 24 * 3600 * 1000;

const publicJwk = z.looseObject({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string(),
  y: z.string(),
  kid: z.string(),
});
const storedKeys = z.object({
  current: publicJwk.extend({ d: z.string() }),
  createdAt: z.number(),
  retired: z.array(z.object({ key: publicJwk, retiredAt: z.number() })),
});
type StoredKeys = z.infer<typeof storedKeys>;

export interface PublicJwks {
  keys: JWK[];
}

/** What a screen may know of a profile's key: never the private part. */
export interface MerchantKeyInfo {
  ppid: string;
  kid: string;
  createdAt: number;
  /** Kids still published after a rotation, newest first. */
  retiredKids: string[];
}

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}

export interface MerchantKeys {
  /** The profile's key, made on first use. */
  ensure(ppid: string): Promise<MerchantKeyInfo>;
  /** The private key to sign with (made on first use). */
  signingKey(ppid: string): Promise<SigningKey>;
  /** Public keys only (current first, then those retired less than RETIRED_KEY_KEPT_MS ago); null: none yet. */
  jwks(ppid: string): PublicJwks | null;
  /** A new key pair; the old public key stays published for RETIRED_KEY_KEPT_MS. */
  rotate(ppid: string): Promise<MerchantKeyInfo>;
}

/** The station's secret store (settings/secret-store.ts), as far as the keys need it. */
export interface SecretValues {
  get(name: string): string | null;
  set(name: string, value: string): void;
}

export const merchantKeySecret = (ppid: string): string => `bancontact.merchantKey.${ppid}`;

const publicPart = ({ kty, crv, x, y, kid }: z.infer<typeof publicJwk>): JWK => ({
  kty,
  crv,
  x,
  y,
  kid,
  alg: 'ES256',
  use: 'sig',
});

async function newKey(): Promise<StoredKeys['current']> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  // The RFC 7638 thumbprint: a kid that names this key and no other, without a counter to keep.
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  return storedKeys.shape.current.parse({ ...jwk, kid });
}

export function createMerchantKeys(secrets: SecretValues, now: () => number = Date.now): MerchantKeys {
  return new SecretMerchantKeys(secrets, now);
}

class SecretMerchantKeys implements MerchantKeys {
  // One key per profile even when two calls ask at once: the second waits for the first one's key.
  private readonly making = new Map<string, Promise<StoredKeys>>();
  private readonly imported = new Map<string, Promise<CryptoKey>>();

  constructor(
    private readonly secrets: SecretValues,
    private readonly now: () => number,
  ) {}

  async ensure(ppid: string): Promise<MerchantKeyInfo> {
    return info(ppid, await this.stored(ppid));
  }

  async signingKey(ppid: string): Promise<SigningKey> {
    const { current } = await this.stored(ppid);
    let key = this.imported.get(current.kid);
    if (!key) this.imported.set(current.kid, (key = importJWK(current, 'ES256') as Promise<CryptoKey>));
    return { kid: current.kid, key: await key };
  }

  jwks(ppid: string): PublicJwks | null {
    const keys = this.read(ppid);
    if (!keys) return null;
    return { keys: [publicPart(keys.current), ...this.kept(keys.retired).map((r) => publicPart(r.key))] };
  }

  async rotate(ppid: string): Promise<MerchantKeyInfo> {
    const before = await this.stored(ppid);
    const current = await newKey();
    const retired = this.kept([
      { key: publicJwkOf(before.current), retiredAt: this.now() },
      ...before.retired,
    ]);
    const keys = { current, createdAt: this.now(), retired };
    this.write(ppid, keys);
    return info(ppid, keys);
  }

  private kept(retired: StoredKeys['retired']): StoredKeys['retired'] {
    return retired.filter((r) => this.now() - r.retiredAt < RETIRED_KEY_KEPT_MS);
  }

  private read(ppid: string): StoredKeys | null {
    const text = this.secrets.get(merchantKeySecret(ppid));
    return text === null ? null : storedKeys.parse(JSON.parse(text));
  }

  private write(ppid: string, keys: StoredKeys): void {
    this.secrets.set(merchantKeySecret(ppid), JSON.stringify(keys));
  }

  private stored(ppid: string): Promise<StoredKeys> {
    const existing = this.read(ppid);
    if (existing) return Promise.resolve(existing);
    let pending = this.making.get(ppid);
    if (!pending) {
      pending = newKey().then((current) => {
        const keys = { current, createdAt: this.now(), retired: [] };
        this.write(ppid, keys);
        return keys;
      });
      pending.finally(() => this.making.delete(ppid)).catch(() => undefined);
      this.making.set(ppid, pending);
    }
    return pending;
  }
}

function info(ppid: string, keys: StoredKeys): MerchantKeyInfo {
  return {
    ppid,
    kid: keys.current.kid,
    createdAt: keys.createdAt,
    retiredKids: keys.retired.map((r) => r.key.kid),
  };
}

function publicJwkOf(key: StoredKeys['current']): z.infer<typeof publicJwk> {
  const { d: _private, ...rest } = key;
  return publicJwk.parse(rest);
}
