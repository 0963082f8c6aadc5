import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type CreatePaymentView,
  type SimProfile,
  type SimulatorServer,
} from '../../electron/core/simulator';
import {
  conform,
  errorResponse,
  getPaymentResponse,
  jwks,
  merchantCallback,
  paymentCreateResponse,
  paymentSearchResponse,
  refundErrorResponse,
  refundIbanResponse,
  refundResponse,
} from '../support/bancontact-schemas';
import {
  startCallbackReceiver,
  verifyCallback,
  type CallbackReceiver,
  type ReceivedCallback,
} from '../support/callback-receiver';
import { signRequest } from '../support/merchant-signer';
import { request, simClient, type SimClient } from '../support/sim-client';
import { waitFor } from '../support/temp';

/**
 * Every answer of every merchant endpoint, in every status a payment can reach, checked against the
 * schemas written from the spec. A member the spec does not define fails, so `expiresAt` in a GET or
 * `expireAt` in a create response would be caught.
 */
const VOID_PROFILE: SimProfile = {
  ...TRAINING_DISPLAY_PROFILE,
  ppid: 'ca55a00000000000000000b1',
  apiKey: 'conformance-void-key-0001',
  voidMode: true,
};
const SYNC_PROFILE: SimProfile = {
  ...TRAINING_DISPLAY_PROFILE,
  ppid: 'ca55a00000000000000000b2',
  apiKey: 'conformance-sync-key-0002',
  syncCallbacks: true,
};
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let receiver: CallbackReceiver;
let server: SimulatorServer;
let sim: SimClient;

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  const display = { ...TRAINING_DISPLAY_PROFILE, callbackUrl: receiver.url() };
  server = await startSimulatorServer({
    port: 0,
    allowHttpCallbacks: true,
    profiles: [
      display,
      ...DEFAULT_PROFILES.slice(1),
      { ...VOID_PROFILE, callbackUrl: receiver.url() },
      { ...SYNC_PROFILE, callbackUrl: receiver.url() },
    ],
    settings: { syncCallbackTimeoutMs: 1_500 },
  });
  sim = simClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function create(key = KEY, body: Record<string, unknown> = {}): Promise<CreatePaymentView> {
  const res = await sim
    .merchant(key)
    .post('/v3/payments', { amount: 995, reference: 'C-1', description: 'Soup', ...body });
  expect(res.status).toBe(201);
  return conform(paymentCreateResponse, res.body);
}

async function getConforming(id: string, key = KEY) {
  const res = await sim.merchant(key).get(`/v3/payments/${id}`);
  expect(res.status).toBe(200);
  expect(res.body).not.toHaveProperty('expiresAt');
  return conform(getPaymentResponse, res.body);
}

/**
 * A sync-callback payment seen while AUTHORIZED (the merchant has not answered yet) and once FAILED (the
 * merchant refused every attempt). The receiver is shared: every async callback is settled first so the
 * refusals reach the sync callback and nothing else (else an IDENTIFIED callback eats one).
 */
async function syncRejected(check: (id: string, key: string) => Promise<unknown>): Promise<void> {
  const rejected = await create(SYNC_PROFILE.apiKey);
  await sim.scan(rejected._links.deeplink.href);
  await sim.flush();
  receiver.answers.push('hang', 500, 500);
  const confirming = sim.confirm(rejected.paymentId);
  const isAuthorized = (r: ReceivedCallback) =>
    r.body.paymentId === rejected.paymentId && r.body.status === 'AUTHORIZED';
  await waitFor(() => receiver.received.some(isAuthorized));
  await check(rejected.paymentId, SYNC_PROFILE.apiKey);
  expect((await confirming).body.status).toBe('FAILED');
  await check(rejected.paymentId, SYNC_PROFILE.apiKey);
}

