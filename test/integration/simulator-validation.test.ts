import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type CreatePaymentView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { conform, errorResponse, paymentCreateResponse } from '../support/bancontact-schemas';
import { simClient, type SimClient } from '../support/sim-client';

/**
 * The spec's field limits on both create calls, at and just past each bound: `POST /v3/payments` and the
 * sticker's `POST /v3/payments/pos` share the amount, text and URL rules; `/pos` adds posId and shop.
 */
let strict: SimulatorServer;
let relaxed: SimulatorServer;
let sim: SimClient;
let local: SimClient;

beforeAll(async () => {
  strict = await startSimulatorServer({ port: 0 });
  relaxed = await startSimulatorServer({ port: 0, allowHttpCallbacks: true });
  sim = simClient(strict.baseUrl);
  local = simClient(relaxed.baseUrl);
});
afterAll(async () => {
  await strict.close();
  await relaxed.close();
});

const ENDPOINTS = [
  ['/v3/payments', TRAINING_DISPLAY_PROFILE.apiKey, {}],
  ['/v3/payments/pos', TRAINING_STICKER_PROFILE.apiKey, { posId: 'POS1' }],
] as const;
const LONG_URL = `https://till.example.be/${'p'.repeat(2048 - 'https://till.example.be/'.length)}`;

describe.each(ENDPOINTS)('%s', (path, key, base) => {
  const post = (body: Record<string, unknown>, client = sim) =>
    client.merchant(key).post<CreatePaymentView & { code?: string; message?: string }>(path, {
      ...base,
      ...body,
    });

  it('accepts every field at its limit', async () => {
    const res = await post({
      amount: 999_999_999_999,
      reference: "R/1-2?3:4(5).6,7'8+9 ".padEnd(35, 'r'),
      bulkId: 'b'.repeat(35),
      description: 'd'.repeat(140),
      callbackUrl: LONG_URL,
      identifyCallbackUrl: 'https://till.example.be:8443/identify',
    });
    expect(res.status).toBe(201);
    expect(conform(paymentCreateResponse, res.body).creditor.callbackUrl).toBe(LONG_URL);
  });

  it.each([
    ['amount', { amount: 0 }],
    ['amount', { amount: -5 }],
    ['amount', { amount: 1_000_000_000_000 }],
    ['reference', { amount: 1, reference: 'r'.repeat(36) }],
    ['reference', { amount: 1, reference: 'Ré' }],
    ['bulkId', { amount: 1, bulkId: 'b'.repeat(36) }],
    ['bulkId', { amount: 1, bulkId: 'Bulk_1' }],
    ['description', { amount: 1, description: 'd'.repeat(141) }],
    ['description', { amount: 1, description: 'Bier & friet' }],
    ['callbackUrl', { amount: 1, callbackUrl: `${LONG_URL}x` }],
    ['callbackUrl', { amount: 1, callbackUrl: 'http://till.example.be/cb' }],
    ['callbackUrl', { amount: 1, callbackUrl: 'http://127.0.0.1:8080/cb' }],
    ['identifyCallbackUrl', { amount: 1, identifyCallbackUrl: 'https://localhost/cb' }],
  ])('refuses %s in %j with 400 FIELD_IS_INVALID naming it', async (field, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(conform(errorResponse, res.body).code).toBe('FIELD_IS_INVALID');
    expect(res.body.message).toContain(`'${field}'`);
  });

  it('takes loopback callback URLs only from a simulator started with allowHttpCallbacks', async () => {
    const urls = {
      amount: 1,
      callbackUrl: 'http://127.0.0.1:9/cb',
      identifyCallbackUrl: 'http://localhost:9/id',
    };
    expect((await post(urls, local)).status).toBe(201);
    expect((await post(urls)).status).toBe(400);
    const outside = await post({ amount: 1, callbackUrl: 'http://till.example.be/cb' }, local);
    expect(outside.status).toBe(400);
  });
});

describe('/pos fields', () => {
  const pos = (body: Record<string, unknown>) =>
    sim
      .merchant(TRAINING_STICKER_PROFILE.apiKey)
      .post<{ code?: string; message?: string }>('/v3/payments/pos', {
        amount: 1,
        ...body,
      });

  it('accepts a 36-character posId and shopName and shopId of 36', async () => {
    const res = await pos({
      posId: 'P'.repeat(36),
      shopId: 's'.repeat(36),
      shopName: 'Frituur ’t Hoekske'.padEnd(36, '.'),
    });
    expect(res.status).toBe(201);
  });

  it.each([
    ['posId', { posId: 'P'.repeat(37) }],
    ['posId', { posId: 'POS 1' }],
    ['posId', { posId: 'POS_1' }],
    ['posId', { posId: '' }],
    ['shopName', { posId: 'P1', shopName: 's'.repeat(37) }],
  ])('refuses %s in %j', async (field, body) => {
    const res = await pos(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FIELD_IS_INVALID');
    expect(res.body.message).toContain(`'${field}'`);
  });
});
