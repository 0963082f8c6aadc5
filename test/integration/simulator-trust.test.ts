import { createHash, X509Certificate } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { base64url, compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCallbackVerifier } from '../../electron/core/bancontact/callback-verifier';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  type CreatePaymentView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import {
  callbackHeader,
  PAYCONIQ_CRIT,
  startCallbackReceiver,
  type CallbackReceiver,
  type ReceivedCallback,
} from '../support/callback-receiver';
import { request, simClient, type SimClient } from '../support/sim-client';
import { tempDir } from '../support/temp';

/*
 * What integrations other than Kassa's own check (issue 14, point 5): certificates in the JWKS, iat
 * against the receiver's own clock, keys kept across restarts, and the station's verifier across a
 * rotation and a day of retries. Real HTTP on loopback; the simulator runs on the real clock.
 */

const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;
const HOUR = 3_600_000;

let receiver: CallbackReceiver;
let server: SimulatorServer | undefined;
let sim: SimClient;
const folder = tempDir('kassa-sim-trust-');

async function start(storeFile?: string, keyFile?: string): Promise<void> {
  server = await startSimulatorServer({
    port: 0,
    allowHttpCallbacks: true,
    profiles: [{ ...TRAINING_DISPLAY_PROFILE, callbackUrl: receiver.url() }],
    ...(storeFile !== undefined && { storeFile }),
    ...(keyFile !== undefined && { keyFile }),
  });
  sim = simClient(server.baseUrl);
}

async function stop(): Promise<void> {
  await server?.close();
  server = undefined;
}

afterAll(() => folder.remove());
beforeEach(async () => {
  receiver = await startCallbackReceiver();
});
afterEach(async () => {
  vi.useRealTimers();
  await stop();
  await receiver.close();
});

/** Creates and pays a payment; resolves with its SUCCEEDED callback as the receiver got it. */
async function paidCallback(): Promise<ReceivedCallback> {
  const res = await sim.merchant(KEY).post<CreatePaymentView>('/v3/payments', { amount: 990 });
  expect(res.status).toBe(201);
  await sim.scan(res.body._links.deeplink.href);
  await sim.confirm(res.body.paymentId);
  await sim.flush();
  const callback = receiver.received.find(
    (r) => r.body.paymentId === res.body.paymentId && r.body.status === 'SUCCEEDED',
  );
  expect(callback).toBeDefined();
  return callback!;
}

async function fetchJwks(): Promise<JSONWebKeySet> {
  const res = await request<JSONWebKeySet>(server!.jwksUrl);
  expect(res.status).toBe(200);
  return res.body;
}

/** As Payconiq's Java utility does: the key comes from the certificate in `x5c[0]`, not from x/y. */
async function verifyWithCertificate(callback: ReceivedCallback, jwks: JSONWebKeySet): Promise<void> {
  const kid = callbackHeader(callback).kid;
  const jwk = jwks.keys.find((k) => k.kid === kid);
  const der = Buffer.from(jwk!.x5c![0]!, 'base64');
  expect(jwk!['x5t#S256']).toBe(createHash('sha256').update(der).digest('base64url'));
  const certificate = new X509Certificate(der);
  expect(certificate.verify(certificate.publicKey)).toBe(true);
  const [head, , signature] = callback.signature.split('.');
  await compactVerify(`${head}.${base64url.encode(callback.rawBody)}.${signature}`, certificate.publicKey, {
    algorithms: ['ES256'],
    crit: PAYCONIQ_CRIT,
  });
}

describe('the JWKS', () => {
  it('publishes every signing key with a certificate whose key verifies real callbacks', async () => {
    await start();
    await sim.control('/_sim/keys/rotate', { activateInMs: 0 });
    const jwks = await fetchJwks();
    expect(jwks.keys).toHaveLength(2);
    for (const key of jwks.keys) {
      expect(key.x5c).toHaveLength(1);
      const certificate = new X509Certificate(Buffer.from(key.x5c![0]!, 'base64'));
      // The certificate holds the very key published as x/y.
      expect(certificate.publicKey.export({ format: 'jwk' })).toMatchObject({ x: key.x, y: key.y });
      expect(Date.parse(certificate.validFrom)).toBeLessThanOrEqual(Date.now());
    }
    await verifyWithCertificate(await paidCallback(), jwks);
  });
});

