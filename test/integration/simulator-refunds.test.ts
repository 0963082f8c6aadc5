import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPair, exportJWK, base64url, compactVerify, createRemoteJWKSet, type JWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_MERCHANT_SIGNING_KEY,
  TRAINING_TOPUP_PROFILE,
  type CreatePaymentView,
  type RefundView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { conform, refundErrorResponse, refundResponse } from '../support/bancontact-schemas';
import { PAYCONIQ_CRIT } from '../support/callback-receiver';
import { signRequest, type RequestClaims } from '../support/merchant-signer';
import { request, simClient, type SimClient, type SimResponse } from '../support/sim-client';

const T0 = Date.parse('2026-11-20T09:30:00.000Z');
const PPID = TRAINING_DISPLAY_PROFILE.ppid;
const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let server: SimulatorServer;
let sim: SimClient;

beforeEach(async () => {
  server = await startSimulatorServer({ port: 0, now: () => T0 });
  sim = simClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

async function paidPayment(amount = 1250): Promise<string> {
  const created = (await sim.merchant(KEY).post<CreatePaymentView>('/v3/payments', { amount })).body;
  await sim.scan(created._links.deeplink.href);
  await sim.confirm(created.paymentId);
  return created.paymentId;
}

interface RefundCall {
  body?: unknown;
  raw?: string;
  key?: string | null;
  claims?: Partial<RequestClaims>;
  signature?: string | null;
  signingKey?: JWK;
}

/** POSTs a refund signed the way a merchant must sign it, with the overrides a test asks for. */
async function refund(
  paymentId: string,
  call: RefundCall = {},
): Promise<SimResponse<RefundView & { code?: string }>> {
  const path = `/v3/payments/${paymentId}/refunds`;
  const text =
    call.raw ?? JSON.stringify(call.body ?? { amount: 500, currency: 'EUR', description: 'Returned cup' });
  const signature =
    call.signature === undefined
      ? await signRequest(text, { path, sub: PPID, ...call.claims }, call.signingKey)
      : call.signature;
  const headers: Record<string, string> = {};
  if (signature !== null) headers.signature = signature;
  if (call.key !== null) headers['idempotency-key'] = call.key ?? crypto.randomUUID();
  return request(`${server.baseUrl}${path}`, { method: 'POST', headers, raw: text });
}

async function getRefund(paymentId: string, refundId: string) {
  const path = `/v3/payments/${paymentId}/refunds/${refundId}`;
  const signature = await signRequest('', { path, sub: PPID });
  return request<RefundView & { code?: string }>(`${server.baseUrl}${path}`, { headers: { signature } });
}

describe('POST /v3/payments/{id}/refunds', () => {
  it('creates a PENDING refund that turns REFUNDED, and signs its answers in SignatureBank', async () => {
    const paymentId = await paidPayment();
    const res = await refund(paymentId);
    expect(res.status).toBe(201);
    const created = conform(refundResponse, res.body);
    expect(created).toMatchObject({ paymentId, status: 'PENDING', amount: 500, currency: 'EUR' });
    expect(created.creationDate).toBe('2026-11-20T09:30:00.000Z');

    const signature = res.headers.get('signaturebank')!;
    const [head, , sig] = signature.split('.');
    const jwks = createRemoteJWKSet(new URL(server.jwksUrl));
    await compactVerify(`${head}.${base64url.encode(res.text)}.${sig}`, jwks, { crit: PAYCONIQ_CRIT });

    expect((await getRefund(paymentId, created.refundId)).body.status).toBe('PENDING');
    await sim.advance(10_000);
    const later = await getRefund(paymentId, created.refundId);
    expect(later.status).toBe(200);
    expect(conform(refundResponse, later.body).status).toBe('REFUNDED');
  });

  it('allows partial and multiple refunds up to the amount paid; failed ones give the amount back', async () => {
    const paymentId = await paidPayment(1250);
    const first = await refund(paymentId, { body: { amount: 500, currency: 'EUR' } });
    expect((await refund(paymentId, { body: { amount: 700, currency: 'EUR' } })).status).toBe(201);
    const tooMuch = await refund(paymentId, { body: { amount: 100, currency: 'EUR' } });
    expect(tooMuch.status).toBe(422);
    expect(conform(refundErrorResponse, tooMuch.body).code).toBe('INVALID_REFUND_AMOUNT');
    expect((await refund(paymentId, { body: { amount: 50, currency: 'EUR' } })).status).toBe(201);
    await sim.control(`/_sim/refunds/${first.body.refundId}/settle`, { status: 'FAILED' });
    expect((await refund(paymentId, { body: { amount: 500, currency: 'EUR' } })).status).toBe(201);
  });

  it('honours the Idempotency-Key: same parameters give the same refund, others a conflict', async () => {
    const paymentId = await paidPayment(1000);
    const key = crypto.randomUUID();
    const first = await refund(paymentId, { key, body: { amount: 600, currency: 'EUR' } });
    const again = await refund(paymentId, { key, body: { amount: 600, currency: 'EUR' } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    // The replay made no second refund: 400 of the 1000 are still refundable.
    expect((await refund(paymentId, { body: { amount: 400, currency: 'EUR' } })).status).toBe(201);
    const conflict = await refund(paymentId, { key, body: { amount: 601, currency: 'EUR' } });
    expect(conflict.status).toBe(422);
    expect(conflict.body.code).toBe('REFUND_REQUEST_CONFLICT');
  });

  it.each([
    ['no Idempotency-Key', { key: null }],
    ['an Idempotency-Key over 64 characters', { key: 'k'.repeat(65) }],
    ['no amount', { body: { currency: 'EUR' } }],
    ['a zero amount', { body: { amount: 0, currency: 'EUR' } }],
    ['another currency', { body: { amount: 5, currency: 'USD' } }],
    ['a body that is not JSON', { raw: 'amount=5' }],
  ] as Array<[string, RefundCall]>)('answers 400 VALIDATION_ERROR for %s', async (_label, call) => {
    const paymentId = await paidPayment();
    const res = await refund(paymentId, call);
    expect(res.status).toBe(400);
    expect(conform(refundErrorResponse, res.body).code).toBe('VALIDATION_ERROR');
  });

  it('refuses refunds of payments that did not succeed or do not exist', async () => {
    const pending = (await sim.merchant(KEY).post<CreatePaymentView>('/v3/payments', { amount: 5 })).body;
    expect((await refund(pending.paymentId)).body.code).toBe('REFUND_NOT_ALLOWED');
    expect((await refund('0'.repeat(24))).body.code).toBe('PAYMENT_FOR_REFUND_NOT_FOUND');
    expect((await getRefund(await paidPayment(), 'f'.repeat(24))).body.code).toBe('REFUND_NOT_FOUND');
  });
});

describe('refund request signatures', () => {
  it.each([
    ['no Signature', { signature: null }, 401],
    ['a signature that is not detached', { signature: 'a.b.c' }, 401],
    ['a key that is not in the JWKS', { signingKey: 'other' }, 401],
    ['a wrong path claim', { claims: { path: '/v3/payments/x/refunds' } }, 401],
    ['an issuer that is neither Payconiq nor the merchant', { claims: { iss: 'Mallory' } }, 401],
    ['a sub naming no profile', { claims: { sub: 'ffffffffffffffffffffffff' } }, 403],
    ['a sub of a profile without JWKS', { claims: { sub: TRAINING_TOPUP_PROFILE.ppid } }, 403],
  ])('rejects %s', async (_label, variant, status) => {
    const paymentId = await paidPayment();
    const call: RefundCall = { ...variant } as RefundCall;
    if ((variant as { signingKey?: string }).signingKey === 'other') {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      call.signingKey = { ...(await exportJWK(privateKey)), kid: TRAINING_MERCHANT_SIGNING_KEY.kid };
    }
    const res = await refund(paymentId, call);
    expect(res.status).toBe(status);
    expect(conform(refundErrorResponse, res.body).code).toBe(
      status === 401 ? 'UNAUTHORIZED' : 'ACCESS_DENIED',
    );
  });

  it('rejects a body that is not the one signed, and a signature with a claim left out of crit', async () => {
    const paymentId = await paidPayment();
    const path = `/v3/payments/${paymentId}/refunds`;
    const signed = await signRequest('{"amount":1,"currency":"EUR"}', { path, sub: PPID });
    expect(
      (await refund(paymentId, { signature: signed, body: { amount: 900, currency: 'EUR' } })).status,
    ).toBe(401);
    const body = '{"amount":1,"currency":"EUR"}';
    const crit = Object.keys(PAYCONIQ_CRIT).slice(0, 4);
    const partial = await signRequest(body, { path, sub: PPID }, undefined, { crit });
    expect((await refund(paymentId, { raw: body, signature: partial })).status).toBe(401);
  });

  it('accepts the merchant id as issuer and 6-digit iat; the issuer rule is a setting', async () => {
    const paymentId = await paidPayment();
    const merchantIss = { iss: TRAINING_DISPLAY_PROFILE.merchantId, iat: '2026-11-20T09:30:00.000000Z' };
    expect(
      (await refund(paymentId, { body: { amount: 1, currency: 'EUR' }, claims: merchantIss })).status,
    ).toBe(201);
    await sim.control('/_sim/settings', { merchantIssuer: 'Payconiq' }, 'PATCH');
    expect(
      (await refund(paymentId, { body: { amount: 1, currency: 'EUR' }, claims: merchantIss })).status,
    ).toBe(401);
  });

  it('fetches a merchant JWKS from its URL', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'hosted-1', alg: 'ES256', use: 'sig' };
    const jwksServer: Server = createServer((_req, res) => res.end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/`;
    const hosted = { ...TRAINING_DISPLAY_PROFILE, merchantJwks: jwksUrl };
    await server.close();
    server = await startSimulatorServer({
      port: 0,
      now: () => T0,
      allowHttpCallbacks: true,
      profiles: [hosted, ...DEFAULT_PROFILES.slice(1)],
    });
    sim = simClient(server.baseUrl);
    try {
      const paymentId = await paidPayment();
      const signingKey = { ...(await exportJWK(privateKey)), kid: 'hosted-1' };
      expect((await refund(paymentId, { signingKey })).status).toBe(201);
      expect((await refund(paymentId)).status).toBe(401);
    } finally {
      jwksServer.close();
    }
  });
});

describe('JWS instead of an API key on payment calls', () => {
  it('is accepted as the spec allows, unless paymentAuth says api-key', async () => {
    const body = '{"amount":300}';
    const signature = await signRequest(body, { path: '/v3/payments', sub: PPID });
    const signed = () =>
      request(`${server.baseUrl}/v3/payments`, { method: 'POST', headers: { signature }, raw: body });
    expect((await signed()).status).toBe(201);
    await sim.control('/_sim/settings', { paymentAuth: 'api-key' }, 'PATCH');
    expect((await signed()).status).toBe(401);
  });
});
