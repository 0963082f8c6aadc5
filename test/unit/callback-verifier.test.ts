import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createCallbackVerifier,
  JWKS_URLS,
  type CallbackVerifierOptions,
} from '../../electron/core/bancontact/callback-verifier';
import {
  callbackBody,
  createSigningKey,
  iatWithDigits,
  signCallback,
  startJwksServer,
  type JwksServer,
  type SigningKey,
} from '../support/callback-signer';

const PPID = '5bb37284e35e2b29e363df22';
const CALLBACK_URL = 'https://kassa.frituur-example.be/bancontact/callback/profile-a';
const HOUR = 60 * 60 * 1000;
const T0 = new Date('2026-11-21T10:24:23.880Z');

let jwks: JwksServer;
let key: SigningKey;

beforeAll(async () => {
  key = await createSigningKey('es.signature.test.kassa');
  jwks = await startJwksServer([key.publicJwk]);
});
afterAll(() => jwks.close());

beforeEach(() => {
  // Only Date is faked: jose's cache clock follows it, while sockets and timeouts stay real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  jwks.keys = [key.publicJwk];
  jwks.status = 200;
});
afterEach(() => vi.useRealTimers());

function verifier(overrides: Partial<CallbackVerifierOptions> = {}) {
  return createCallbackVerifier({ jwksUrl: jwks.url, ppid: PPID, callbackUrl: CALLBACK_URL, ...overrides });
}

function genuine(body: string, claims: { iat?: string; iss?: string; path?: string } = {}, signer = key) {
  return signCallback(body, signer, { ppid: PPID, path: CALLBACK_URL, ...claims });
}

function advance(ms: number) {
  vi.setSystemTime(Date.now() + ms);
}

describe('genuine callbacks', () => {
  it('are accepted with jti, iat, kid and the parsed body', async () => {
    const body = callbackBody({ status: 'SUCCEEDED' });
    const signature = signCallback(body, key, { ppid: PPID, path: CALLBACK_URL, jti: '815281f733ec14f' });
    const result = await verifier().verify(body, signature);
    expect(result).toEqual({
      ok: true,
      callback: { jti: '815281f733ec14f', iat: T0.toISOString(), kid: key.kid, body: JSON.parse(body) },
    });
  });

  it.each([3, 6, 9] as const)('accept an iat with %i fraction digits', async (digits) => {
    const body = callbackBody();
    const iat = iatWithDigits(T0, digits);
    const result = await verifier().verify(body, genuine(body, { iat }));
    expect(result.ok && result.callback.iat).toBe(iat);
  });

  it('accept iss in any case', async () => {
    const body = callbackBody();
    for (const iss of ['payconiq', 'PAYCONIQ', 'Payconiq']) {
      expect(await verifier().verify(body, genuine(body, { iss }))).toMatchObject({ ok: true });
    }
  });

  it('accept a DER-encoded signature', async () => {
    const body = callbackBody();
    const signature = signCallback(body, key, { ppid: PPID, path: CALLBACK_URL }, { der: true });
    expect(signature.split('.')[2]?.length).not.toBe(86);
    expect(await verifier().verify(body, signature)).toMatchObject({ ok: true });
  });

  it('accept a retry that still carries the iat of 23 h ago', async () => {
    const body = callbackBody();
    const signature = genuine(body);
    const v = verifier();
    expect(await v.verify(body, signature)).toMatchObject({ ok: true });
    advance(23 * HOUR);
    expect(await v.verify(body, signature)).toMatchObject({ ok: true, callback: { iat: T0.toISOString() } });
  });

  it('accept a path that differs only by a trailing slash or by http/https', async () => {
    const body = callbackBody();
    for (const path of [`${CALLBACK_URL}/`, CALLBACK_URL.replace('https:', 'http:')]) {
      expect(await verifier().verify(body, genuine(body, { path }))).toMatchObject({ ok: true });
    }
    const slashConfigured = verifier({ callbackUrl: `${CALLBACK_URL}/` });
    expect(await slashConfigured.verify(body, genuine(body))).toMatchObject({ ok: true });
  });

  it('verify the raw bytes, so whitespace and key order in the body are kept as sent', async () => {
    const body = '{ "status" : "SUCCEEDED",\n  "paymentId":"5bdaf066b93d1c000bde9683", "amount": 700 }';
    const result = await verifier().verify(body, genuine(body));
    expect(result).toMatchObject({ ok: true, callback: { body: { status: 'SUCCEEDED', amount: 700 } } });
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(await verifier().verify(reserialised, genuine(body))).toMatchObject({ reason: 'BAD_SIGNATURE' });
  });

  it('accept non-ASCII bodies signed as UTF-8', async () => {
    const body = callbackBody({ description: 'Frietkot “Ça va” – €3,50', debtor: { name: 'Zoë' } });
    expect(await verifier().verify(body, genuine(body))).toMatchObject({ ok: true });
  });
});

