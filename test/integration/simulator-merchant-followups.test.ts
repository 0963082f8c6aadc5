import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SearchView,
  type SimProfile,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { simClient, type SimClient } from '../support/sim-client';

const T0 = Date.parse('2026-09-01T10:00:00.000Z');
const HOUR = 3_600_000;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

/** A display profile in VOID mode, with a 30 s acknowledgement window and refund IBANs after an hour. */
const VOID_PROFILE: SimProfile = {
  ...TRAINING_DISPLAY_PROFILE,
  ppid: 'ca55a00000000000000000a1',
  apiKey: 'void-mode-key-for-tests-0001',
  voidMode: true,
  voidTimeoutSeconds: 30,
  refundIbanDelaySeconds: 3600,
};

let server: SimulatorServer;
let sim: SimClient;

beforeEach(async () => {
  server = await startSimulatorServer({
    port: 0,
    now: () => T0,
    profiles: [...DEFAULT_PROFILES, VOID_PROFILE],
  });
  sim = simClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

async function create(body: Record<string, unknown> = {}, key = KEY): Promise<CreatePaymentView> {
  const res = await sim.merchant(key).post<CreatePaymentView>('/v3/payments', { amount: 100, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

async function pay(created: CreatePaymentView): Promise<string> {
  await sim.scan(created._links.deeplink.href, { debtor: { name: 'Sofie', iban: 'BE62510007547061' } });
  return (await sim.confirm(created.paymentId)).body.status;
}

const search = (query = '', body?: unknown, key = KEY) =>
  sim.merchant(key).post<SearchView & { code?: string }>(`/v3/payments/search${query}`, body);

describe('POST /v3/payments/search', () => {
  it('pages newest first: size 10 by default, with totals and the page number', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await create({ reference: `R-${i}` })).paymentId);
      await sim.advance(1_000);
    }
    const first = await search('', {});
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ size: 10, totalPages: 2, totalElements: 12, number: 0 });
    expect(first.body.details.map((p) => p.paymentId)).toEqual(ids.slice(2).reverse());
    const second = await search('?page=1&size=10', {});
    expect(second.body).toMatchObject({ number: 1, totalElements: 12 });
    expect(second.body.details.map((p) => p.paymentId)).toEqual(ids.slice(0, 2).reverse());
    const all = await search('?size=100');
    expect(all.body).toMatchObject({ size: 100, totalPages: 1 });
    expect(all.body.details).toHaveLength(12);
  });

  it('filters on status and reference, and shows only the caller’s payments', async () => {
    const paid = await create({ reference: 'INV-7' });
    await pay(paid);
    await create({ reference: 'INV-7' });
    await create({ reference: 'INV-8' }, TRAINING_STICKER_PROFILE.apiKey);
    const byRef = await search('', { reference: 'INV-7' });
    expect(byRef.body.totalElements).toBe(2);
    const succeeded = await search('', { reference: 'INV-7', paymentStatuses: ['SUCCEEDED'] });
    expect(succeeded.body.details.map((p) => p.paymentId)).toEqual([paid.paymentId]);
    expect(succeeded.body.details[0]?.debtor).toEqual({ name: 'Sofie', iban: '***********47061' });
    expect((await search('', { reference: 'INV-8' })).body.totalElements).toBe(0);
  });

  it('looks back 24 hours by default; from/to reach further; statuses are current', async () => {
    const old = await create({ reference: 'OLD' });
    await sim.advance(25 * HOUR);
    const recent = await create({ reference: 'NEW' });
    const byDefault = await search('', {});
    expect(byDefault.body.details.map((p) => p.paymentId)).toEqual([recent.paymentId]);
    const wide = await search('', { from: '2026-09-01T00:00:00Z', to: '2026-09-03T00:00:00Z' });
    expect(wide.body.details.map((p) => [p.paymentId, p.status])).toEqual([
      [recent.paymentId, 'PENDING'],
      [old.paymentId, 'EXPIRED'],
    ]);
    const expired = await search('', { from: '2026-09-01T00:00:00Z', paymentStatuses: ['EXPIRED'] });
    expect(expired.body.totalElements).toBe(1);
  });

  it.each([
    ['?size=101', {}, 'size'],
    ['?page=-1', {}, 'page'],
    ['?size=ten', {}, 'size'],
    ['', { paymentStatuses: ['PAID'] }, 'paymentStatuses'],
    ['', { from: 'yesterday' }, 'from'],
    ['', { from: '2026-09-02T00:00:00Z', to: '2026-09-01T00:00:00Z' }, 'from'],
  ])('answers 400 FIELD_IS_INVALID for %s %j', async (query, body, field) => {
    const res = await search(query, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FIELD_IS_INVALID');
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('needs the API key like every payment call', async () => {
    const res = await fetch(`${server.baseUrl}/v3/payments/search`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
  });
});

describe('VOID mode and POST /v3/payments/{id}/acknowledge', () => {
  const ack = (id: string, body: unknown) =>
    sim.merchant(VOID_PROFILE.apiKey).post(`/v3/payments/${id}/acknowledge`, body);

  it('a confirmed payment waits in PENDING_MERCHANT_ACKNOWLEDGEMENT; acknowledge gives 202 and SUCCEEDED', async () => {
    const created = await create({ reference: 'V-1', amount: 700 }, VOID_PROFILE.apiKey);
    expect(await pay(created)).toBe('PENDING_MERCHANT_ACKNOWLEDGEMENT');
    const res = await ack(created.paymentId, { amount: 700, currency: 'EUR', reference: 'V-1' });
    expect(res.status).toBe(202);
    expect(res.text).toBe('');
    const got = await sim
      .merchant(VOID_PROFILE.apiKey)
      .get<GetPaymentView>(`/v3/payments/${created.paymentId}`);
    expect(got.body.status).toBe('SUCCEEDED');
    expect((await ack(created.paymentId, { amount: 700, currency: 'EUR' })).status).toBe(202);
  });

  it('without an acknowledgement in time the payment is VOIDED, and acknowledging then is 422 PAYMENT_VOIDED', async () => {
    const created = await create({ amount: 700 }, VOID_PROFILE.apiKey);
    await pay(created);
    await sim.advance(29_000);
    expect((await sim.control<GetPaymentView>(`/_sim/payments/${created.paymentId}`)).body.status).toBe(
      'PENDING_MERCHANT_ACKNOWLEDGEMENT',
    );
    const advanced = await sim.advance(1_000);
    expect(advanced.body).toMatchObject({ voided: [created.paymentId] });
    const late = await ack(created.paymentId, { amount: 700, currency: 'EUR' });
    expect(late.status).toBe(422);
    expect((late.body as { code: string }).code).toBe('PAYMENT_VOIDED');
  });

  it.each([
    [{ currency: 'EUR' }, 400, 'FIELD_IS_REQUIRED'],
    [{ amount: 700 }, 400, 'FIELD_IS_REQUIRED'],
    [{ amount: 701, currency: 'EUR' }, 400, 'FIELD_IS_INVALID'],
    [{ amount: 700, currency: 'EUR', reference: 'other' }, 400, 'FIELD_IS_INVALID'],
  ])('checks the body: %j → %i %s', async (body, status, code) => {
    const created = await create({ amount: 700, reference: 'V-2' }, VOID_PROFILE.apiKey);
    await pay(created);
    const res = await ack(created.paymentId, body);
    expect(res.status).toBe(status);
    expect((res.body as { code: string }).code).toBe(code);
  });

  it('acknowledging a payment that is not waiting for it is 422', async () => {
    const created = await create({ amount: 700 }, VOID_PROFILE.apiKey);
    const res = await ack(created.paymentId, { amount: 700, currency: 'EUR' });
    expect(res.status).toBe(422);
    expect((res.body as { code: string }).code).toBe('PAYMENT_NOT_PENDING');
  });
});

describe('GET /v3/payments/{id}/debtor/refundIban', () => {
  const iban = (id: string, key = KEY) =>
    sim.merchant(key).get<{ iban?: string; code?: string }>(`/v3/payments/${id}/debtor/refundIban`);

  it('is 422 REFUND_NOT_ALLOWED until the payment SUCCEEDED, then gives the full IBAN (masked elsewhere)', async () => {
    const created = await create();
    expect((await iban(created.paymentId)).body.code).toBe('REFUND_NOT_ALLOWED');
    await sim.scan(created._links.deeplink.href, { debtor: { name: 'Sofie', iban: 'BE62510007547061' } });
    expect((await iban(created.paymentId)).status).toBe(422);
    await sim.confirm(created.paymentId);
    const res = await iban(created.paymentId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ iban: 'BE62510007547061' });
    const got = await sim.merchant(KEY).get<GetPaymentView>(`/v3/payments/${created.paymentId}`);
    expect(got.body.debtor?.iban).toBe('***********47061');
  });

  it('is 422 REFUND_NOT_AVAILABLE until the profile’s delay has passed', async () => {
    const created = await create({ amount: 700 }, VOID_PROFILE.apiKey);
    await pay(created);
    await sim
      .merchant(VOID_PROFILE.apiKey)
      .post(`/v3/payments/${created.paymentId}/acknowledge`, { amount: 700, currency: 'EUR' });
    const early = await iban(created.paymentId, VOID_PROFILE.apiKey);
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('REFUND_NOT_AVAILABLE');
    await sim.advance(HOUR);
    expect((await iban(created.paymentId, VOID_PROFILE.apiKey)).body).toEqual({ iban: 'BE62510007547061' });
  });

  it("answers 404 for another profile's payment", async () => {
    const created = await create();
    await pay(created);
    expect((await iban(created.paymentId, TRAINING_STICKER_PROFILE.apiKey)).status).toBe(404);
  });
});
