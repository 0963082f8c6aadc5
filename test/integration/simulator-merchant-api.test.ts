import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SimulatorServer,
} from '../../electron/core/simulator';

const T0 = Date.parse('2026-03-02T09:15:00.123Z');
const DISPLAY_KEY = TRAINING_DISPLAY_PROFILE.apiKey;
const HEX16 = /^[0-9a-f]{16}$/;

let sim: SimulatorServer;

beforeEach(async () => {
  sim = await startSimulatorServer({ port: 0, now: () => T0 });
});
afterEach(async () => {
  await sim.close();
});

function call(
  method: string,
  path: string,
  init: { key?: string | null; body?: unknown; raw?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const key = init.key === undefined ? DISPLAY_KEY : init.key;
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  return fetch(`${sim.baseUrl}${path}`, { method, headers, body });
}

async function createPayment(body: unknown = { amount: 1250 }, key?: string): Promise<CreatePaymentView> {
  const res = await call('POST', '/v3/payments', { body, key });
  expect(res.status).toBe(201);
  return (await res.json()) as CreatePaymentView;
}

async function expectError(res: Response, status: number, code: string): Promise<{ message: string }> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ code });
  expect(Object.keys(body).sort()).toEqual(['code', 'message', 'spanId', 'traceId']);
  expect(body.traceId).toMatch(HEX16);
  expect(body.spanId).toMatch(HEX16);
  return body as { message: string };
}

describe('POST /v3/payments', () => {
  it('answers 201 with the PaymentCreateResponse shape, expiresAt 120 s after createdAt', async () => {
    const created = await createPayment({
      amount: 1250,
      reference: 'INV-2026/001',
      description: 'Coffee (2x)',
    });
    expect(created.paymentId).toMatch(/^[0-9a-f]{24}$/);
    expect(created).toMatchObject({
      status: 'PENDING',
      createdAt: '2026-03-02T09:15:00.123Z',
      expiresAt: '2026-03-02T09:17:00.123Z',
      amount: 1250,
      currency: 'EUR',
      reference: 'INV-2026/001',
      description: 'Coffee (2x)',
      creditor: {
        profileId: TRAINING_DISPLAY_PROFILE.ppid,
        merchantId: TRAINING_DISPLAY_PROFILE.merchantId,
        name: TRAINING_DISPLAY_PROFILE.name,
        iban: TRAINING_DISPLAY_PROFILE.iban,
      },
    });
    expect(created).not.toHaveProperty('expireAt');
    const deeplink = `https://pay.bancontact.net/pay/2/${created.paymentId}`;
    expect(created._links).toEqual({
      self: { href: `${sim.baseUrl}/v3/payments/${created.paymentId}` },
      deeplink: { href: deeplink },
      qrcode: { href: `${sim.baseUrl}/qrcode?c=${encodeURIComponent(deeplink)}` },
      cancel: { href: `${sim.baseUrl}/v3/payments/${created.paymentId}` },
    });
  });

  it('gives every payment its own id', async () => {
    const a = await createPayment();
    const b = await createPayment();
    expect(a.paymentId).not.toBe(b.paymentId);
  });

  it('accepts the amount bounds 1 and 999 999 999 999 and the SEPA punctuation', async () => {
    await createPayment({ amount: 1 });
    const big = await createPayment({ amount: 999_999_999_999, reference: "a/b-c?d:e(f).g,h'i+j 0" });
    expect(big.amount).toBe(999_999_999_999);
  });

  it('echoes the request callbackUrl in the creditor', async () => {
    const created = await createPayment({ amount: 5, callbackUrl: 'https://till.example.be/cb?x=1' });
    expect(created.creditor.callbackUrl).toBe('https://till.example.be/cb?x=1');
  });

  it.each([
    ['an empty body', ''],
    ['malformed JSON', '{"amount": '],
    ['a JSON array', '[1250]'],
  ])('answers 400 BODY_MISSING for %s', async (_label, raw) => {
    await expectError(await call('POST', '/v3/payments', { raw }), 400, 'BODY_MISSING');
  });

  it('answers 400 FIELD_IS_REQUIRED when amount is missing', async () => {
    const error = await expectError(
      await call('POST', '/v3/payments', { body: { reference: 'R1' } }),
      400,
      'FIELD_IS_REQUIRED',
    );
    expect(error.message).toContain('amount');
  });

  it.each([
    ['amount', { amount: 0 }],
    ['amount', { amount: 1_000_000_000_000 }],
    ['amount', { amount: 12.5 }],
    ['amount', { amount: '1250' }],
    ['currency', { amount: 100, currency: 'USD' }],
    ['reference', { amount: 100, reference: 'x'.repeat(36) }],
    ['reference', { amount: 100, reference: 'Café' }],
    ['description', { amount: 100, description: 'Pils 2 €' }],
    ['description', { amount: 100, description: 'd'.repeat(141) }],
    ['bulkId', { amount: 100, bulkId: 'b'.repeat(36) }],
    ['callbackUrl', { amount: 100, callbackUrl: 'http://till.example.be/cb' }],
    ['callbackUrl', { amount: 100, callbackUrl: 'http://127.0.0.1:8080/cb' }],
    ['identifyCallbackUrl', { amount: 100, identifyCallbackUrl: 'not a url' }],
    ['returnUrl', { amount: 100, returnUrl: `https://shop.example.be/${'p'.repeat(2048)}` }],
  ])('answers 400 FIELD_IS_INVALID naming %s for %j', async (field, body) => {
    const error = await expectError(await call('POST', '/v3/payments', { body }), 400, 'FIELD_IS_INVALID');
    expect(error.message).toContain(`'${field}'`);
  });

  it('accepts 35-character references and 140-character descriptions', async () => {
    const created = await createPayment({
      amount: 100,
      reference: 'r'.repeat(35),
      description: 'd'.repeat(140),
    });
    expect(created.reference).toHaveLength(35);
  });

  it('accepts loopback http callbacks only when allowHttpCallbacks is set', async () => {
    const relaxed = await startSimulatorServer({ port: 0, allowHttpCallbacks: true });
    try {
      const res = await fetch(`${relaxed.baseUrl}/v3/payments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DISPLAY_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 100, callbackUrl: 'http://127.0.0.1:8080/cb' }),
      });
      expect(res.status).toBe(201);
      const outside = await fetch(`${relaxed.baseUrl}/v3/payments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DISPLAY_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 100, callbackUrl: 'http://till.example.be/cb' }),
      });
      await expectError(outside, 400, 'FIELD_IS_INVALID');
    } finally {
      await relaxed.close();
    }
  });
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a key without the Bearer scheme', 'raw'],
  ])('answers 401 UNAUTHORIZED for %s', async (_label, mode) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (mode === 'raw') headers.authorization = DISPLAY_KEY;
    const res = await fetch(`${sim.baseUrl}/v3/payments`, { method: 'POST', headers, body: '{"amount":1}' });
    await expectError(res, 401, 'UNAUTHORIZED');
  });

  it('answers 403 ACCESS_DENIED for an unknown key, without echoing it', async () => {
    const error = await expectError(
      await call('POST', '/v3/payments', { key: 'not-a-known-key-123', body: { amount: 1 } }),
      403,
      'ACCESS_DENIED',
    );
    expect(error.message).not.toContain('not-a-known-key-123');
  });

  it('checks the key on GET and DELETE too', async () => {
    const { paymentId } = await createPayment();
    await expectError(await call('GET', `/v3/payments/${paymentId}`, { key: null }), 401, 'UNAUTHORIZED');
    await expectError(
      await call('DELETE', `/v3/payments/${paymentId}`, { key: 'nope' }),
      403,
      'ACCESS_DENIED',
    );
  });
});

