import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startPproSimulatorServer,
  type Charge,
  type PproSimulatorServer,
  type Refund,
} from '../../electron/core/ppro-simulator';
import {
  activeAgreement,
  agreementBody,
  pproClient,
  type Agreement,
  type PproClient,
  type PproErrorBody,
} from '../support/ppro-client';
import { tempDir } from '../support/temp';

/** WIP charges, the merchant's maximum, idempotency, refunds, the clock and restarts, over real HTTP. */
const T0 = Date.parse('2026-06-01T10:00:00.000Z');
const HOUR = 3_600_000;

let server: PproSimulatorServer;
let ppro: PproClient;
let folder: ReturnType<typeof tempDir>;

const start = async () => {
  server = await startPproSimulatorServer({
    now: () => T0,
    storeFile: `${folder.dir}/ppro.sqlite`,
    settings: { maxAmount: 5_000, splitWindowMs: HOUR, refundDelayMs: 60_000 },
  });
  ppro = pproClient(server.baseUrl);
};
beforeEach(async () => {
  folder = tempDir('kassa-ppro-');
  await start();
});
afterEach(async () => {
  await server.close();
  folder.remove();
});

const charge = (agreementId: string, body: unknown, key?: string) =>
  ppro.post<Omit<Charge, 'status'> & PproErrorBody & { status: string }>(
    `/v1/payment-agreements/${agreementId}/payment-charges`,
    body,
    key,
  );
const eur = (value: number) => ({ amount: { value, currency: 'EUR' } });

describe('POST /v1/payment-agreements/{id}/payment-charges', () => {
  it('charges an ACTIVE agreement without the consumer: captured at once, listed with the first charge', async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(31 * 24 * HOUR);
    const { status, body } = await charge(agreement.id, {
      ...eur(2500),
      merchantPaymentChargeReference: 'membership-2026-07',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^charge_/),
      paymentMethod: 'BANCONTACT',
      scheduleType: 'UNSCHEDULED',
      instrumentId: agreement.instrumentId,
      status: 'CAPTURED',
      amount: 2500,
      currency: 'EUR',
      merchantPaymentChargeReference: 'membership-2026-07',
      createdAt: '2026-07-02T10:00:00.000Z',
      captures: [{ amount: 2500, status: 'SUCCEEDED' }],
      _links: { refunds: { href: `/v1/payment-charges/${body.id}/refunds` } },
    });
    const list = await ppro.get<{ paymentCharges: Charge[] }>(
      `/v1/payment-agreements/${agreement.id}/payment-charges`,
    );
    expect(list.body.paymentCharges.map((c) => c.id)).toEqual([agreement.initialPaymentChargeId, body.id]);
    expect((await ppro.get(`/v1/payment-charges/${body.id}`)).body).toEqual(body);
  });

  it("refuses a charge above the merchant's WIP maximum", async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(2 * HOUR);
    const { status, body } = await charge(agreement.id, eur(5_001));
    expect(status).toBe(422);
    expect(body.failureType).toBe('AMOUNT_ABOVE_MAXIMUM');
    expect((await charge(agreement.id, eur(5_000))).status).toBe(201);
  });

  it('refuses an agreement whose first charge is above the maximum', async () => {
    const body = agreementBody({ initialPaymentCharge: { amount: { value: 9_000, currency: 'EUR' } } });
    const { status } = await ppro.post<PproErrorBody>('/v1/payment-agreements', body);
    expect(status).toBe(422);
  });

  it('refuses splitting one payment over several charges to pass the maximum, in the window or by reference', async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(2 * HOUR);
    expect(
      (await charge(agreement.id, { ...eur(3_000), merchantPaymentChargeReference: 'order-9' })).status,
    ).toBe(201);
    const split = await charge(agreement.id, eur(3_000));
    expect(split.status).toBe(422);
    expect(split.body.failureType).toBe('SPLIT_PAYMENT_NOT_ALLOWED');
    server.simulator.clock.advance(2 * HOUR);
    const sameReference = await charge(agreement.id, {
      ...eur(3_000),
      merchantPaymentChargeReference: 'order-9',
    });
    expect(sameReference.body.failureType).toBe('SPLIT_PAYMENT_NOT_ALLOWED');
    expect(
      (await charge(agreement.id, { ...eur(3_000), merchantPaymentChargeReference: 'order-10' })).status,
    ).toBe(201);
  });

  it('refuses to charge a revoked agreement, and one the consumer has not authorised', async () => {
    const revoked = await activeAgreement(ppro);
    await ppro.post('/_sim/consumer/revoke', { agreementId: revoked.id });
    const onRevoked = await charge(revoked.id, eur(100));
    expect(onRevoked.status).toBe(422);
    expect(onRevoked.body).toMatchObject({
      failureType: 'AGREEMENT_NOT_ACTIVE',
      failureMessage: expect.stringContaining('REVOKED'),
    });
    const pending = (await ppro.post<Agreement>('/v1/payment-agreements', agreementBody())).body;
    const onPending = await charge(pending.id, eur(100));
    expect(onPending.body.failureMessage).toContain('AUTHENTICATION_PENDING');
    expect((await charge('agr_unknown', eur(100))).status).toBe(404);
  });

  it.each([
    ['amount', {}],
    ['amount.value', { amount: { value: -5, currency: 'EUR' } }],
    ['amount.currency', { amount: { value: 5, currency: 'GBP' } }],
  ])('refuses an invalid %s, naming it', async (field, body) => {
    const agreement = await activeAgreement(ppro);
    const answer = await charge(agreement.id, body);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.map((e) => e.field)).toEqual([field]);
  });
});