describe('iat', () => {
  it('is the wall clock at signing: two hours on the simulator clock do not move it', async () => {
    await start();
    await sim.advance(2 * HOUR);
    const callback = await paidCallback();
    const iat = Date.parse(String(callbackHeader(callback)['https://payconiq.com/iat']));
    // What a strict client (5 s) checks against its own clock.
    expect(Math.abs(Date.now() - iat)).toBeLessThan(5_000);
  });
});

describe('signing keys', () => {
  it('survive a restart on the same store, in a file only its owner can read', async () => {
    const storeFile = join(folder.dir, `restart-${Date.now()}.sqlite`);
    await start(storeFile);
    const cached = await fetchJwks();
    await stop();
    await start(storeFile);
    const callback = await paidCallback();
    // Verified with the JWKS fetched before the restart, as a client that caches it for hours does.
    const [head, , signature] = callback.signature.split('.');
    const token = `${head}.${base64url.encode(callback.rawBody)}.${signature}`;
    await compactVerify(token, createLocalJWKSet(cached), { algorithms: ['ES256'], crit: PAYCONIQ_CRIT });
    await verifyWithCertificate(callback, cached);
    expect(statSync(storeFile).mode & 0o777).toBe(0o600);
  });

  it('survive a restart of an in-memory simulator in their own key file, rotations included', async () => {
    const keyFile = join(folder.dir, `keys-${Date.now()}.json`);
    await start(undefined, keyFile);
    const cached = await fetchJwks();
    await stop();
    await start(undefined, keyFile);
    await verifyWithCertificate(await paidCallback(), cached);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const rotated = await sim.control<{ kid: string }>('/_sim/keys/rotate', { activateInMs: 0 });
    await stop();
    await start(undefined, keyFile);
    const callback = await paidCallback();
    expect(callbackHeader(callback).kid).toBe(rotated.body.kid);
    await verifyWithCertificate(callback, await fetchJwks());
  });

  it("change only through the control API; the station's verifier follows by refetching", async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    await start();
    const verifier = createCallbackVerifier({
      jwksUrl: server!.jwksUrl,
      ppid: PPID,
      callbackUrl: receiver.url(),
    });
    const before = await paidCallback();
    expect((await verifier.verify(before.rawBody, before.signature)).ok).toBe(true);
    const rotated = await sim.control<{ kid: string }>('/_sim/keys/rotate', { activateInMs: 0 });
    // Past the verifier's refetch cooldown (an unknown kid within it is refused and retried later).
    vi.setSystemTime(Date.now() + 60_000);
    const after = await paidCallback();
    expect(callbackHeader(after).kid).toBe(rotated.body.kid);
    expect(await verifier.verify(after.rawBody, after.signature)).toMatchObject({ ok: true });
  });
});

describe("the station's verifier", () => {
  it('accepts a callback retried byte-identically almost 24 h after it was signed', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    await start();
    const verifier = createCallbackVerifier({
      jwksUrl: server!.jwksUrl,
      ppid: PPID,
      callbackUrl: receiver.url(),
    });
    const callback = await paidCallback();
    const first = await verifier.verify(callback.rawBody, callback.signature);
    expect(first.ok).toBe(true);
    vi.setSystemTime(Date.now() + 24 * HOUR - 60_000);
    const retried = await verifier.verify(callback.rawBody, callback.signature);
    // Not refused for its age; the same jti, on which the station deduplicates.
    expect(retried).toMatchObject({ ok: true, callback: { jti: first.ok ? first.callback.jti : '' } });
  });
});
