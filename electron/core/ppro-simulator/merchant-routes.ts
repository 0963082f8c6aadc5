import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type Next } from 'hono';
import { PproError } from './errors';
import type { RequestGate } from './gate';
import { sameRequest } from './rules';
import type { PproService } from './service';
import type { PproStore } from './store';

export interface MerchantCredentials {
  merchantId: string;
  apiKey: string;
}

export const IDEMPOTENCY_HEADER = 'request-idempotency-key';

function keyMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** `Authorization: Bearer <API key>`; `Merchant-Id`, when sent, must be the key's merchant. The key is never logged. */
function authenticate(credentials: MerchantCredentials) {
  return async (c: Context, next: Next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    if (match === null)
      throw new PproError(401, 'UNAUTHORIZED', 'An Authorization: Bearer API key is required');
    if (!keyMatches(match[1] ?? '', credentials.apiKey))
      throw new PproError(401, 'UNAUTHORIZED', 'The API key is not valid');
    const merchant = c.req.header('merchant-id');
    if (merchant !== undefined && merchant !== credentials.merchantId)
      throw new PproError(403, 'FORBIDDEN', 'The Merchant-Id does not belong to this API key');
    await next();
  };
}

function faults(gate: RequestGate) {
  return async (c: Context, next: Next) => {
    const fault = gate.draw();
    if (fault === 'timeout') await gate.hang();
    if (fault === '503')
      throw new PproError(503, 'SERVICE_UNAVAILABLE', 'PPRO is unavailable, try again later');
    await next();
  };
}

async function readJson(c: Context): Promise<{ text: string; body: unknown }> {
  const text = await c.req.text();
  try {
    return { text, body: text === '' ? undefined : JSON.parse(text) };
  } catch {
    throw new PproError(400, 'INVALID_REQUEST', 'The body is not valid JSON');
  }
}

type Handler = (body: unknown, c: Context) => { status: 200 | 201; body: unknown; chargeId?: string };

/**
 * A POST under PPRO's idempotency: the first answer to a key is stored before it is sent, so the same key
 * and body get it again (even when the first answer never reached the caller); another body is refused.
 */
function idempotent(store: PproStore, gate: RequestGate, merchantId: string, handler: Handler) {
  return async (c: Context) => {
    const { text, body } = await readJson(c);
    const key = c.req.header(IDEMPOTENCY_HEADER);
    const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${text}`).digest('hex');
    const stored = key === undefined ? undefined : store.getAnswer(merchantId, key);
    if (stored !== undefined) {
      sameRequest(stored.hash, hash);
      return c.body(stored.body, stored.status as 200, {
        'content-type': 'application/json',
        'idempotent-replayed': 'true',
      });
    }
    let answer: { status: number; body: unknown; chargeId?: string };
    try {
      answer = handler(body, c);
    } catch (error) {
      if (!(error instanceof PproError)) throw error;
      answer = { status: error.status, body: error.body() };
    }
    const json = JSON.stringify(answer.body);
    if (key !== undefined) store.putAnswer(merchantId, key, { hash, status: answer.status, body: json });
    if (answer.chargeId !== undefined) await gate.maybeHold(answer.chargeId);
    return c.body(json, answer.status as 200, { 'content-type': 'application/json' });
  };
}

export function merchantRoutes(
  service: PproService,
  store: PproStore,
  gate: RequestGate,
  credentials: MerchantCredentials,
) {
  const app = new Hono();
  const post = (handler: Handler) => idempotent(store, gate, credentials.merchantId, handler);
  app.use('*', authenticate(credentials), faults(gate));
  app.post(
    '/payment-agreements',
    post((body) => ({ status: 201, body: service.create(body) })),
  );
  app.get('/payment-agreements/:id', (c) => c.json(service.getAgreement(c.req.param('id'))));
  app.post(
    '/payment-agreements/:id/revoke',
    post((_body, c) => ({ status: 200, body: service.revoke(c.req.param('id') ?? '', 'MERCHANT') })),
  );
  app.post(
    '/payment-agreements/:id/payment-charges',
    post((body, c) => {
      const charge = service.charge(c.req.param('id') ?? '', body);
      return { status: 201, body: charge, chargeId: charge.id };
    }),
  );
  app.get('/payment-agreements/:id/payment-charges', (c) =>
    c.json({ paymentCharges: service.listCharges(c.req.param('id')) }),
  );
  app.get('/payment-charges/:id', (c) => c.json(service.getCharge(c.req.param('id'))));
  app.post(
    '/payment-charges/:id/refunds',
    post((body, c) => ({ status: 201, body: service.refund(c.req.param('id') ?? '', body) })),
  );
  app.get('/payment-charges/:id/refunds', (c) =>
    c.json({ refunds: service.getCharge(c.req.param('id')).refunds }),
  );
  return app;
}
