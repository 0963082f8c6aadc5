import { randomBytes } from 'node:crypto';
import { FlattenedSign, base64url } from 'jose';
import type { StoredKey } from './key-store';
import { CLAIM, CRIT_CLAIMS, CRIT_OPTION, formatIat } from './claims';
import { rawToDer } from './der';

export interface DetachedClaims {
  /** `https://payconiq.com/path`: the full callback URL, or the request path of a signed response. */
  path: string;
  /** `https://payconiq.com/sub`: the PPID. */
  sub: string;
  /** Wall-clock epoch ms (never simulator time, see wallClockNow); `iat` is written from it. */
  issuedAt: number;
  jti?: string;
}

/** The quirks the faults ask for; all off by default. */
export interface SignatureQuirks {
  iatFractionDigits?: 3 | 6 | 9;
  der?: boolean;
  /** Flips bits of the signature so it no longer verifies. */
  corrupt?: boolean;
}

export interface DetachedSignature {
  /** `base64url(header)..base64url(signature)`: the compact JWS with its payload left out (RFC 7797). */
  value: string;
  jti: string;
}

/** A jti like Bancontact's (15 hex characters in the official sample). */
export function newJti(): string {
  return randomBytes(8).toString('hex').slice(0, 15);
}

function mangle(signature: string, quirks: SignatureQuirks): string {
  let bytes: Uint8Array = base64url.decode(signature);
  if (quirks.der) bytes = rawToDer(bytes);
  if (quirks.corrupt) bytes = bytes.map((b, i) => (i === bytes.length - 1 || i === 10 ? b ^ 0x5a : b));
  return base64url.encode(bytes);
}

/**
 * Signs `body` as Bancontact signs callbacks: ES256, `typ`/`kid`/`alg` plus the five payconiq claims, all
 * five listed in `crit`. The payload is the exact body bytes, so the merchant verifies the raw body.
 */
export async function signDetached(
  body: string,
  key: StoredKey,
  claims: DetachedClaims,
  quirks: SignatureQuirks = {},
): Promise<DetachedSignature> {
  const jti = claims.jti ?? newJti();
  const header = {
    typ: 'JOSE+JSON',
    kid: key.kid,
    alg: 'ES256',
    [CLAIM.iat]: formatIat(claims.issuedAt, quirks.iatFractionDigits),
    [CLAIM.jti]: jti,
    [CLAIM.path]: claims.path,
    [CLAIM.iss]: 'Payconiq',
    [CLAIM.sub]: claims.sub,
    crit: [...CRIT_CLAIMS],
  };
  const jws = await new FlattenedSign(new TextEncoder().encode(body))
    .setProtectedHeader(header)
    .sign(key.privateJwk, { crit: CRIT_OPTION });
  return { value: `${jws.protected}..${mangle(jws.signature, quirks)}`, jti };
}
