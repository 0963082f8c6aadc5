import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SimProfile,
  type SimStatus,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { conform, errorResponse } from '../support/bancontact-schemas';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import { request, simClient, type SimClient } from '../support/sim-client';
import { waitFor } from '../support/temp';

/**
 * Authentication on every Payment V3 endpoint (a missing key is 401, a wrong one 403), and DELETE in
 * every status that does not allow it (422 PAYMENT_NOT_PENDING, the payment left as it was).
 */
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;
const VOID: SimProfile = {
  ...TRAINING_DISPLAY_PROFILE,
  ppid: 'ca55a00000000000000000c1',
  apiKey: 'auth-cancel-void-key-0001',
  voidMode: true,
  voidTimeoutSeconds: 30,
};
const SYNC: SimProfile = {
  ...TRAINING_DISPLAY_PROFILE,
  ppid: 'ca55a00000000000000000c2',
  apiKey: 'auth-cancel-sync-key-0002',
  syncCallbacks: true,
};

let receiver: CallbackReceiver;
let server: SimulatorServer;
let sim: SimClient;

beforeAll(async () => {
  receiver = await startCallbackReceiver();
  server = await startSimulatorServer({
    port: 0,
    allowHttpCallbacks: true,
    profiles: [...DEFAULT_PROFILES, VOID, { ...SYNC, callbackUrl: receiver.url('/sync') }],
    settings: { syncCallbackTimeoutMs: 1_000 },
  });
  sim = simClient(server.baseUrl);
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function create(key = KEY, amount = 100): Promise<CreatePaymentView> {
  const res = await sim.merchant(key).post<CreatePaymentView>('/v3/payments', { amount });
  expect(res.status).toBe(201);
  return res.body;
}

describe('every merchant endpoint checks the API key', () => {
  const id = '0123456789abcdef01234567';
  const endpoints: Array<[string, string, unknown]> = [
    ['POST', '/v3/payments', { amount: 1 }],
    ['POST', '/v3/payments/pos', { amount: 1, posId: 'POS1' }],
    ['GET', `/v3/payments/${id}`, undefined],
    ['DELETE', `/v3/payments/${id}`, undefined],
    ['POST', '/v3/payments/search', {}],
    ['POST', `/v3/payments/${id}/acknowledge`, { amount: 1, currency: 'EUR' }],
    ['GET', `/v3/payments/${id}/debtor/refundIban`, undefined],
  ];

  it.each(endpoints)('%s %s: no key 401, a key of no profile 403', async (method, path, body) => {
    const url = `${server.baseUrl}${path}`;
    const missing = await request(url, { method, body });
    expect(missing.status).toBe(401);
    expect(conform(errorResponse, missing.body).code).toBe('UNAUTHORIZED');
    const scheme = await request(url, { method, body, headers: { authorization: `Basic ${KEY}` } });
    expect(scheme.status).toBe(401);
    const wrong = await request(url, { method, body, headers: { authorization: 'Bearer not-a-key' } });
    expect(wrong.status).toBe(403);
    expect(conform(errorResponse, wrong.body).code).toBe('ACCESS_DENIED');
    // The profile's own key gets past authentication: whatever it answers, it is not 401/403.
    const own = await request(url, {
      method,
      body,
      headers: { authorization: `bearer ${TRAINING_STICKER_PROFILE.apiKey}` },
    });
    expect([401, 403]).not.toContain(own.status);
  });

  it('request faults hit authenticated calls only: a bad key still gets its 401/403', async () => {
    await sim.control('/_sim/faults/global', { errorRate: 1 }, 'PUT');
    try {
      expect((await request(`${server.baseUrl}/v3/payments`, { body: { amount: 1 } })).status).toBe(401);
      expect((await sim.merchant('not-a-key').post('/v3/payments', { amount: 1 })).status).toBe(403);
      expect((await sim.merchant(KEY).post('/v3/payments', { amount: 1 })).status).toBe(500);
    } finally {
      await sim.control('/_sim/faults', undefined, 'DELETE');
    }
  });
});

/** Brings a new payment of `key` into `status` through the payer, the clock and the merchant. */
async function paymentIn(status: SimStatus): Promise<{ id: string; key: string }> {
  const key = status === 'PENDING_MERCHANT_ACKNOWLEDGEMENT' || status === 'VOIDED' ? VOID.apiKey : KEY;
  const { paymentId: id, _links } = await create(status === 'FAILED' ? SYNC.apiKey : key);
  if (status === 'CANCELLED') await sim.merchant(key).delete(`/v3/payments/${id}`);
  if (status === 'EXPIRED') await sim.advance(121_000);
  else if (status !== 'CANCELLED') await sim.scan(_links.deeplink.href);
  if (status === 'AUTHORIZATION_FAILED') await sim.control('/_sim/payer/refuse', { paymentId: id });
  if (status === 'FAILED') {
    receiver.fallback = 500;
    await sim.confirm(id);
    receiver.fallback = 200;
    return { id, key: SYNC.apiKey };
  }
  if (['SUCCEEDED', 'PENDING_MERCHANT_ACKNOWLEDGEMENT', 'VOIDED'].includes(status)) await sim.confirm(id);
  if (status === 'VOIDED') await sim.advance(30_000);
  return { id, key };
}

describe('DELETE /v3/payments/{id} outside PENDING and IDENTIFIED', () => {
  const statusOf = async (id: string, key: string) =>
    (await sim.merchant(key).get<GetPaymentView>(`/v3/payments/${id}`)).body.status;

  it.each([
    'SUCCEEDED',
    'AUTHORIZATION_FAILED',
    'FAILED',
    'CANCELLED',
    'EXPIRED',
    'PENDING_MERCHANT_ACKNOWLEDGEMENT',
    'VOIDED',
  ] as const)('answers 422 PAYMENT_NOT_PENDING for a %s payment and changes nothing', async (status) => {
    const { id, key } = await paymentIn(status);
    expect(await statusOf(id, key)).toBe(status);
    const res = await sim.merchant(key).delete(`/v3/payments/${id}`);
    expect(res.status).toBe(422);
    expect(conform(errorResponse, res.body).code).toBe('PAYMENT_NOT_PENDING');
    expect(await statusOf(id, key)).toBe(status);
  });

  it('answers 422 while AUTHORIZED (a sync callback is out), and the payment goes on to its outcome', async () => {
    const { paymentId: id, _links } = await create(SYNC.apiKey);
    await sim.scan(_links.deeplink.href);
    await sim.flush();
    receiver.answers.push('hang');
    const confirming = sim.confirm(id);
    const isAuthorized = (r: CallbackReceiver['received'][number]) =>
      r.body.paymentId === id && r.body.status === 'AUTHORIZED';
    await waitFor(() => receiver.received.some(isAuthorized));
    expect(await statusOf(id, SYNC.apiKey)).toBe('AUTHORIZED');
    const res = await sim.merchant(SYNC.apiKey).delete(`/v3/payments/${id}`);
    expect(res.status).toBe(422);
    expect(conform(errorResponse, res.body).code).toBe('PAYMENT_NOT_PENDING');
    // The retry of the sync callback gets the receiver's 200: the payment still succeeds.
    expect((await confirming).body.status).toBe('SUCCEEDED');
  });

  it('cancels PENDING and IDENTIFIED payments with 204', async () => {
    const pending = await create();
    expect((await sim.merchant(KEY).delete(`/v3/payments/${pending.paymentId}`)).status).toBe(204);
    const identified = await create();
    await sim.scan(identified._links.deeplink.href);
    expect((await sim.merchant(KEY).delete(`/v3/payments/${identified.paymentId}`)).status).toBe(204);
    expect(await statusOf(identified.paymentId, KEY)).toBe('CANCELLED');
  });
});
