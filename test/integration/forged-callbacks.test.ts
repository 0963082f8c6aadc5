import { exportJWK, exportSPKI, generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createCallbackVerifier,
  type CallbackRejection,
  type CallbackVerification,
  type CallbackVerifier,
} from '../../electron/core/bancontact/callback-verifier';
import {
  callbackBody,
  createSigningKey,
  signCallback,
  startJwksServer,
  type CallbackClaims,
  type Forgery,
  type JwksServer,
  type SigningKey,
} from '../support/callback-signer';

/**
 * Every forged callback a merchant endpoint could be sent, against a verifier fetching a real JWKS
 * over HTTP. Each forgery changes one thing from the genuine callback, which the first test accepts.
 */

const PPID_A = '5bb37284e35e2b29e363df22';
const PPID_B = '64f1a0c2b93d1c000bde0b0b';
const URL_A = 'https://kassa.frituur-example.be/bancontact/callback/profile-a';
const URL_B = 'https://kassa.frituur-example.be/bancontact/callback/profile-b';
const CLAIMS_A: CallbackClaims = { ppid: PPID_A, path: URL_A };

let jwks: JwksServer;
let bancontact: SigningKey;
let rsaPrivate: CryptoKey;
/** Profile A's verifier, shared like the station shares one per profile. */
let verifierA: CallbackVerifier;
const RSA_KID = 'rs.signature.test.kassa';

beforeAll(async () => {
  bancontact = await createSigningKey('es.signature.test.kassa');
  const rsa = await generateKeyPair('RS256', { extractable: true });
  rsaPrivate = rsa.privateKey;
  // An RS256 key really is published under its own kid, so an RS256 forgery cannot fail for lack of a key.
  const rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: RSA_KID, alg: 'RS256', use: 'sig' };
  jwks = await startJwksServer([bancontact.publicJwk, rsaJwk]);
  verifierA = profileA();
});
afterAll(() => jwks.close());
afterEach(() => vi.useRealTimers());

function profileA() {
  return createCallbackVerifier({ jwksUrl: jwks.url, ppid: PPID_A, callbackUrl: URL_A });
}

function forge(body: string, forgery: Forgery = {}, claims: Partial<CallbackClaims> = {}, key = bancontact) {
  return signCallback(body, key, { ...CLAIMS_A, ...claims }, forgery);
}

function expectRejected(result: CallbackVerification, reason: CallbackRejection, signature?: string) {
  expect(result).toMatchObject({ ok: false, reason });
  // The detail is for the manager's log: it never echoes the signature it refused.
  if (!result.ok && signature) expect(result.detail).not.toContain(signature.split('.')[2] || '\u0000');
}

async function check(body: string, signature: string | undefined, reason: CallbackRejection) {
  expectRejected(await verifierA.verify(body, signature), reason, signature);
}

describe('the genuine callback the forgeries start from', () => {
  it('is accepted', async () => {
    const body = callbackBody();
    expect(await verifierA.verify(body, forge(body))).toMatchObject({
      ok: true,
      callback: { kid: bancontact.kid },
    });
  });
});

