import {
  base64url,
  compactVerify,
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWSHeaderParameters,
  type FlattenedJWSInput,
  type CryptoKey,
} from 'jose';
import type { MerchantJwks, ProfileRegistry, SimProfile } from '../profiles';
import type { SimSettings } from '../settings';
import { CLAIM, CRIT_CLAIMS, CRIT_OPTION, parseIat } from './claims';

export type SignatureCheck =
  | { ok: true; profile: SimProfile; jti: string }
  | { ok: false; status: 401 | 403; code: 'UNAUTHORIZED' | 'ACCESS_DENIED'; message: string };

type KeyGetter = (header: JWSHeaderParameters, token: FlattenedJWSInput) => Promise<CryptoKey>;

const reject = (message: string): SignatureCheck => ({
  ok: false,
  status: 401,
  code: 'UNAUTHORIZED',
  message,
});
const denied = (message: string): SignatureCheck => ({
  ok: false,
  status: 403,
  code: 'ACCESS_DENIED',
  message,
});

function decodeHeader(part: string): Record<string, unknown> | undefined {
  try {
    const header: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(part)));
    return typeof header === 'object' && header !== null ? (header as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function sameSet(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && b.every((item) => a.includes(item));
}

/** `path` is the request path; a full URL with that path is accepted too (clients differ). */
function pathMatches(claimed: unknown, path: string): boolean {
  if (claimed === path) return true;
  try {
    return typeof claimed === 'string' && new URL(claimed).pathname === path;
  } catch {
    return false;
  }
}

function issuerAccepted(iss: unknown, profile: SimProfile, rule: SimSettings['merchantIssuer']): boolean {
  const payconiq = typeof iss === 'string' && iss.toLowerCase() === 'payconiq';
  if (rule === 'Payconiq') return payconiq;
  if (rule === 'merchantId') return iss === profile.merchantId;
  return payconiq || iss === profile.merchantId;
}

/** Claims every signed merchant request must carry, checked before any cryptography. */
function checkClaims(
  header: Record<string, unknown>,
  path: string,
  rule: SimSettings['merchantIssuer'],
  profile: SimProfile,
) {
  if (header.alg !== 'ES256') return 'alg must be ES256';
  if (!sameSet(header.crit, CRIT_CLAIMS)) return `crit must list exactly ${CRIT_CLAIMS.join(', ')}`;
  if (!issuerAccepted(header[CLAIM.iss], profile, rule)) return 'https://payconiq.com/iss is not accepted';
  if (!pathMatches(header[CLAIM.path], path)) return `https://payconiq.com/path must be ${path}`;
  const iat = header[CLAIM.iat];
  if (typeof iat !== 'string' || parseIat(iat) === undefined)
    return 'https://payconiq.com/iat must be an ISO UTC time';
  const jti = header[CLAIM.jti];
  if (typeof jti !== 'string' || jti === '') return 'https://payconiq.com/jti is missing';
  return undefined;
}

interface VerifierContext {
  profiles: ProfileRegistry;
  settings: () => Readonly<SimSettings>;
  keysOf(profile: SimProfile): KeyGetter | undefined;
}

async function verifySignature(
  ctx: VerifierContext,
  signature: string | undefined,
  body: string,
  path: string,
): Promise<SignatureCheck> {
  if (signature === undefined || signature === '') return reject('The Signature header is missing');
  const [head, payload, sig, ...rest] = signature.split('.');
  if (head === undefined || payload !== '' || sig === undefined || rest.length > 0) {
    return reject('Signature must be a detached JWS (header..signature)');
  }
  const header = decodeHeader(head);
  if (header === undefined) return reject('The JOSE header is not readable');
  const sub = header[CLAIM.sub];
  const profile = typeof sub === 'string' ? ctx.profiles.byPpid(sub) : undefined;
  if (profile === undefined) return denied('https://payconiq.com/sub names no known profile');
  const problem = checkClaims(header, path, ctx.settings().merchantIssuer, profile);
  if (problem !== undefined) return reject(problem);
  const keys = ctx.keysOf(profile);
  if (keys === undefined) return denied('This profile has no JWKS registered for signed requests');
  try {
    await compactVerify(`${head}.${base64url.encode(body)}.${sig}`, keys, {
      algorithms: ['ES256'],
      crit: CRIT_OPTION,
    });
  } catch {
    return reject('The signature does not verify against the profile JWKS');
  }
  return { ok: true, profile, jti: header[CLAIM.jti] as string };
}

/**
 * Verifies the `Signature` header of a merchant request (refunds; payments when JWS auth is allowed):
 * a detached ES256 JWS over the raw body whose `sub` names the profile, checked against that profile's
 * `merchantJwks`. Remote JWKS are fetched with jose and cached per profile.
 */
export function createMerchantVerifier(profiles: ProfileRegistry, settings: () => Readonly<SimSettings>) {
  // By the JWKS itself, not the profile: a merchant may hand over new keys while the simulator runs.
  const getters = new Map<MerchantJwks, KeyGetter>();
  const keysOf = (profile: SimProfile): KeyGetter | undefined => {
    const jwks = profile.merchantJwks;
    if (jwks === undefined) return undefined;
    let getter = getters.get(jwks);
    if (getter === undefined) {
      getter = typeof jwks === 'string' ? createRemoteJWKSet(new URL(jwks)) : createLocalJWKSet(jwks);
      getters.set(jwks, getter);
    }
    return getter;
  };
  const ctx: VerifierContext = { profiles, settings, keysOf };
  return (signature: string | undefined, body: string, path: string): Promise<SignatureCheck> =>
    verifySignature(ctx, signature, body, path);
}

export type MerchantVerifier = ReturnType<typeof createMerchantVerifier>;
