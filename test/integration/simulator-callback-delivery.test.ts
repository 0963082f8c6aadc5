import { base64url, compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  type CreatePaymentView,
  type Delivery,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '../../electron/core/simulator';
import {
  callbackHeader,
  PAYCONIQ_CRIT,
  startCallbackReceiver,
  verifyCallback,
  type CallbackReceiver,
  type ReceivedCallback,
} from '../support/callback-receiver';
import { request, simClient, type SimClient } from '../support/sim-client';

/**
 * What a merchant's endpoint sees of callbacks beyond the happy path: which answers are retried, the
 * exact JOSE header, the JWKS on a host of its own, and a merchant that caches the JWKS across a key
 * rotation.
 */
const T0 = Date.parse('2026-10-10T12:00:00.123Z');
const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let receiver: CallbackReceiver;
let server: SimulatorServer;
let sim: SimClient;

async function start(options: Partial<SimulatorServerOptions> = {}): Promise<void> {
  server = await startSimulatorServer({
    port: 0,
    now: () => T0,
    allowHttpCallbacks: true,
    profiles: [{ ...TRAINING_DISPLAY_PROFILE, callbackUrl: receiver.url() }, ...DEFAULT_PROFILES.slice(1)],
    settings: { callbackTimeoutMs: 300 },
    ...options,
  });
  sim = simClient(server.baseUrl);
}

beforeEach(async () => {
  receiver = await startCallbackReceiver();
});
afterEach(async () => {
  await server.close();
  await receiver.close();
});

/** A new payment scanned by the payer: its IDENTIFIED callback is the one under test. */
async function scanned(): Promise<CreatePaymentView> {
  const res = await sim.merchant(KEY).post<CreatePaymentView>('/v3/payments', { amount: 700 });
  expect(res.status).toBe(201);
  await sim.scan(res.body._links.deeplink.href);
  await sim.flush();
  return res.body;
}

async function deliveryOf(paymentId: string): Promise<Delivery> {
  const log = await sim.control<{ callbacks: Delivery[] }>(`/_sim/callbacks?paymentId=${paymentId}`);
  return log.body.callbacks[0]!;
}

async function verifyWith(callback: ReceivedCallback, jwks: JSONWebKeySet): Promise<void> {
  const [head, , signature] = callback.signature.split('.');
  const token = `${head}.${base64url.encode(callback.rawBody)}.${signature}`;
  await compactVerify(token, createLocalJWKSet(jwks), { algorithms: ['ES256'], crit: PAYCONIQ_CRIT });
}

describe('which answers are retried', () => {
  it.each([429, 500, 503, 504, 509])('%i: retried 15 s later with the same bytes', async (status) => {
    await start();
    receiver.answers.push(status);
    const created = await scanned();
    expect(await deliveryOf(created.paymentId)).toMatchObject({ state: 'pending', attempts: 1 });
    await sim.advance(15_000);
    await sim.flush();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.rawBody).toBe(receiver.received[0]!.rawBody);
    expect(receiver.received[1]!.signature).toBe(receiver.received[0]!.signature);
    expect(await deliveryOf(created.paymentId)).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  // The callback guide lists 429, 500, 503, 504 and 509 only (reference §2.1); `any-non-200` retries these.
  it.each([204, 400, 403, 502])('%i: not retried by default; the delivery is rejected', async (status) => {
    await start();
    receiver.answers.push(status);
    const created = await scanned();
    await sim.advance(3_600_000);
    await sim.flush();
    expect(
      receiver.received.filter(
        (r) => r.body.paymentId === created.paymentId && r.body.status === 'IDENTIFIED',
      ),
    ).toHaveLength(1);
    expect(await deliveryOf(created.paymentId)).toMatchObject({ state: 'rejected', attempts: 1 });
  });
});

describe('the JOSE header', () => {
  it('has typ, kid, alg, exactly the five critical claims, and iat to the millisecond', async () => {
    await start();
    // iat is the wall clock at signing (T0 here), never the advanced simulator time.
    await sim.advance(456);
    const created = await scanned();
    const callback = receiver.received[0]!;
    await verifyCallback(callback, server.jwksUrl, PPID);
    const header = callbackHeader(callback);
    expect(Object.keys(header).sort()).toEqual(
      ['alg', 'crit', 'kid', 'typ', ...Object.keys(PAYCONIQ_CRIT)].sort(),
    );
    expect(header).toMatchObject({
      typ: 'JOSE+JSON',
      alg: 'ES256',
      'https://payconiq.com/iat': '2026-10-10T12:00:00.123Z',
      'https://payconiq.com/path': receiver.url(),
      'https://payconiq.com/iss': 'Payconiq',
      'https://payconiq.com/sub': PPID,
    });
    expect([...(header.crit as string[])].sort()).toEqual(Object.keys(PAYCONIQ_CRIT).sort());
    const jwks = (await request<JSONWebKeySet>(server.jwksUrl)).body;
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
    expect(header['https://payconiq.com/jti']).toBe((await deliveryOf(created.paymentId)).jti);
  });
});

describe('the JWKS on a host of its own', () => {
  it('is served at the root of that host, and every callback verifies against it', async () => {
    await start({ jwksPort: 0 });
    const jwksUrl = new URL(server.jwksUrl);
    expect(jwksUrl.pathname).toBe('/');
    expect(jwksUrl.origin).not.toBe(server.baseUrl);
    const root = await request<JSONWebKeySet>(server.jwksUrl);
    expect(root.status).toBe(200);
    expect(root.body).toEqual((await request(`${server.baseUrl}/jwks/`)).body);
    expect((await request(`${jwksUrl.origin}/v3/payments`)).status).toBe(404);
    await scanned();
    await sim.control('/_sim/keys/rotate', {});
    await scanned();
    expect(new Set(receiver.received.map((r) => callbackHeader(r).kid)).size).toBe(2);
    for (const callback of receiver.received) await verifyCallback(callback, server.jwksUrl, PPID);
  });
});

describe('a merchant that caches the JWKS', () => {
  it('verifies callbacks signed after a rotation with the JWKS it fetched before the new key signed', async () => {
    await start();
    await scanned();
    const rotated = await sim.control<{ kid: string }>('/_sim/keys/rotate', { activateInMs: 60_000 });
    // Fetched once, between publication and activation, and never again.
    const cached = (await request<JSONWebKeySet>(server.jwksUrl)).body;
    await scanned();
    await sim.advance(60_000);
    await scanned();
    const kids = receiver.received.map((r) => callbackHeader(r).kid);
    expect(kids.at(-1)).toBe(rotated.body.kid);
    expect(kids[0]).not.toBe(rotated.body.kid);
    for (const callback of receiver.received) await verifyWith(callback, cached);
  });

  it('cannot verify a forged signature with that JWKS', async () => {
    await start();
    await sim.control('/_sim/faults/global', { callbackBadSignatureRate: 1 }, 'PUT');
    await scanned();
    const cached = (await request<JSONWebKeySet>(server.jwksUrl)).body;
    await expect(verifyWith(receiver.received[0]!, cached)).rejects.toThrow();
  });
});
