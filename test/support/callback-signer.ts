import { createHmac, KeyObject, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

/**
 * Test-side stand-in for Bancontact's callback signing: P-256 keys, a JWKS served over real HTTP, and
 * detached ES256 signatures over the raw body, with a knob for each forgery. Signatures are made with
 * node:crypto (OpenSSL), not with the code under test, and the claim names are spelled out here on
 * purpose so a typo in the verifier cannot cancel out.
 */

export const PAYCONIQ = {
  iat: 'https://payconiq.com/iat',
  jti: 'https://payconiq.com/jti',
  path: 'https://payconiq.com/path',
  iss: 'https://payconiq.com/iss',
  sub: 'https://payconiq.com/sub',
} as const;
export type ClaimName = keyof typeof PAYCONIQ;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** As published in the JWKS: kty, crv, x, y, kid, alg, use. */
  publicJwk: JWK;
}

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}

/** `2026-11-21T10:24:23.880Z` with 3, 6 or 9 fraction digits (extra digits are zeros, as seen in 2023). */
export function iatWithDigits(at: Date, digits: 3 | 6 | 9 = 3): string {
  return `${at.toISOString().slice(0, -1)}${'0'.repeat(digits - 3)}Z`;
}

let sequence = 0;
/** A body shaped like Bancontact's MerchantCallback, serialised once so its exact bytes are known. */
export function callbackBody(overrides: Record<string, unknown> = {}): string {
  sequence += 1;
  return JSON.stringify({
    paymentId: `5bdaf066b93d1c000bde${String(sequence).padStart(4, '0')}`,
    amount: 700,
    currency: 'EUR',
    description: 'Frieten',
    reference: `sale-${sequence}`,
    createdAt: '2026-11-21T10:24:05.127Z',
    expireAt: '2026-11-21T10:26:05.127Z',
    succeededAt: '2026-11-21T10:24:23.880Z',
    status: 'SUCCEEDED',
    debtor: { name: 'Ivan', iban: '***********42901' },
    ...overrides,
  });
}

export interface CallbackClaims {
  ppid: string;
  /** The full callback URL. */
  path: string;
  iss?: string;
  iat?: string;
  jti?: string;
}

/** Each knob makes one thing differ from what Bancontact sends; none set = a genuine callback. */
export interface Forgery {
  /** Header `alg`; also decides how the signature is made ('none' → empty, 'HS256', 'RS256'). */
  alg?: string;
  /** Secret for HS256, e.g. the public key as JWK JSON or PEM. */
  hmacSecret?: string;
  /** Private key for RS256. */
  rsaKey?: CryptoKey;
  /** Replaces `crit`; `null` leaves it out. */
  crit?: unknown;
  /** Leaves these claims (or the kid) out of the header. */
  omit?: Array<ClaimName | 'kid'>;
  /** Extra or overriding header members, applied last. */
  header?: Record<string, unknown>;
  /** ASN.1 DER signature instead of raw r‖s. */
  der?: boolean;
  /** Puts the payload in the JWS instead of leaving it detached. */
  embedPayload?: boolean;
  /** Signs this body instead of the one being sent. */
  signedBody?: string;
  /** Last-step change to the encoded signature, e.g. truncation. */
  mangleSignature?: (signature: string) => string;
}

function protectedHeader(key: SigningKey, claims: CallbackClaims, forgery: Forgery): Record<string, unknown> {
  const header: Record<string, unknown> = {
    typ: 'JOSE+JSON',
    kid: key.kid,
    alg: forgery.alg ?? 'ES256',
    [PAYCONIQ.iat]: claims.iat ?? new Date().toISOString(),
    [PAYCONIQ.jti]: claims.jti ?? crypto.randomUUID().replaceAll('-', '').slice(0, 15),
    [PAYCONIQ.path]: claims.path,
    [PAYCONIQ.iss]: claims.iss ?? 'Payconiq',
    [PAYCONIQ.sub]: claims.ppid,
    crit: Object.values(PAYCONIQ),
  };
  if (forgery.crit !== undefined) header.crit = forgery.crit;
  if (forgery.crit === null) delete header.crit;
  for (const name of forgery.omit ?? []) delete header[name === 'kid' ? 'kid' : PAYCONIQ[name]];
  return { ...header, ...forgery.header };
}

function signatureOver(input: Buffer, key: SigningKey, forgery: Forgery): Buffer {
  const alg = forgery.alg ?? 'ES256';
  if (alg === 'none') return Buffer.alloc(0);
  if (alg === 'HS256')
    return createHmac('sha256', forgery.hmacSecret ?? '')
      .update(input)
      .digest();
  if (alg === 'RS256') {
    if (forgery.rsaKey === undefined) throw new Error('RS256 needs rsaKey');
    return sign('sha256', input, KeyObject.from(forgery.rsaKey));
  }
  const dsaEncoding = forgery.der ? 'der' : 'ieee-p1363';
  return sign('sha256', input, { key: KeyObject.from(key.privateKey), dsaEncoding });
}

/** The `Signature` header value for `body`: `base64url(header)..base64url(signature)` unless forged. */
export function signCallback(
  body: string,
  key: SigningKey,
  claims: CallbackClaims,
  forgery: Forgery = {},
): string {
  const encodedHeader = base64url.encode(JSON.stringify(protectedHeader(key, claims, forgery)));
  const encodedPayload = base64url.encode(forgery.signedBody ?? body);
  const signature = signatureOver(Buffer.from(`${encodedHeader}.${encodedPayload}`), key, forgery);
  const encodedSignature = base64url.encode(signature);
  const middle = forgery.embedPayload ? encodedPayload : '';
  return `${encodedHeader}.${middle}.${forgery.mangleSignature?.(encodedSignature) ?? encodedSignature}`;
}

export interface JwksServer {
  /** `http://127.0.0.1:<port>/`: served from the root, as Bancontact does. */
  url: string;
  /** How many times the JWKS was requested. */
  readonly fetchCount: number;
  /** The JWKs currently published. */
  keys: JWK[];
  add(...jwks: JWK[]): void;
  remove(kid: string): void;
  /** Publishes `next` and withdraws every other key. */
  rotate(next: JWK): void;
  /** HTTP status to answer with; anything but 200 sends an error body. */
  status: number;
  close(): Promise<void>;
}

export async function startJwksServer(initial: JWK[] = []): Promise<JwksServer> {
  let fetchCount = 0;
  const server: Server = createServer((_req, res) => {
    fetchCount += 1;
    if (jwks.status !== 200) return void res.writeHead(jwks.status).end('unavailable');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: jwks.keys }));
  });
  const jwks: JwksServer = {
    url: '',
    get fetchCount() {
      return fetchCount;
    },
    keys: [...initial],
    add: (...added) => void jwks.keys.push(...added),
    remove: (kid) => void (jwks.keys = jwks.keys.filter((k) => k.kid !== kid)),
    rotate: (next) => void (jwks.keys = [next]),
    status: 200,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwks.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return jwks;
}
