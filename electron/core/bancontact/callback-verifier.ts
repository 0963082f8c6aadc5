import {
  base64url,
  compactVerify,
  decodeProtectedHeader,
  errors,
  type CryptoKey,
  type JWSHeaderParameters,
} from 'jose';
import { checkClaims, CRIT_OPTION } from './callback-claims';
import { decodeEs256Signature } from './der-signature';
import { createJwksCache, type JwksCache } from './jwks-cache';

/**
 * Verifies Bancontact's signed callbacks (reference §2.3): the `Signature` header is a detached
 * compact JWS (`HEADER..SIGNATURE`), ES256, over the exact raw body, with five critical payconiq
 * claims in the protected header. Nothing here deduplicates: the caller does that on `jti`.
 */

export type CallbackRejection =
  | 'MISSING_SIGNATURE'
  | 'MALFORMED_SIGNATURE'
  | 'WRONG_ALGORITHM'
  | 'WRONG_CRIT'
  | 'WRONG_ISSUER'
  | 'WRONG_SUBJECT'
  | 'WRONG_PATH'
  | 'BAD_IAT'
  | 'MISSING_JTI'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'JWKS_UNAVAILABLE'
  | 'MALFORMED_BODY';

export interface VerifiedCallback {
  jti: string;
  iat: string;
  kid: string;
  /** Parsed JSON of the raw body. */
  body: Record<string, unknown>;
}

export type CallbackVerification =
  { ok: true; callback: VerifiedCallback } | { ok: false; reason: CallbackRejection; detail: string };

type Rejected = Extract<CallbackVerification, { ok: false }>;

export interface CallbackVerifierOptions {
  /** Bancontact: JWKS_URLS; the simulator serves its own. */
  jwksUrl: string;
  /** Expected `https://payconiq.com/sub`. */
  ppid: string;
  /** The public URL configured for this profile; expected `https://payconiq.com/path`. */
  callbackUrl: string;
  /** JWKS cached at most 12 h (default and maximum). */
  cacheMaxAgeMs?: number;
  /** For tests that count JWKS fetches. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface CallbackVerifier {
  verify(rawBody: string, signatureHeader: string | undefined): Promise<CallbackVerification>;
}

/** Served from the host root (reference §1.1). */
export const JWKS_URLS: { production: string; preprod: string } = {
  production: 'https://jwks.bancontact.net/',
  preprod: 'https://jwks.preprod.bancontact.net/',
};

function rejected(reason: CallbackRejection, detail: string): Rejected {
  return { ok: false, reason, detail };
}

interface DetachedJws {
  encodedHeader: string;
  header: Record<string, unknown>;
  encodedSignature: string;
}

function parseSignatureHeader(value: string | undefined): DetachedJws | Rejected {
  if (value === undefined || value.trim() === '') return rejected('MISSING_SIGNATURE', 'no Signature header');
  const parts = value.split('.');
  const [encodedHeader, payload, encodedSignature] = parts;
  if (parts.length !== 3 || encodedHeader === undefined || encodedSignature === undefined) {
    return rejected('MALFORMED_SIGNATURE', 'Signature is not a compact JWS');
  }
  // An embedded payload would be what gets verified instead of the body we received.
  if (payload !== '') return rejected('MALFORMED_SIGNATURE', 'the JWS payload must be detached');
  try {
    const header = decodeProtectedHeader(`${encodedHeader}..`) as Record<string, unknown>;
    return { encodedHeader, header, encodedSignature };
  } catch {
    return rejected('MALFORMED_SIGNATURE', 'the JWS header is not base64url-encoded JSON');
  }
}

/** Maps what jose throws; the claim checks run first, so only BAD_SIGNATURE is expected here. */
function joseRejection(error: unknown): Rejected {
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return rejected('BAD_SIGNATURE', 'the signature does not match the body and header');
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return rejected('WRONG_ALGORITHM', 'alg must be ES256');
  if (error instanceof errors.JOSENotSupported) return rejected('WRONG_CRIT', 'jose refused the crit list');
  if (error instanceof errors.JWSInvalid) return rejected('MALFORMED_SIGNATURE', 'jose refused the JWS');
  return rejected('BAD_SIGNATURE', 'the signature could not be verified');
}

async function verifyWithAnyKey(token: string, keys: CryptoKey[]): Promise<Rejected | undefined> {
  let failure = rejected('UNKNOWN_KEY', 'kid is not in the JWKS');
  for (const key of keys) {
    try {
      // jose re-checks alg and processes crit itself (each claim understood and integrity protected).
      await compactVerify(token, key, { algorithms: ['ES256'], crit: CRIT_OPTION });
      return undefined;
    } catch (error) {
      failure = joseRejection(error);
    }
  }
  return failure;
}

async function verifyOnce(jwks: JwksCache, token: string, header: JWSHeaderParameters) {
  const lookup = await jwks.keysFor(header);
  if (!lookup.ok) return rejected(lookup.reason, lookup.detail);
  return verifyWithAnyKey(token, lookup.keys);
}

async function verifySignature(jwks: JwksCache, token: string, header: JWSHeaderParameters) {
  const first = await verifyOnce(jwks, token, header);
  if (first?.reason !== 'BAD_SIGNATURE') return first;
  // Legacy kids were fixed names, so a re-keyed kid looks like a bad signature until the JWKS is
  // fetched again; the cooldown keeps forged signatures from turning into a fetch each.
  if (!(await jwks.refreshAfterFailure())) return first;
  return verifyOnce(jwks, token, header);
}

function parseBody(rawBody: string): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(rawBody);
    return typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function createCallbackVerifier(options: CallbackVerifierOptions): CallbackVerifier {
  // Parsed once, so a misconfigured profile fails when the verifier is built, not per callback.
  const expected = { ppid: options.ppid, callbackUrl: new URL(options.callbackUrl) };
  const jwks = createJwksCache(options);
  return {
    async verify(rawBody, signatureHeader) {
      const jws = parseSignatureHeader(signatureHeader);
      if ('ok' in jws) return jws;
      const checked = checkClaims(jws.header, expected);
      if (!checked.ok) return checked;
      const signature = decodeEs256Signature(jws.encodedSignature);
      if (signature === undefined) {
        return rejected('MALFORMED_SIGNATURE', 'the signature is neither 64-byte r||s nor DER');
      }
      // The signing input is built from the raw body as received, never from re-serialised JSON.
      const token = `${jws.encodedHeader}.${base64url.encode(rawBody)}.${base64url.encode(signature)}`;
      const failure = await verifySignature(jwks, token, jws.header as JWSHeaderParameters);
      if (failure !== undefined) return failure;
      const body = parseBody(rawBody);
      if (body === undefined) return rejected('MALFORMED_BODY', 'the body is not a JSON object');
      return { ok: true, callback: { ...checked.claims, body } };
    },
  };
}