describe('JWKS caching', () => {
  it('fetches once, then not again for known kids within 12 h, then again after 12 h', async () => {
    const v = verifier();
    const before = jwks.fetchCount;
    const body = callbackBody();
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(before + 1);
    for (const step of [1, 6, 11.9]) {
      vi.setSystemTime(T0.getTime() + step * HOUR);
      expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    }
    expect(jwks.fetchCount).toBe(before + 1);
    vi.setSystemTime(T0.getTime() + 12 * HOUR + 1);
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(before + 2);
  });

  it('never caches longer than 12 h, even when asked to', async () => {
    const v = verifier({ cacheMaxAgeMs: 48 * HOUR });
    const body = callbackBody();
    await v.verify(body, genuine(body));
    const after = jwks.fetchCount;
    advance(12 * HOUR + 1);
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(after + 1);
  });

  it('honours a shorter cache age and counts fetches through the injected fetch', async () => {
    let counted = 0;
    const countingFetch: typeof fetch = (input, init) => {
      counted += 1;
      return fetch(input, init);
    };
    const v = verifier({ cacheMaxAgeMs: HOUR, fetch: countingFetch });
    const body = callbackBody();
    await v.verify(body, genuine(body));
    advance(HOUR + 1);
    await v.verify(body, genuine(body));
    expect(counted).toBe(2);
  });

  it('refetches once for a key published after the last fetch, then keeps it', async () => {
    const v = verifier();
    const body = callbackBody();
    await v.verify(body, genuine(body));
    const next = await createSigningKey('es.signature.test.kassa.2027');
    jwks.add(next.publicJwk);
    advance(HOUR);
    const before = jwks.fetchCount;
    expect(await v.verify(body, genuine(body, {}, next))).toMatchObject({
      ok: true,
      callback: { kid: next.kid },
    });
    expect(jwks.fetchCount).toBe(before + 1);
    // The old key is withdrawn later; both keep working from the cache until it is refreshed.
    jwks.remove(key.kid);
    expect(await v.verify(body, genuine(body, {}, next))).toMatchObject({ ok: true });
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(before + 1);
  });

  it('fetches at most once when many callbacks arrive together on a cold cache', async () => {
    const v = verifier();
    const before = jwks.fetchCount;
    const bodies = Array.from({ length: 50 }, () => callbackBody());
    const results = await Promise.all(bodies.map((body) => v.verify(body, genuine(body))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(jwks.fetchCount).toBe(before + 1);
  });
});

describe('keys that change under a kid', () => {
  it('accepts a callback after the key behind a known kid was replaced, with one refetch', async () => {
    const v = verifier();
    const body = callbackBody();
    await v.verify(body, genuine(body));
    const rekeyed = await createSigningKey(key.kid);
    jwks.rotate(rekeyed.publicJwk);
    advance(HOUR);
    const before = jwks.fetchCount;
    expect(await v.verify(body, genuine(body, {}, rekeyed))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(before + 1);
  });

  it('accepts callbacks signed by either of two published keys sharing one kid', async () => {
    const twin = await createSigningKey(key.kid);
    jwks.keys = [key.publicJwk, twin.publicJwk];
    const v = verifier();
    const body = callbackBody();
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    expect(await v.verify(body, genuine(body, {}, twin))).toMatchObject({ ok: true });
    const stranger = await createSigningKey(key.kid);
    expect(await v.verify(body, genuine(body, {}, stranger))).toMatchObject({
      ok: false,
      reason: 'BAD_SIGNATURE',
    });
  });
});

describe('JWKS unavailable', () => {
  it('rejects with JWKS_UNAVAILABLE and backs off instead of fetching per callback', async () => {
    jwks.status = 503;
    const v = verifier();
    const before = jwks.fetchCount;
    const body = callbackBody();
    for (let i = 0; i < 20; i++) {
      expect(await v.verify(body, genuine(body))).toMatchObject({ ok: false, reason: 'JWKS_UNAVAILABLE' });
    }
    expect(jwks.fetchCount).toBe(before + 1);
    jwks.status = 200;
    advance(11_000);
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: true });
    expect(jwks.fetchCount).toBe(before + 2);
  });

  it('rejects with JWKS_UNAVAILABLE when the JWKS host does not answer', async () => {
    const v = verifier({ jwksUrl: 'http://127.0.0.1:9/', timeoutMs: 500 });
    const body = callbackBody();
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: false, reason: 'JWKS_UNAVAILABLE' });
  });

  it('rejects with JWKS_UNAVAILABLE when the JWKS is not a key set', async () => {
    const notAKeySet: typeof fetch = async () => new Response('{"keys":"nope"}', { status: 200 });
    const v = verifier({ fetch: notAKeySet });
    const body = callbackBody();
    expect(await v.verify(body, genuine(body))).toMatchObject({ ok: false, reason: 'JWKS_UNAVAILABLE' });
  });
});

describe('configuration', () => {
  it('names the Bancontact JWKS hosts', () => {
    expect(JWKS_URLS).toEqual({
      production: 'https://jwks.bancontact.net/',
      preprod: 'https://jwks.preprod.bancontact.net/',
    });
  });

  it('refuses a callback URL that is not a URL when the verifier is built', () => {
    expect(() => verifier({ callbackUrl: 'kassa/callback' })).toThrow();
  });
});
