import { FlattenedSign, type JWK } from 'jose';
import { TRAINING_MERCHANT_SIGNING_KEY } from '../../electron/core/simulator';
import { PAYCONIQ_CRIT } from './callback-receiver';

export interface RequestClaims {
  path: string;
  sub: string;
  iss?: string;
  iat?: string;
  jti?: string;
}

/** Signs a merchant request as Odoo and the spec do: detached ES256 JWS over the raw body. */
export async function signRequest(
  body: string,
  claims: RequestClaims,
  key: JWK = TRAINING_MERCHANT_SIGNING_KEY,
  extraHeader: Record<string, unknown> = {},
): Promise<string> {
  const header = {
    typ: 'jose+json',
    kid: key.kid,
    alg: 'ES256',
    'https://payconiq.com/sub': claims.sub,
    'https://payconiq.com/iss': claims.iss ?? 'Payconiq',
    'https://payconiq.com/iat': claims.iat ?? new Date().toISOString(),
    'https://payconiq.com/jti': claims.jti ?? crypto.randomUUID(),
    'https://payconiq.com/path': claims.path,
    crit: Object.keys(PAYCONIQ_CRIT),
    ...extraHeader,
  };
  const jws = await new FlattenedSign(new TextEncoder().encode(body))
    .setProtectedHeader(header)
    .sign(key, { crit: PAYCONIQ_CRIT });
  return `${jws.protected}..${jws.signature}`;
}
