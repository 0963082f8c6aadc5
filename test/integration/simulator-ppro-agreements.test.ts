import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPproSimulatorServer, type PproSimulatorServer } from '../../electron/core/ppro-simulator';
import {
  agreementBody,
  pproClient,
  type Agreement,
  type PproClient,
  type PproErrorBody,
} from '../support/ppro-client';

/** The PPRO simulator's agreements over real HTTP: create, read, the consumer's decision, revocations. */
const T0 = Date.parse('2026-06-01T10:00:00.000Z');

let server: PproSimulatorServer;
let ppro: PproClient;

beforeEach(async () => {
  server = await startPproSimulatorServer({ now: () => T0 });
  ppro = pproClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

const create = (body = agreementBody()) => ppro.post<Agreement>('/v1/payment-agreements', body);
const codeOf = (a: Agreement) =>
  a.authenticationMethods.find((m) => m.type === 'SCAN_CODE')?.details.codePayload;

describe('POST /v1/payment-agreements', () => {
  it('answers the agreement as seed 004 shows it, pending the consumer, with its three ways to authenticate', async () => {
    const { status, body } = await create();
    expect(status).toBe(201);
    expect(body).toMatchObject({
      id: expect.stringMatching(/^agr_\w{21}$/),
      status: 'AUTHENTICATION_PENDING',
      paymentMethod: 'BANCONTACT',
      description: 'Monthly membership',
      merchantPaymentAgreementReference: 'kassa-membership-0001',
      startDate: '2026-06-01T10:00:00.000Z',
      amount: { value: 2500, currency: 'EUR' },
      amountType: 'EXACT',
      instrumentId: expect.stringMatching(/^instr_/),
      consumer: { name: 'Ernestine Bartoletti', country: 'BE', email: 'ernestine@example.be' },
      initialPaymentChargeId: expect.stringMatching(/^charge_/),
      createdAt: '2026-06-01T10:00:00.000Z',
      history: [
        {
          id: expect.stringMatching(/^ahist_/),
          status: 'AUTHENTICATION_PENDING',
          createdAt: '2026-06-01T10:00:00.000Z',
        },
      ],
    });
    expect(body.authenticationMethods.map((m) => m.type)).toEqual(['APP_INTENT', 'SCAN_CODE', 'REDIRECT']);
    expect(codeOf(body)).toMatch(/^BEP:\/\/1BANCONTACT\.[A-Z.]+\/BEP\/LA\/[A-Z0-9]+\/[A-Z0-9]+\$[A-Z0-9]+$/);
    expect(body.authenticationMethods[0]?.details.mobileIntentUri).toBe(
      `bepgenapp://DoTx?TransId=${codeOf(body)?.slice('BEP://'.length)}`,
    );
    const initial = await ppro.get(`/v1/payment-charges/${body.initialPaymentChargeId}`);
    expect(initial.body).toMatchObject({ status: 'AUTHENTICATION_PENDING', amount: 2500, currency: 'EUR' });
  });

  it.each([
    ['paymentMethod', { paymentMethod: 'IDEAL' }],
    ['consumer', { consumer: undefined }],
    ['consumer.name', { consumer: { country: 'BE' } }],
    ['consumer.country', { consumer: { name: 'A B', country: 'Belgium' } }],
    ['consumer.email', { consumer: { name: 'A B', country: 'BE', email: 'not-an-address' } }],
    [
      'authenticationSettings[0].settings.returnUrl',
      { authenticationSettings: [{ type: 'REDIRECT', settings: {} }] },
    ],
    ['authenticationSettings[0].type', { authenticationSettings: [{ type: 'SMS' }] }],
    ['initialPaymentCharge', { initialPaymentCharge: undefined }],
    [
      'initialPaymentCharge.amount.value',
      { initialPaymentCharge: { amount: { value: 0, currency: 'EUR' } } },
    ],
    [
      'initialPaymentCharge.amount.currency',
      { initialPaymentCharge: { amount: { value: 100, currency: 'USD' } } },
    ],
    ['amount.value', { amount: { value: 12.5, currency: 'EUR' } }],
    ['amountType', { amountType: 'SOMETIMES' }],
    ['webhooksUrl', { webhooksUrl: 'ftp://example.be' }],
    ['startDate', { startDate: 'tomorrow' }],
  ])('refuses an invalid %s, naming it', async (field, overrides) => {
    const { status, body } = await ppro.post<PproErrorBody>(
      '/v1/payment-agreements',
      agreementBody(overrides),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, failureType: 'VALIDATION_ERROR' });
    expect(body.errors?.map((e) => e.field)).toEqual([field]);
  });

  it('refuses a body that is not JSON', async () => {
    const { status, body } = await ppro.post<PproErrorBody>('/v1/payment-agreements', '{"paymentMethod":');
    expect(status).toBe(400);
    expect(body.failureType).toBe('INVALID_REQUEST');
  });
});

describe('merchant authentication', () => {
  it.each([
    ['without a key', ''],
    ['with a wrong key', 'not-the-key'],
  ])('refuses a request %s, and never echoes the key', async (_label, key) => {
    const { status, body } = await pproClient(server.baseUrl, key).post<PproErrorBody>(
      '/v1/payment-agreements',
      agreementBody(),
    );
    expect(status).toBe(401);
    expect(body.failureType).toBe('UNAUTHORIZED');
    expect(JSON.stringify(body)).not.toContain('not-the-key');
    expect((await pproClient(server.baseUrl, key).get('/v1/payment-agreements/agr_x')).status).toBe(401);
  });

  it("refuses a Merchant-Id that is not the key's merchant", async () => {
    const { status } = await ppro.send('GET', '/v1/payment-agreements/agr_x', undefined, {
      'merchant-id': 'someone',
    });
    expect(status).toBe(403);
  });
});

describe('reading and deciding agreements', () => {
  it('reads an agreement back, and answers 404 for an unknown one', async () => {
    const created = (await create()).body;
    expect((await ppro.get(`/v1/payment-agreements/${created.id}`)).body).toEqual(created);
    const missing = await ppro.get<PproErrorBody>('/v1/payment-agreements/agr_unknown');
    expect(missing.status).toBe(404);
    expect(missing.body.failureType).toBe('NOT_FOUND');
  });

  it('the consumer who scanned the code authorises: ACTIVE, the first charge captured, history grows', async () => {
    const created = (await create()).body;
    server.simulator.clock.advance(30_000);
    const decided = await ppro.post<Agreement>('/_sim/consumer/authorise', { codePayload: codeOf(created) });
    expect(decided.status).toBe(200);
    const read = (await ppro.get<Agreement>(`/v1/payment-agreements/${created.id}`)).body;
    expect(read.status).toBe('ACTIVE');
    expect(read.history.map((h) => [h.status, h.createdAt])).toEqual([
      ['AUTHENTICATION_PENDING', '2026-06-01T10:00:00.000Z'],
      ['ACTIVE', '2026-06-01T10:00:30.000Z'],
    ]);
    const charge = await ppro.get(`/v1/payment-charges/${created.initialPaymentChargeId}`);
    expect(charge.body).toMatchObject({
      status: 'CAPTURED',
      authorizations: [{ status: 'AUTHORIZED', amount: 2500 }],
    });
  });

  it('the consumer refuses: FAILED, the first charge failed, and it cannot be authorised afterwards', async () => {
    const created = (await create()).body;
    expect(
      (await ppro.post<Agreement>('/_sim/consumer/refuse', { agreementId: created.id })).body.status,
    ).toBe('FAILED');
    const charge = await ppro.get(`/v1/payment-charges/${created.initialPaymentChargeId}`);
    expect(charge.body.status).toBe('FAILED');
    const again = await ppro.post<PproErrorBody>('/_sim/consumer/authorise', { agreementId: created.id });
    expect(again.status).toBe(409);
    expect(again.body.failureType).toBe('INVALID_AGREEMENT_STATUS');
  });

  it('an unknown scanned code is 404, and a consumer request naming nothing is a 400', async () => {
    expect((await ppro.post('/_sim/consumer/authorise', { codePayload: 'BEP://nothing' })).status).toBe(404);
    const empty = await ppro.post<PproErrorBody>('/_sim/consumer/authorise', {});
    expect(empty.status).toBe(400);
    expect(empty.body.errors?.[0]?.field).toBe('codePayload');
  });

  it.each(['MERCHANT', 'CONSUMER'] as const)(
    'revoked by the %s: REVOKED with who did it, and not twice',
    async (by) => {
      const created = (await create()).body;
      await ppro.post('/_sim/consumer/authorise', { agreementId: created.id });
      const revoke = () =>
        by === 'MERCHANT'
          ? ppro.post<Agreement>(`/v1/payment-agreements/${created.id}/revoke`, {})
          : ppro.post<Agreement>('/_sim/consumer/revoke', { codePayload: codeOf(created) });
      const revoked = await revoke();
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('REVOKED');
      expect(revoked.body.history.at(-1)).toMatchObject({ status: 'REVOKED', revokedBy: by });
      expect((await revoke()).status).toBe(409);
    },
  );

  it("answers 404 in PPRO's error shape for an unknown route", async () => {
    const { status, body } = await ppro.get<PproErrorBody>('/v1/nothing-here');
    expect(status).toBe(404);
    expect(body).toMatchObject({ status: 404, failureType: 'NOT_FOUND' });
  });
});
