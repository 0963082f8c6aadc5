import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPproSimulatorServer, type PproSimulatorServer } from '../../electron/core/ppro-simulator';
import {
  createPproClient,
  PproClientError,
  type CreateAgreementRequest,
  type PproClient,
} from '../../electron/core/ppro';

/** Kassa's PPRO client against the PPRO simulator, over real HTTP on 127.0.0.1. */
const T0 = Date.parse('2026-06-01T10:00:00.000Z');
const DAY = 86_400_000;
const API_KEY = 'kassa-ppro-client-test-key-7Q2x';
const MERCHANT = 'kassa-client-test-merchant';

let server: PproSimulatorServer;
let ppro: PproClient;

beforeEach(async () => {
  server = await startPproSimulatorServer({
    now: () => T0,
    merchant: { merchantId: MERCHANT, apiKey: API_KEY },
    settings: { maxAmount: 5_000, splitWindowMs: 60_000, refundDelayMs: 60_000 },
  });
  ppro = createPproClient({
    baseUrl: server.baseUrl,
    apiKey: API_KEY,
    merchantId: MERCHANT,
    timeoutMs: 2_000,
  });
});
afterEach(async () => {
  await server.close();
});

const control = async (path: string, body: unknown = {}, method = 'POST') => {
  const response = await fetch(`${server.baseUrl}/_sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
};

const eur = (value: number) => ({ value, currency: 'EUR' as const });
const membership = (): CreateAgreementRequest => ({
  paymentMethod: 'BANCONTACT',
  description: 'Monthly membership',
  merchantPaymentAgreementReference: 'kassa-membership-0001',
  amount: eur(2500),
  amountType: 'EXACT',
  consumer: { name: 'Ernestine Bartoletti', email: 'ernestine@example.be', country: 'BE' },
  initialPaymentCharge: { amount: eur(2500), merchantPaymentChargeReference: 'membership-2026-06' },
});

const activeAgreement = async () => {
  const agreement = await ppro.createAgreement(membership());
  await control('/consumer/authorise', { agreementId: agreement.id });
  return agreement;
};

const failure = async (call: Promise<unknown>): Promise<PproClientError> => {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PproClientError);
  const typed = error as PproClientError;
  expect(`${typed.message} ${typed.stack ?? ''} ${JSON.stringify(typed)}`).not.toContain(API_KEY);
  return typed;
};

describe('PPRO client: every method', () => {
  it('creates, reads, charges, lists, refunds and revokes an agreement', async () => {
    const created = await ppro.createAgreement(membership(), 'agreement-0001');
    expect(created.status).toBe('AUTHENTICATION_PENDING');
    const scan = created.authenticationMethods.find((m) => m.type === 'SCAN_CODE');
    expect(scan?.details.codePayload).toMatch(/^BEP:\/\//);
    await control('/consumer/authorise', { codePayload: scan?.details.codePayload });
    expect((await ppro.getAgreement(created.id)).status).toBe('ACTIVE');

    await control('/clock/advance', { ms: 31 * DAY });
    const charge = await ppro.createCharge(
      created.id,
      { amount: eur(2500), merchantPaymentChargeReference: 'membership-2026-07' },
      `${created.id}:2026-07`,
    );
    expect(charge).toMatchObject({ agreementId: created.id, status: 'CAPTURED', amount: 2500 });
    expect(await ppro.getCharge(charge.id)).toEqual(charge);
    const listed = await ppro.listCharges(created.id);
    expect(listed.map((c) => [c.id, c.status])).toEqual([
      [created.initialPaymentChargeId, 'CAPTURED'],
      [charge.id, 'CAPTURED'],
    ]);

    const refund = await ppro.refundCharge(charge.id, undefined, `refund:${charge.id}`);
    expect(refund).toMatchObject({ amount: 2500, status: 'REFUND_PENDING' });
    await control('/clock/advance', { ms: 61_000 });
    const refunded = await ppro.getCharge(charge.id);
    expect(refunded.status).toBe('REFUNDED');
    expect(refunded.refunds).toMatchObject([{ id: refund.id, status: 'SUCCEEDED' }]);

    const revoked = await ppro.revokeAgreement(created.id);
    expect(revoked.status).toBe('REVOKED');
    expect(revoked.history.at(-1)).toMatchObject({ status: 'REVOKED', revokedBy: 'MERCHANT' });
  });

  it('refunds part of a charge by its amount in cents', async () => {
    const agreement = await activeAgreement();
    const refund = await ppro.refundCharge(agreement.initialPaymentChargeId, 1000);
    expect(refund).toMatchObject({ amount: 1000, status: 'REFUND_PENDING' });
    const charge = await ppro.getCharge(agreement.initialPaymentChargeId);
    expect(charge.refunds.map((r) => r.amount)).toEqual([1000]);
  });
});

describe('PPRO client: errors, each in the closed set', () => {
  it('a wrong API key is unauthorised, and the key is in no error nor log', async () => {
    const logged: string[] = [];
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    const wrongKey = 'kassa-wrong-key-Zr81';
    const wrong = createPproClient({ baseUrl: server.baseUrl, apiKey: wrongKey });
    const error = await failure(wrong.getAgreement('agr_unknown'));
    expect(error).toMatchObject({ kind: 'unauthorised', status: 401, failureType: 'UNAUTHORIZED' });
    expect(error.failureMessage).toBe('The API key is not valid');
    expect(`${error.message} ${error.stack ?? ''}`).not.toContain(wrongKey);
    // A right key for another merchant is refused too.
    const other = createPproClient({ baseUrl: server.baseUrl, apiKey: API_KEY, merchantId: 'someone-else' });
    expect(await failure(other.getAgreement('agr_unknown'))).toMatchObject({
      kind: 'unauthorised',
      status: 403,
    });
    const damaged = createPproClient({ baseUrl: server.baseUrl, apiKey: 'key with spaces' });
    const refused = await failure(damaged.getAgreement('agr_unknown'));
    expect(refused).toMatchObject({ kind: 'unauthorised', status: null });
    expect(refused.message).not.toContain('key with spaces');
    vi.restoreAllMocks();
    expect(logged.join('\n')).not.toMatch(/kassa-wrong-key|kassa-ppro-client-test-key|key with spaces/);
  });

  it("a refused request keeps PPRO's field errors and message", async () => {
    const request = { ...membership(), consumer: { country: 'BEL' } } as unknown as CreateAgreementRequest;
    const error = await failure(ppro.createAgreement(request));
    expect(error).toMatchObject({ kind: 'refused', status: 400, failureType: 'VALIDATION_ERROR' });
    expect(error.fieldErrors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['consumer.name', 'consumer.country']),
    );
    expect(error.isTransient).toBe(false);
    const missing = await failure(ppro.getCharge('charge_unknown'));
    expect(missing).toMatchObject({ kind: 'refused', status: 404, failureType: 'NOT_FOUND' });
  });

  it("a charge above the merchant's maximum is above_maximum, with PPRO's message", async () => {
    const agreement = await activeAgreement();
    await control('/clock/advance', { ms: 31 * DAY });
    const error = await failure(ppro.createCharge(agreement.id, { amount: eur(5_001) }, 'over-max'));
    expect(error).toMatchObject({ kind: 'above_maximum', status: 422, failureType: 'AMOUNT_ABOVE_MAXIMUM' });
    expect(error.failureMessage).toEqual(expect.any(String));
    expect(error.failureMessage).not.toBe('');
    expect(await ppro.listCharges(agreement.id)).toHaveLength(1);
  });

  it('a charge on a revoked agreement is agreement_not_active', async () => {
    const agreement = await activeAgreement();
    await control('/consumer/revoke', { agreementId: agreement.id });
    expect((await ppro.getAgreement(agreement.id)).status).toBe('REVOKED');
    const error = await failure(ppro.createCharge(agreement.id, { amount: eur(2500) }, 'after-revoke'));
    expect(error).toMatchObject({ kind: 'agreement_not_active', status: 422 });
    expect(error.failureMessage).toContain('REVOKED');
  });

  it('a seeded 503 is unavailable and transient', async () => {
    await control('/faults', { next: ['503'] }, 'PUT');
    const error = await failure(ppro.getAgreement('agr_any'));
    expect(error).toMatchObject({ kind: 'unavailable', status: 503, failureType: 'SERVICE_UNAVAILABLE' });
    expect(error.isTransient).toBe(true);
  });

  it('a held answer ends in a timeout; the same idempotency key then returns the same charge', async () => {
    const agreement = await activeAgreement();
    await control('/clock/advance', { ms: 31 * DAY });
    const impatient = createPproClient({ baseUrl: server.baseUrl, apiKey: API_KEY, timeoutMs: 300 });
    await control('/hold-next-charge');
    const key = `${agreement.id}:2026-07`;
    const request = { amount: eur(2500), merchantPaymentChargeReference: 'membership-2026-07' };
    const error = await failure(impatient.createCharge(agreement.id, request, key));
    expect(error).toMatchObject({ kind: 'timeout', status: null });
    expect(error.isTransient).toBe(true);
    const again = await ppro.createCharge(agreement.id, request, key);
    expect(again).toMatchObject({ status: 'CAPTURED', amount: 2500 });
    const charges = await ppro.listCharges(agreement.id);
    expect(charges.map((c) => c.id)).toEqual([agreement.initialPaymentChargeId, again.id]);
    expect(await ppro.createCharge(agreement.id, request, key)).toEqual(again);
  });

  it('a closed port is network down', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const down = createPproClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: API_KEY });
    const error = await failure(down.listCharges('agr_any'));
    expect(error).toMatchObject({ kind: 'network', status: null });
    expect(error.isTransient).toBe(true);
  });
});