describe('conformance of merchant API answers', () => {
  it('create and /pos answer PaymentCreateResponse with expiresAt (not expireAt)', async () => {
    const created = await create(KEY, {
      bulkId: 'B-1',
      callbackUrl: receiver.url(),
      identifyCallbackUrl: receiver.url('/id'),
    });
    expect(created).toHaveProperty('expiresAt');
    expect(created).not.toHaveProperty('expireAt');
    const pos = await sim.merchant(TRAINING_STICKER_PROFILE.apiKey).post('/v3/payments/pos', {
      amount: 450,
      posId: 'POS00001',
      shopId: 'shop-1',
      shopName: 'Bun cafe',
    });
    expect(pos.status).toBe(201);
    expect(conform(paymentCreateResponse, pos.body)).not.toHaveProperty('expireAt');
  });

  it('GET answers GetPaymentResponse with expireAt in every reachable status', async () => {
    const statuses = new Set<string>();
    const check = async (id: string, key = KEY) => statuses.add((await getConforming(id, key)).status);

    const pending = await create();
    await check(pending.paymentId);
    await sim.scan(pending._links.deeplink.href);
    await check(pending.paymentId);
    await sim.confirm(pending.paymentId);
    const paid = await getConforming(pending.paymentId);
    expect(paid._links.refund?.href).toBe(`${server.baseUrl}/v3/payments/${pending.paymentId}/refunds`);
    statuses.add(paid.status);

    const refused = await create();
    await sim.scan(refused._links.deeplink.href);
    await sim.control('/_sim/payer/refuse', { paymentId: refused.paymentId });
    await check(refused.paymentId);
    const cancelled = await create();
    await sim.merchant(KEY).delete(`/v3/payments/${cancelled.paymentId}`);
    await check(cancelled.paymentId);

    const acked = await create(VOID_PROFILE.apiKey);
    const voided = await create(VOID_PROFILE.apiKey);
    for (const p of [acked, voided]) {
      await sim.scan(p._links.deeplink.href);
      await sim.confirm(p.paymentId);
    }
    await check(voided.paymentId, VOID_PROFILE.apiKey);
    await sim
      .merchant(VOID_PROFILE.apiKey)
      .post(`/v3/payments/${acked.paymentId}/acknowledge`, { amount: 995, currency: 'EUR' });
    expect((await getConforming(acked.paymentId, VOID_PROFILE.apiKey)).status).toBe('SUCCEEDED');
    await syncRejected(check);
    const expiring = await create();
    await sim.advance(121_000);
    await check(expiring.paymentId);
    await check(voided.paymentId, VOID_PROFILE.apiKey);
    expect([...statuses].sort()).toEqual(
      [
        'AUTHORIZATION_FAILED',
        'AUTHORIZED',
        'CANCELLED',
        'EXPIRED',
        'FAILED',
        'IDENTIFIED',
        'PENDING',
        'PENDING_MERCHANT_ACKNOWLEDGEMENT',
        'SUCCEEDED',
        'VOIDED',
      ].sort(),
    );
  });

  it('search answers PaymentSearchResponse whose details are GetPaymentResponses', async () => {
    await create();
    const res = await sim.merchant(KEY).post('/v3/payments/search?page=0&size=3', {});
    expect(res.status).toBe(200);
    const page = conform(paymentSearchResponse, res.body);
    expect(page.details.length).toBeGreaterThan(0);
    for (const detail of page.details) expect(detail).not.toHaveProperty('expiresAt');
  });

  it('refundIban, refunds and the JWKS conform', async () => {
    const paid = await create();
    await sim.scan(paid._links.deeplink.href);
    await sim.confirm(paid.paymentId);
    const iban = await sim.merchant(KEY).get(`/v3/payments/${paid.paymentId}/debtor/refundIban`);
    conform(refundIbanResponse, iban.body);
    const path = `/v3/payments/${paid.paymentId}/refunds`;
    const body = JSON.stringify({ amount: 100, currency: 'EUR', description: 'Cold soup' });
    const signature = await signRequest(body, { path, sub: TRAINING_DISPLAY_PROFILE.ppid });
    const headers = { signature, 'idempotency-key': crypto.randomUUID() };
    const refund = await request(`${server.baseUrl}${path}`, { method: 'POST', headers, raw: body });
    expect(refund.status).toBe(201);
    conform(refundResponse, refund.body);
    const unsigned = await request(`${server.baseUrl}${path}`, { method: 'POST', raw: body });
    conform(refundErrorResponse, unsigned.body);
    conform(jwks, (await request(server.jwksUrl)).body);
  });

  it('every error answer has the four-field error body', async () => {
    const unknown = '0'.repeat(24);
    const pending = await create();
    const answers = [
      await sim.merchant(KEY).post('/v3/payments', {}),
      await sim.merchant(KEY).post('/v3/payments', { amount: 0 }),
      await request(`${server.baseUrl}/v3/payments`, { method: 'POST', body: { amount: 1 } }),
      await sim.merchant('nope').get(`/v3/payments/${unknown}`),
      await sim.merchant(KEY).get(`/v3/payments/${unknown}`),
      await sim.merchant(KEY).post('/v3/payments/pos', { amount: 1, posId: 'P1' }),
      await sim.merchant(TRAINING_TOPUP_PROFILE.apiKey).post('/v3/payments', { amount: 1 }),
      await sim.merchant(KEY).post('/v3/payments/search?size=500', {}),
      await sim
        .merchant(KEY)
        .post(`/v3/payments/${pending.paymentId}/acknowledge`, { amount: 995, currency: 'EUR' }),
      await sim.merchant(KEY).get(`/v3/payments/${pending.paymentId}/debtor/refundIban`),
      await sim.merchant(KEY).delete(`/v3/payments/${unknown}`),
    ];
    await sim.control('/_sim/faults/global', { rateLimit: { capacity: 1, refillPerSecond: 0 } }, 'PUT');
    answers.push(await sim.merchant(KEY).get(`/v3/payments/${pending.paymentId}`));
    answers.push(await sim.merchant(KEY).get(`/v3/payments/${pending.paymentId}`));
    await sim.control('/_sim/faults', undefined, 'DELETE');
    expect(answers.map((a) => a.status)).toEqual([
      400, 400, 401, 403, 404, 403, 403, 400, 422, 422, 404, 200, 429,
    ]);
    for (const answer of answers.filter((a) => a.status >= 400)) conform(errorResponse, answer.body);
  });

  it('callback bodies conform to MerchantCallback, and every signature verifies against the JWKS', async () => {
    await sim.flush();
    expect(receiver.received.length).toBeGreaterThan(5);
    for (const callback of receiver.received) {
      conform(merchantCallback, callback.body);
      const owner = await sim.control<{ creditor: { profileId: string } }>(
        `/_sim/payments/${callback.body.paymentId}`,
      );
      await verifyCallback(callback, server.jwksUrl, owner.body.creditor.profileId);
    }
    const statuses = new Set(receiver.received.map((r) => r.body.status));
    for (const status of [
      'IDENTIFIED',
      'AUTHORIZED',
      'SUCCEEDED',
      'AUTHORIZATION_FAILED',
      'FAILED',
      'CANCELLED',
      'PENDING_MERCHANT_ACKNOWLEDGEMENT',
      'VOIDED',
      'EXPIRED',
    ]) {
      expect(statuses).toContain(status);
    }
  });
});
