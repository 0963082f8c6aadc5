import { randomUUID } from 'node:crypto';
import { base64url, CompactSign, compactVerify, decodeProtectedHeader, type JWSHeaderParameters } from 'jose';
import { CLAIM, CRIT_CLAIMS, CRIT_OPTION } from './callback-claims';
import { decodeEs256Signature } from './der-signature';
import type { JwksCache } from './jwks-cache';
import type { MerchantKeys } from './merchant-keys';

/**
 * `https://payconiq.com/iss` of merchant requests: the Payment and Refund specs say the literal
 * "Payconiq", the Reconciliation spec and Odoo send the merchant id (reference §2, open question 3).
 * Kassa follows the Refund spec it calls; the simulator accepts either unless told otherwise.
 */
export const MERCHANT_ISSUER = 'Payconiq';

export interface RequestSigner {
  /** The `Signature` header for this exact body sent to this path (e.g. `/v3/payments/<id>/refunds`). */
  sign(body: string, path: string): Promise<string>;
}

/**
 * Signs merchant→Bancontact requests as the Refund API requires: a detached compact JWS (RFC 7797 shape
 * `HEADER..SIGNATURE`), ES256 over the raw body, with the five `https://payconiq.com/*` claims, all
 * listed in `crit`, and the profile's current `kid`.
 */
export function createRequestSigner(options: {
  ppid: string;
  keys: MerchantKeys;
  now?: () => number;
  issuer?: string;
}): RequestSigner {
  const { ppid, keys, now = Date.now, issuer = MERCHANT_ISSUER } = options;
  return {
    async sign(body, path) {
      const { kid, key } = await keys.signingKey(ppid);
      const header = {
        typ: 'jose+json',
        kid,
        alg: 'ES256',
        [CLAIM.sub]: ppid,
        [CLAIM.iss]: issuer,
        [CLAIM.iat]: new Date(now()).toISOString(),
        [CLAIM.jti]: randomUUID(),
        [CLAIM.path]: path,
        crit: [...CRIT_CLAIMS],
      };
      const jws = await new CompactSign(new TextEncoder().encode(body))
        .setProtectedHeader(header)
        .sign(key, { crit: CRIT_OPTION });
      const [head, , signature] = jws.split('.');
      return `${head}..${signature}`;
    },
  };
}

/**
 * Checks Bancontact's `SignatureBank` on a Refund API answer: a detached JWS by Bancontact's key (its
 * JWKS, as for callbacks) over the raw answer, about this profile. Returns why it fails, or undefined.
 */
export async function bankSignatureProblem(
  jwks: JwksCache,
  ppid: string,
  signature: string,
  rawBody: string,
): Promise<string | undefined> {
  const [head, payload, encoded, ...rest] = signature.split('.');
  if (head === undefined || payload !== '' || encoded === undefined || rest.length > 0)
    return 'SignatureBank is not a detached JWS';
  let header: JWSHeaderParameters;
  try {
    header = decodeProtectedHeader(`${head}..`);
  } catch {
    return 'SignatureBank has no readable header';
  }
  if (header[CLAIM.sub] !== ppid) return 'SignatureBank is about another profile';
  // Bancontact may sign with ES256 (sometimes DER-encoded, as seen on callbacks) or RS256 (spec S2).
  const raw = header.alg === 'ES256' ? decodeEs256Signature(encoded) : base64url.decode(encoded);
  if (raw === undefined) return 'SignatureBank holds no readable signature';
  const lookup = await jwks.keysFor(header);
  if (!lookup.ok) return `SignatureBank cannot be checked: ${lookup.detail}`;
  const token = `${head}.${base64url.encode(rawBody)}.${base64url.encode(raw)}`;
  for (const key of lookup.keys) {
    try {
      await compactVerify(token, key, { algorithms: ['ES256', 'RS256'], crit: CRIT_OPTION });
      return undefined;
    } catch {
      // Another key of the same kid may be the one (a kid being re-keyed).
    }
  }
  return 'SignatureBank does not verify against Bancontact keys';
}