describe('declined charges and settings', () => {
  it('a charge the bank declines is stored FAILED, and does not count against the maximum', async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(2 * HOUR);
    expect((await ppro.post('/_sim/decline-next-charges', { count: 1 })).status).toBe(200);
    const declined = await charge(agreement.id, eur(5_000));
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({
      status: 'FAILED',
      authorizations: [{ status: 'FAILED' }],
      captures: [],
    });
    expect((await charge(agreement.id, eur(5_000))).body.status).toBe('CAPTURED');
    expect((await ppro.post('/_sim/decline-next-charges', { count: -1 })).status).toBe(400);
  });

  it("the merchant's maximum is a setting of the running simulator", async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(2 * HOUR);
    expect((await ppro.put('/_sim/settings', { maxAmount: 1_000 })).body).toMatchObject({ maxAmount: 1_000 });
    expect((await charge(agreement.id, eur(1_001))).body.failureType).toBe('AMOUNT_ABOVE_MAXIMUM');
    const bad = await ppro.put<PproErrorBody>('/_sim/settings', { maxAmount: 'lots' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field).toBe('maxAmount');
  });
});

describe('Request-Idempotency-Key', () => {
  it('the same key and body get the same charge; the same key with another body is refused', async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(2 * HOUR);
    const first = await charge(agreement.id, eur(1_000), 'agreement-2026-07');
    const again = await charge(agreement.id, eur(1_000), 'agreement-2026-07');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await charge(agreement.id, eur(1_500), 'agreement-2026-07');
    expect(other.status).toBe(409);
    expect(other.body.failureType).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await ppro.get<{ paymentCharges: Charge[] }>(
      `/v1/payment-agreements/${agreement.id}/payment-charges`,
    );
    expect(list.body.paymentCharges).toHaveLength(2);
  });

  it('creating an agreement twice with one key makes one agreement', async () => {
    const a = await ppro.post<Agreement>('/v1/payment-agreements', agreementBody(), 'create-1');
    const b = await ppro.post<Agreement>('/v1/payment-agreements', agreementBody(), 'create-1');
    expect(b.body.id).toBe(a.body.id);
  });
});

describe('refunds, clock and restarts', () => {
  it("a merchant's refund of one charge is pending, then SUCCEEDED once the clock has moved", async () => {
    const agreement = await activeAgreement(ppro);
    const chargeId = agreement.initialPaymentChargeId;
    const refund = await ppro.post<Refund>(`/v1/payment-charges/${chargeId}/refunds`, { amount: 2500 });
    expect(refund.status).toBe(201);
    expect(refund.body.status).toBe('REFUND_PENDING');
    const over = await ppro.post<PproErrorBody>(`/v1/payment-charges/${chargeId}/refunds`, { amount: 1 });
    expect(over.body.failureType).toBe('REFUND_NOT_ALLOWED');
    await ppro.post('/_sim/clock/advance', { ms: 60_000 });
    const read = await ppro.get<Charge>(`/v1/payment-charges/${chargeId}`);
    expect(read.body.status).toBe('REFUNDED');
    expect(read.body.refunds).toMatchObject([{ id: refund.body.id, amount: 2500, status: 'SUCCEEDED' }]);
  });

  it('the clock only moves forward, and says where it is', async () => {
    expect((await ppro.post('/_sim/clock/advance', { ms: -1 })).status).toBe(400);
    const moved = await ppro.post('/_sim/clock/advance', { ms: 90 * 24 * HOUR });
    expect(moved.body).toMatchObject({ now: '2026-08-30T10:00:00.000Z' });
    expect((await ppro.get('/_sim/clock')).body).toMatchObject({ now: '2026-08-30T10:00:00.000Z' });
  });

  it('a restart on the same store keeps agreements, charges, idempotent answers and the clock', async () => {
    const agreement = await activeAgreement(ppro);
    server.simulator.clock.advance(40 * 24 * HOUR);
    const first = await charge(agreement.id, eur(1_000), 'k-1');
    await server.close();
    await start();
    expect((await ppro.get<Agreement>(`/v1/payment-agreements/${agreement.id}`)).body.status).toBe('ACTIVE');
    expect((await ppro.get(`/v1/payment-charges/${first.body.id}`)).body).toEqual(first.body);
    expect((await charge(agreement.id, eur(1_000), 'k-1')).body.id).toBe(first.body.id);
    expect((await ppro.get('/_sim/clock')).body).toMatchObject({ now: '2026-07-11T10:00:00.000Z' });
  });
});
