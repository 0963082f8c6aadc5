import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type CreatePaymentView,
  type Delivery,
  type SimProfile,
  type SimSettings,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { conform, merchantCallback } from '../support/bancontact-schemas';
import {
  callbackHeader,
  startCallbackReceiver,
  verifyCallback,
  type CallbackReceiver,
} from '../support/callback-receiver';
import { simClient, type SimClient } from '../support/sim-client';
import { tempDir } from '../support/temp';

const T0 = Date.parse('2026-10-10T12:00:00.000Z');
const HOUR = 3_600_000;
const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let receiver: CallbackReceiver;
let server: SimulatorServer;
let sim: SimClient;

async function start(
  settings: Partial<SimSettings> = {},
  profile: Partial<SimProfile> = {},
  storeFile?: string,
): Promise<void> {
  const display = { ...TRAINING_DISPLAY_PROFILE, callbackUrl: receiver.url(), ...profile };
  server = await startSimulatorServer({
    port: 0,
    now: () => T0,
    allowHttpCallbacks: true,
    profiles: [
      display,
      ...DEFAULT_PROFILES.slice(1).map((p) => ({ ...p, callbackUrl: receiver.url(`/${p.type}`) })),
    ],
    settings: { callbackTimeoutMs: 300, syncCallbackTimeoutMs: 300, ...settings },
    ...(storeFile !== undefined && { storeFile }),
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

async function create(body: Record<string, unknown> = {}): Promise<CreatePaymentView> {
  const res = await sim.merchant(KEY).post<CreatePaymentView>('/v3/payments', { amount: 1250, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

async function payAndFlush(created: CreatePaymentView): Promise<void> {
  await sim.scan(created._links.deeplink.href);
  await sim.confirm(created.paymentId);
  await sim.flush();
}

async function deliveries(paymentId?: string): Promise<Delivery[]> {
  const query = paymentId === undefined ? '' : `?paymentId=${paymentId}`;
  return (await sim.control<{ callbacks: Delivery[] }>(`/_sim/callbacks${query}`)).body.callbacks;
}

describe('signed callbacks', () => {
  it('announces every status change with a body and signature a merchant can verify with the JWKS', async () => {
    await start();
    const created = await create({ reference: 'INV-9', description: 'Two coffees' });
    await payAndFlush(created);
    expect(receiver.received.map((r) => r.body.status).sort()).toEqual([
      'AUTHORIZED',
      'IDENTIFIED',
      'SUCCEEDED',
    ]);
    for (const callback of receiver.received) {
      const header = await verifyCallback(callback, server.jwksUrl, PPID);
      expect(header).toMatchObject({
        typ: 'JOSE+JSON',
        alg: 'ES256',
        'https://payconiq.com/iat': '2026-10-10T12:00:00.000Z',
      });
      expect(header.kid).toEqual(expect.any(String));
      expect(header.crit).toHaveLength(5);
      expect(callback.headers['content-type']).toBe('application/json');
      expect(callback.headers['user-agent']).toBe('Bancontact Payments/v3');
      conform(merchantCallback, callback.body);
      expect(callback.body).toMatchObject({ paymentId: created.paymentId, reference: 'INV-9', amount: 1250 });
    }
    const succeeded = receiver.received.find((r) => r.body.status === 'SUCCEEDED')!;
    expect(succeeded.body).toMatchObject({
      succeededAt: '2026-10-10T12:00:00.000Z',
      debtor: { name: 'Jan' },
    });
    expect(new Set(receiver.received.map((r) => callbackHeader(r)['https://payconiq.com/jti'])).size).toBe(3);
  });

  it('sends IDENTIFIED to identifyCallbackUrl when there is one, or to both when set so', async () => {
    await start();
    const created = await create({ identifyCallbackUrl: receiver.url('/identify') });
    await payAndFlush(created);
    const where = receiver.received.map((r) => `${r.body.status}@${r.path}`).sort();
    expect(where).toEqual(['AUTHORIZED@/callback', 'IDENTIFIED@/identify', 'SUCCEEDED@/callback']);
    for (const callback of receiver.received) await verifyCallback(callback, server.jwksUrl, PPID);

    await sim.control('/_sim/settings', { identifiedCallbackTargets: 'identify-and-callback' }, 'PATCH');
    const second = await create({ identifyCallbackUrl: receiver.url('/identify') });
    await sim.scan(second._links.deeplink.href);
    await sim.flush();
    const identified = receiver.received.filter((r) => r.body.paymentId === second.paymentId);
    expect(identified.map((r) => r.path).sort()).toEqual(['/callback', '/identify']);
  });

  it('announces expiry, cancellation and sticker invalidation, and top-ups to the profile URL', async () => {
    await start();
    const expiring = await create();
    await sim.advance(121_000);
    const cancelled = await create();
    await sim.merchant(KEY).delete(`/v3/payments/${cancelled.paymentId}`);
    const sticker = sim.merchant(TRAINING_STICKER_PROFILE.apiKey);
    const replaced = (
      await sticker.post<CreatePaymentView>('/v3/payments/pos', { amount: 300, posId: 'POS1' })
    ).body;
    await sticker.post('/v3/payments/pos', { amount: 400, posId: 'POS1' });
    const topupCode = `https://pay.bancontact.net/t/1/${TRAINING_TOPUP_PROFILE.ppid}?D=Tokens&R=WB-7`;
    const topup = await sim.scan(topupCode, { amount: 1500 });
    await sim.flush();
    const seen = receiver.received.map((r) => [r.body.paymentId, r.body.status, r.path]);
    expect(seen).toContainEqual([expiring.paymentId, 'EXPIRED', '/callback']);
    expect(seen).toContainEqual([cancelled.paymentId, 'CANCELLED', '/callback']);
    expect(seen).toContainEqual([replaced.paymentId, 'CANCELLED', '/sticker']);
    expect(seen).toContainEqual([topup.body.paymentId, 'IDENTIFIED', '/topup']);
    expect(receiver.received.find((r) => r.body.status === 'EXPIRED')?.body).not.toHaveProperty('debtor');
    const topupCallback = receiver.received.find((r) => r.body.paymentId === topup.body.paymentId)!;
    expect(topupCallback.body).toMatchObject({ amount: 1500, description: 'Tokens', reference: 'WB-7' });
    await verifyCallback(topupCallback, server.jwksUrl, TRAINING_TOPUP_PROFILE.ppid);
  });

  it('keeps the signing key across a restart on the same store file', async () => {
    const tmp = tempDir('kassa-sim-keys-');
    try {
      await start({}, {}, join(tmp.dir, 'sim.sqlite'));
      const before = (await sim.control<{ keys: Array<{ kid: string }> }>('/jwks/')).body.keys;
      await server.close();
      await start({}, {}, join(tmp.dir, 'sim.sqlite'));
      expect((await sim.control<{ keys: Array<{ kid: string }> }>('/jwks/')).body.keys).toEqual(before);
    } finally {
      tmp.remove();
    }
  });
});

describe('retries', () => {
  it('retries after a 503 with the very same bytes, on simulator time', async () => {
    await start();
    receiver.answers.push(503);
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    await sim.flush();
    expect(receiver.received).toHaveLength(1);
    await sim.advance(14_000);
    await sim.flush();
    expect(receiver.received).toHaveLength(1);
    await sim.advance(1_000);
    await sim.flush();
    expect(receiver.received).toHaveLength(2);
    const [first, retry] = receiver.received;
    expect(retry!.rawBody).toBe(first!.rawBody);
    expect(retry!.signature).toBe(first!.signature);
    await verifyCallback(retry!, server.jwksUrl, PPID);
    expect((await deliveries(created.paymentId))[0]).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('keeps retrying with back-off for 24 hours of simulator time, then gives up', async () => {
    await start();
    receiver.fallback = 500;
    // The payment expires meanwhile and its EXPIRED callback fails too; only IDENTIFIED is followed.
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    await sim.flush();
    const identified = () => receiver.received.filter((r) => r.body.status === 'IDENTIFIED');
    const times: number[] = [T0];
    for (let elapsed = 15 * 60_000; elapsed <= 30 * HOUR; elapsed += 15 * 60_000) {
      const before = identified().length;
      await sim.advance(15 * 60_000);
      await sim.flush();
      if (identified().length > before) times.push(T0 + elapsed);
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps.every((gap, i) => i === 0 || gap >= gaps[i - 1]!)).toBe(true);
    expect(gaps.at(-1)).toBe(4 * HOUR);
    expect(times.at(-1)! - T0).toBeLessThanOrEqual(24 * HOUR);
    expect(times.at(-1)! - T0).toBeGreaterThan(20 * HOUR);
    expect(new Set(identified().map((r) => r.signature + r.rawBody)).size).toBe(1);
    const [delivery] = (await deliveries(created.paymentId)).filter((d) => d.status === 'IDENTIFIED');
    expect(delivery).toMatchObject({ state: 'expired', attempts: times.length });
  });

  it('retries a merchant that does not answer within the timeout', async () => {
    await start();
    receiver.answers.push('hang');
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    await sim.flush();
    expect((await deliveries(created.paymentId))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect((await deliveries(created.paymentId))[0]?.lastResult).toMatch(/^timeout/);
    await sim.advance(15_000);
    await sim.flush();
    expect(receiver.received).toHaveLength(2);
    expect((await deliveries(created.paymentId))[0]).toMatchObject({ state: 'delivered' });
  });

  it('does not retry answers outside the documented list, unless told to', async () => {
    await start();
    receiver.answers.push(400);
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    await sim.flush();
    await sim.advance(HOUR);
    await sim.flush();
    expect(receiver.received.filter((r) => r.body.status === 'IDENTIFIED')).toHaveLength(1);
    expect((await deliveries(created.paymentId))[0]).toMatchObject({
      state: 'rejected',
      lastResult: 'HTTP 400',
    });

    await sim.control('/_sim/settings', { callbackRetryOn: 'any-non-200' }, 'PATCH');
    receiver.answers.push(404);
    const other = await create();
    await sim.scan(other._links.deeplink.href);
    await sim.flush();
    await sim.advance(15_000);
    await sim.flush();
    expect(receiver.received.filter((r) => r.body.paymentId === other.paymentId)).toHaveLength(2);
  });
});

describe('key rotation', () => {
  type Jwks = { keys: Array<{ kid: string }> };

  it('publishes the new key before it signs, and old callbacks keep verifying while retried', async () => {
    await start();
    receiver.answers.push(503);
    const early = await create();
    await sim.scan(early._links.deeplink.href);
    await sim.flush();
    const oldKid = callbackHeader(receiver.received[0]!).kid;

    const rotated = await sim.control<{ kid: string }>('/_sim/keys/rotate', { activateInMs: 60_000 });
    const newKid = rotated.body.kid;
    expect((await sim.control<Jwks>('/jwks/')).body.keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
    const before = await create();
    await sim.scan(before._links.deeplink.href);
    await sim.flush();
    expect(callbackHeader(receiver.received.at(-1)!).kid).toBe(oldKid);

    await sim.advance(60_000);
    await sim.flush(); // the 503'd callback of `early` is retried, still signed with the old key
    const after = await create();
    await sim.scan(after._links.deeplink.href);
    await sim.flush();
    const kids = receiver.received.map((r) => [r.body.paymentId, callbackHeader(r).kid]);
    expect(kids).toEqual([
      [early.paymentId, oldKid],
      [before.paymentId, oldKid],
      [early.paymentId, oldKid],
      [after.paymentId, newKid],
    ]);
    for (const callback of receiver.received) await verifyCallback(callback, server.jwksUrl, PPID);

    await sim.advance(25 * HOUR);
    expect((await sim.control<Jwks>('/jwks/')).body.keys.map((k) => k.kid)).toEqual([newKid]);
  });
});

describe('sync callbacks', () => {
  it('the merchant’s 200 to the AUTHORIZED callback makes the payment SUCCEEDED', async () => {
    await start({}, { syncCallbacks: true });
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    const confirmed = await sim.confirm(created.paymentId);
    expect(confirmed.body.status).toBe('SUCCEEDED');
    await sim.flush();
    expect(receiver.received.map((r) => r.body.status)).toEqual(['IDENTIFIED', 'AUTHORIZED', 'SUCCEEDED']);
    await verifyCallback(receiver.received[1]!, server.jwksUrl, PPID);
  });

  it('three refusals make it FAILED; every attempt carries the same bytes', async () => {
    await start({}, { syncCallbacks: true });
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    await sim.flush();
    receiver.answers.push(500, 'hang', 403);
    expect((await sim.confirm(created.paymentId)).body.status).toBe('FAILED');
    await sim.flush();
    const authorized = receiver.received.filter((r) => r.body.status === 'AUTHORIZED');
    expect(authorized).toHaveLength(3);
    expect(new Set(authorized.map((r) => `${r.signature}${r.rawBody}`)).size).toBe(1);
    expect(receiver.received.at(-1)?.body.status).toBe('FAILED');
  });

  it('a refusal followed by a 200 still succeeds', async () => {
    await start({}, { syncCallbacks: true });
    const created = await create();
    await sim.scan(created._links.deeplink.href);
    await sim.flush();
    receiver.answers.push(503);
    expect((await sim.confirm(created.paymentId)).body.status).toBe('SUCCEEDED');
  });
});