describe('GET /v3/payments/{id}', () => {
  it('answers the GetPaymentResponse shape with expireAt and no debtor before a scan', async () => {
    const created = await createPayment({ amount: 990, reference: 'R-1', bulkId: 'BULK-1' });
    const res = await call('GET', `/v3/payments/${created.paymentId}`);
    expect(res.status).toBe(200);
    const got = (await res.json()) as GetPaymentView;
    expect(got).toMatchObject({
      paymentId: created.paymentId,
      status: 'PENDING',
      createdAt: created.createdAt,
      expireAt: created.expiresAt,
      amount: 990,
      currency: 'EUR',
      reference: 'R-1',
      bulkId: 'BULK-1',
      creditor: created.creditor,
    });
    expect(got).not.toHaveProperty('expiresAt');
    expect(got).not.toHaveProperty('succeededAt');
    expect(got).not.toHaveProperty('debtor');
    expect(got._links).toEqual(created._links);
  });

  it('answers 404 PAYMENT_NOT_FOUND for an unknown id and for an id that is not 24 characters', async () => {
    await expectError(await call('GET', `/v3/payments/${'0'.repeat(24)}`), 404, 'PAYMENT_NOT_FOUND');
    await expectError(await call('GET', '/v3/payments/abc'), 404, 'PAYMENT_NOT_FOUND');
  });

  it("answers 404 for another profile's payment", async () => {
    const { paymentId } = await createPayment({ amount: 100 }, TRAINING_STICKER_PROFILE.apiKey);
    await expectError(await call('GET', `/v3/payments/${paymentId}`), 404, 'PAYMENT_NOT_FOUND');
    await expectError(await call('DELETE', `/v3/payments/${paymentId}`), 404, 'PAYMENT_NOT_FOUND');
    const own = await call('GET', `/v3/payments/${paymentId}`, { key: TRAINING_STICKER_PROFILE.apiKey });
    expect(own.status).toBe(200);
  });
});

describe('DELETE /v3/payments/{id}', () => {
  it('cancels a pending payment with 204, then answers 422 PAYMENT_NOT_PENDING', async () => {
    const { paymentId } = await createPayment();
    const first = await call('DELETE', `/v3/payments/${paymentId}`);
    expect(first.status).toBe(204);
    expect(await first.text()).toBe('');
    const got = (await (await call('GET', `/v3/payments/${paymentId}`)).json()) as GetPaymentView;
    expect(got.status).toBe('CANCELLED');
    expect(got._links).not.toHaveProperty('cancel');
    await expectError(await call('DELETE', `/v3/payments/${paymentId}`), 422, 'PAYMENT_NOT_PENDING');
  });
});

describe('unknown routes', () => {
  it('answer 404 with the error body', async () => {
    await expectError(await call('GET', '/v2/whatever'), 404, 'NOT_FOUND');
    await expectError(await call('PUT', `/v3/payments/${'a'.repeat(24)}`), 404, 'NOT_FOUND');
  });
});