describe('forged callbacks are rejected', () => {
  it('signed with another key under the Bancontact kid', async () => {
    const impostor = await createSigningKey(bancontact.kid);
    const body = callbackBody();
    const before = jwks.fetchCount;
    await check(body, forge(body, {}, {}, impostor), 'BAD_SIGNATURE');
    expect(jwks.fetchCount - before).toBeLessThanOrEqual(1);
  });

  it('with one byte of the body altered', async () => {
    const body = callbackBody({ amount: 700 });
    const signature = forge(body);
    await check(body.replace('"amount":700', '"amount":900'), signature, 'BAD_SIGNATURE');
    await check(body.replace('SUCCEEDED', 'SUCCEEDEd'), signature, 'BAD_SIGNATURE');
  });

  it('carrying the signature of another body', async () => {
    const body = callbackBody({ status: 'SUCCEEDED' });
    await check(body, forge(body, { signedBody: callbackBody({ status: 'CANCELLED' }) }), 'BAD_SIGNATURE');
  });

  it('with the header changed after signing (re-dated iat)', async () => {
    const body = callbackBody();
    const [, , signature] = forge(body).split('.');
    const [header] = forge(body, {}, { iat: '2026-11-22T10:24:23.880Z' }).split('.');
    await check(body, `${header}..${signature}`, 'BAD_SIGNATURE');
  });

  it('with bits of the signature flipped', async () => {
    const body = callbackBody();
    const flip = (s: string) => `${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    await check(body, forge(body, { mangleSignature: flip }), 'BAD_SIGNATURE');
  });

  it('with an attacker key embedded in the header', async () => {
    const attacker = await createSigningKey(bancontact.kid);
    const body = callbackBody();
    const signature = forge(body, { header: { jwk: attacker.publicJwk } }, {}, attacker);
    await check(body, signature, 'BAD_SIGNATURE');
  });

  it('with the wrong sub', async () => {
    const body = callbackBody();
    await check(body, forge(body, {}, { ppid: PPID_B }), 'WRONG_SUBJECT');
  });

  it('with the wrong iss', async () => {
    const body = callbackBody();
    await check(body, forge(body, {}, { iss: 'Bancontact' }), 'WRONG_ISSUER');
    await check(body, forge(body, { omit: ['iss'] }), 'WRONG_ISSUER');
  });

  it('with the wrong path on the same host', async () => {
    const body = callbackBody();
    await check(body, forge(body, {}, { path: `${URL_A}/../admin` }), 'WRONG_PATH');
    await check(body, forge(body, {}, { path: `${URL_A}?till=2` }), 'WRONG_PATH');
  });

  it('with a path on another host', async () => {
    const body = callbackBody();
    const elsewhere = URL_A.replace('kassa.frituur-example.be', 'webhook.example.net');
    await check(body, forge(body, {}, { path: elsewhere }), 'WRONG_PATH');
  });

  it('missing one crit entry', async () => {
    const body = callbackBody();
    await check(body, forge(body, { crit: critWithout('sub') }), 'WRONG_CRIT');
  });

  it('with an extra crit entry', async () => {
    const body = callbackBody();
    const extra = 'https://payconiq.com/exp';
    await check(body, forge(body, { crit: [...critWithout(), extra], header: { [extra]: 1 } }), 'WRONG_CRIT');
    // b64:false would make the signature cover something other than the base64url body.
    await check(body, forge(body, { crit: [...critWithout(), 'b64'], header: { b64: false } }), 'WRONG_CRIT');
  });

  it('without crit, or with crit not a list', async () => {
    const body = callbackBody();
    await check(body, forge(body, { crit: null }), 'WRONG_CRIT');
    await check(body, forge(body, { crit: critWithout().join(',') }), 'WRONG_CRIT');
  });

  it('with alg none', async () => {
    const body = callbackBody();
    await check(body, forge(body, { alg: 'none' }), 'WRONG_ALGORITHM');
  });

  it('with HS256 keyed with the public key as JWK JSON', async () => {
    const body = callbackBody();
    const secret = JSON.stringify(bancontact.publicJwk);
    await check(body, forge(body, { alg: 'HS256', hmacSecret: secret }), 'WRONG_ALGORITHM');
  });

  it('with HS256 keyed with the public key as PEM', async () => {
    const body = callbackBody();
    const secret = await exportSPKI(bancontact.publicKey);
    await check(body, forge(body, { alg: 'HS256', hmacSecret: secret }), 'WRONG_ALGORITHM');
  });

  it('with RS256 under a published RSA kid', async () => {
    const body = callbackBody();
    await check(
      body,
      forge(body, { alg: 'RS256', rsaKey: rsaPrivate, header: { kid: RSA_KID } }),
      'WRONG_ALGORITHM',
    );
  });

  it('with a truncated signature', async () => {
    const body = callbackBody();
    await check(body, forge(body, { mangleSignature: (s) => s.slice(0, 43) }), 'MALFORMED_SIGNATURE');
    await check(body, forge(body, { mangleSignature: (s) => s.slice(0, -1) }), 'MALFORMED_SIGNATURE');
    await check(
      body,
      forge(body, { der: true, mangleSignature: (s) => s.slice(0, -3) }),
      'MALFORMED_SIGNATURE',
    );
    await check(body, forge(body, { mangleSignature: () => '' }), 'MALFORMED_SIGNATURE');
  });

  it('without a jti', async () => {
    const body = callbackBody();
    await check(body, forge(body, { omit: ['jti'], crit: critWithout('jti') }), 'WRONG_CRIT');
    await check(body, forge(body, { omit: ['jti'] }), 'MISSING_JTI');
    await check(body, forge(body, {}, { jti: '' }), 'MISSING_JTI');
  });

  it.each([
    ['no fraction', '2026-11-21T10:24:23Z'],
    ['2 digits', '2026-11-21T10:24:23.88Z'],
    ['4 digits', '2026-11-21T10:24:23.8801Z'],
    ['7 digits', '2026-11-21T10:24:23.8801234Z'],
    ['a non-UTC offset', '2026-11-21T11:24:23.880+01:00'],
    ['epoch seconds', '1795343063'],
  ])('with an iat of %s', async (_name, iat) => {
    const body = callbackBody();
    await check(body, forge(body, {}, { iat }), 'BAD_IAT');
  });

  it('as a JWS with the payload embedded instead of detached', async () => {
    const body = callbackBody();
    await check(body, forge(body, { embedPayload: true }), 'MALFORMED_SIGNATURE');
  });

  it('with no Signature header, or an empty one', async () => {
    const body = callbackBody();
    await check(body, undefined, 'MISSING_SIGNATURE');
    await check(body, '', 'MISSING_SIGNATURE');
  });

  it('with a Signature header that is not a JWS', async () => {
    const body = callbackBody();
    const [header, , signature] = forge(body).split('.');
    await check(body, `${header}.${signature}`, 'MALFORMED_SIGNATURE');
    await check(body, `${header}...${signature}`, 'MALFORMED_SIGNATURE');
    await check(body, `..${signature}`, 'MALFORMED_SIGNATURE');
    await check(body, `bm90IGpzb24..${signature}`, 'MALFORMED_SIGNATURE');
    await check(body, `WyJFUzI1NiJd..${signature}`, 'MALFORMED_SIGNATURE');
  });

  it('with a correctly signed body that is not a JSON object', async () => {
    for (const body of ['paymentId=5bdaf066b93d1c000bde9683&status=SUCCEEDED', '["SUCCEEDED"]', '']) {
      await check(body, forge(body), 'MALFORMED_BODY');
    }
  });

  it('with a body that is not JSON and not signed: the signature is judged first', async () => {
    const signature = forge(callbackBody());
    await check('status=SUCCEEDED', signature, 'BAD_SIGNATURE');
  });
});

describe('a replay against another profile', () => {
  it("is rejected by profile B's verifier when the profiles share a PPID", async () => {
    const body = callbackBody();
    const signature = forge(body);
    expect(await verifierA.verify(body, signature)).toMatchObject({ ok: true });
    const sameMerchantB = createCallbackVerifier({ jwksUrl: jwks.url, ppid: PPID_A, callbackUrl: URL_B });
    expectRejected(await sameMerchantB.verify(body, signature), 'WRONG_PATH');
  });

  it("is rejected by profile B's verifier when the profiles have their own PPIDs", async () => {
    const body = callbackBody();
    const signature = forge(body);
    const otherMerchantB = createCallbackVerifier({ jwksUrl: jwks.url, ppid: PPID_B, callbackUrl: URL_B });
    expectRejected(await otherMerchantB.verify(body, signature), 'WRONG_SUBJECT');
  });
});

describe('a flood of forged kids', () => {
  it('is rejected UNKNOWN_KEY with at most one JWKS fetch per cooldown window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const verifier = profileA();
    const body = callbackBody();
    expect(await verifier.verify(body, forge(body))).toMatchObject({ ok: true });
    vi.setSystemTime(Date.now() + 60_000);
    const before = jwks.fetchCount;
    const forged = (i: number) => forge(body, { header: { kid: `forged-${i}` } });
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => verifier.verify(body, forged(i))));
    for (const result of burst) expectRejected(result, 'UNKNOWN_KEY');
    for (let i = 100; i < 200; i++) expectRejected(await verifier.verify(body, forged(i)), 'UNKNOWN_KEY');
    expect(jwks.fetchCount).toBe(before + 1);
    // Once the cooldown has passed, an unknown kid is looked up again, once.
    vi.setSystemTime(Date.now() + 31_000);
    for (let i = 200; i < 250; i++) expectRejected(await verifier.verify(body, forged(i)), 'UNKNOWN_KEY');
    expect(jwks.fetchCount).toBe(before + 2);
    expect(await verifier.verify(body, forge(body))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(before + 2);
  });

  it('of forged signatures under the real kid costs at most one refetch per cooldown window', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const verifier = profileA();
    const body = callbackBody();
    await verifier.verify(body, forge(body));
    vi.setSystemTime(Date.now() + 60_000);
    const before = jwks.fetchCount;
    const impostor = await createSigningKey(bancontact.kid);
    for (let i = 0; i < 50; i++)
      expectRejected(await verifier.verify(body, forge(body, {}, {}, impostor)), 'BAD_SIGNATURE');
    expect(jwks.fetchCount).toBe(before + 1);
  });
});

function critWithout(...names: Array<'iat' | 'jti' | 'path' | 'iss' | 'sub'>): string[] {
  return ['iat', 'jti', 'path', 'iss', 'sub']
    .filter((name) => !names.includes(name as (typeof names)[number]))
    .map((name) => `https://payconiq.com/${name}`);
}
