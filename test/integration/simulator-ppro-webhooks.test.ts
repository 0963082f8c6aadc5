import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startPproSimulatorServer,
  type Charge,
  type PproSimulatorServer,
  type Webhook,
} from '../../electron/core/ppro-simulator';
import { startCallbackReceiver, type CallbackReceiver } from '../support/callback-receiver';
import {
  activeAgreement,
  agreementBody,
  pproClient,
  type Agreement,
  type PproClient,
} from '../support/ppro-client';
import { tempDir, waitFor } from '../support/temp';

/** Webhooks with bounded retries, the held answer to a charge, and seeded faults, over real HTTP. */
let server: PproSimulatorServer;
let ppro: PproClient;
let receiver: CallbackReceiver;
let folder: ReturnType<typeof tempDir>;

const start = async () => {
  server = await startPproSimulatorServer({
    storeFile: `${folder.dir}/ppro.sqlite`,
    webhooks: { retryDelaysMs: [50, 100], timeoutMs: 1_000 },
  });
  ppro = pproClient(server.baseUrl);
};
beforeEach(async () => {
  folder = tempDir('kassa-ppro-');
  receiver = await startCallbackReceiver();
  await start();
});
afterEach(async () => {
  await server.close();
  await receiver.close();
  folder.remove();
});

const withHook = () => ({ webhooksUrl: receiver.url('/ppro') });
const types = () => receiver.received.map((r) => (JSON.parse(r.rawBody) as { type: string }).type);
const webhooks = async () => (await ppro.get<{ webhooks: Webhook[] }>('/_sim/webhooks')).body.webhooks;

describe('webhooks', () => {
  it("tells the agreement's webhooks URL of every change, each with what changed", async () => {
    const agreement = await activeAgreement(ppro, withHook());
    const charge = await ppro.post<Charge>(`/v1/payment-agreements/${agreement.id}/payment-charges`, {
      amount: { value: 100, currency: 'EUR' },
    });
    await ppro.post(`/v1/payment-charges/${charge.body.id}/refunds`, {});
    await ppro.post('/_sim/clock/advance', { ms: 60_000 });
    await ppro.post(`/v1/payment-agreements/${agreement.id}/revoke`);
    const expected = [
      'PAYMENT_AGREEMENT_AUTHENTICATION_PENDING',
      'PAYMENT_CHARGE_CAPTURED',
      'PAYMENT_AGREEMENT_ACTIVE',
      'PAYMENT_CHARGE_CAPTURED',
      'PAYMENT_CHARGE_REFUND_PENDING',
      'PAYMENT_CHARGE_REFUND_SUCCEEDED',
      'PAYMENT_AGREEMENT_REVOKED',
    ];
    await waitFor(() => receiver.received.length >= expected.length, 5_000, 'seven webhooks');
    expect([...types()].sort()).toEqual([...expected].sort());
    const last = receiver.received.find((r) => r.rawBody.includes('PAYMENT_AGREEMENT_REVOKED'));
    expect(JSON.parse(last?.rawBody ?? '{}')).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      data: { id: agreement.id, status: 'REVOKED' },
    });
  });

  it('retries a webhook the receiver failed, until it is delivered', async () => {
    receiver.answers.push(503, 500);
    await ppro.post('/v1/payment-agreements', agreementBody(withHook()));
    const [hook] = await waitFor(async () => {
      const list = await webhooks();
      return list[0]?.state === 'DELIVERED' ? list : undefined;
    });
    expect(hook?.attempts.map((a) => a.outcome)).toEqual(['HTTP 503', 'HTTP 500', 'HTTP 200']);
    expect(receiver.received).toHaveLength(3);
  });

  it('gives up after the last retry: bounded, and marked FAILED', async () => {
    receiver.fallback = 500;
    await ppro.post('/v1/payment-agreements', agreementBody(withHook()));
    const [hook] = await waitFor(async () => {
      const list = await webhooks();
      return list[0]?.state === 'FAILED' ? list : undefined;
    });
    expect(hook?.attempts).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(receiver.received).toHaveLength(3);
  });
});

describe('the held answer to a charge', () => {
  it('stores the charge though its answer never reaches the caller; a retry with the same key gets that charge', async () => {
    const agreement = await activeAgreement(ppro);
    await ppro.post('/_sim/hold-next-charge');
    const caller = new AbortController();
    const sent = fetch(`${server.baseUrl}/v1/payment-agreements/${agreement.id}/payment-charges`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer ppro-training-key-0001',
        'content-type': 'application/json',
        'request-idempotency-key': 'agreement-period-7',
      },
      body: JSON.stringify({ amount: { value: 700, currency: 'EUR' } }),
      signal: caller.signal,
    });
    const held = await waitFor(
      async () => (await ppro.get<{ chargeIds: string[] }>('/_sim/held')).body.chargeIds[0],
    );
    // The station dies here: its connection drops before it could store the answer.
    caller.abort();
    await expect(sent).rejects.toThrow();
    const listed = await ppro.get<{ paymentCharges: Charge[] }>(
      `/v1/payment-agreements/${agreement.id}/payment-charges`,
    );
    expect(listed.body.paymentCharges.map((c) => c.id)).toContain(held);
    const retry = await ppro.post<Charge>(
      `/v1/payment-agreements/${agreement.id}/payment-charges`,
      { amount: { value: 700, currency: 'EUR' } },
      'agreement-period-7',
    );
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(held);
    await ppro.post('/_sim/release');
  });

  it('answers once released', async () => {
    const agreement = await activeAgreement(ppro);
    await ppro.post('/_sim/hold-next-charge');
    const sent = ppro.post<Charge>(`/v1/payment-agreements/${agreement.id}/payment-charges`, {
      amount: { value: 700, currency: 'EUR' },
    });
    const held = await waitFor(
      async () => (await ppro.get<{ chargeIds: string[] }>('/_sim/held')).body.chargeIds[0],
    );
    expect((await ppro.post<{ released: string[] }>('/_sim/release')).body.released).toEqual([held]);
    expect((await sent).body.id).toBe(held);
  });
});

describe('faults', () => {
  it('answers the next requests 503, then serves again; a 503 makes nothing', async () => {
    await ppro.put('/_sim/faults', { next: ['503'] });
    const failed = await ppro.post('/v1/payment-agreements', agreementBody(), 'k-503');
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ failureType: 'SERVICE_UNAVAILABLE' });
    const served = await ppro.post<Agreement>('/v1/payment-agreements', agreementBody(), 'k-503');
    expect(served.status).toBe(201);
  });

  it('leaves a request unanswered (the caller times out)', async () => {
    await ppro.put('/_sim/faults', { next: ['timeout'] });
    const started = Date.now();
    const answer = fetch(`${server.baseUrl}/v1/payment-agreements/agr_x`, {
      headers: { authorization: 'Bearer ppro-training-key-0001' },
      signal: AbortSignal.timeout(300),
    });
    await expect(answer).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('draws random 503s from the seed: the same seed gives the same faults', async () => {
    const run = async () => {
      await ppro.put('/_sim/faults', { rate503: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await ppro.get('/v1/payment-agreements/agr_x')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(404);
    await server.close();
    await start();
    expect(await run()).toEqual(first);
  });
});
