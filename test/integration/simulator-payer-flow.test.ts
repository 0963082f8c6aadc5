import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SimPayment,
  type SimProfile,
  type SimStatus,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { tempDir } from '../support/temp';

const T0 = Date.parse('2026-03-02T09:15:00.000Z');
const AUTH = {
  authorization: `Bearer ${TRAINING_DISPLAY_PROFILE.apiKey}`,
  'content-type': 'application/json',
};

type Json = Record<string, unknown>;

let sim: SimulatorServer;
let changes: Array<{ status: SimStatus; previous: SimStatus }>;

beforeEach(async () => {
  changes = [];
  sim = await startSimulatorServer({
    port: 0,
    now: () => T0,
    onStatusChange: (payment: SimPayment, previous: SimStatus) =>
      changes.push({ status: payment.status, previous }),
  });
});
afterEach(async () => {
  await sim.close();
});

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

async function createPayment(base = sim.baseUrl): Promise<CreatePaymentView> {
  const res = await post(base, '/v3/payments', { amount: 2500, reference: 'T-1' }, AUTH);
  expect(res.status).toBe(201);
  return (await res.json()) as CreatePaymentView;
}

async function merchantGet(paymentId: string, base = sim.baseUrl): Promise<GetPaymentView> {
  const res = await fetch(`${base}/v3/payments/${paymentId}`, { headers: AUTH });
  expect(res.status).toBe(200);
  return (await res.json()) as GetPaymentView;
}

async function scan(payload: string): Promise<Response> {
  return post(sim.baseUrl, '/_sim/payer/scan', { payload });
}

async function expectCode(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(((await res.json()) as Json).code).toBe(code);
}

describe('payer scans and confirms', () => {
  it('moves PENDING → IDENTIFIED → SUCCEEDED, with a masked debtor and succeededAt', async () => {
    const created = await createPayment();
    const scanned = await scan(created._links.deeplink.href);
    expect(scanned.status).toBe(200);
    expect(await scanned.json()).toEqual({ paymentId: created.paymentId });

    const identified = await merchantGet(created.paymentId);
    expect(identified.status).toBe('IDENTIFIED');
    expect(identified.debtor).toEqual({ name: 'Jan', iban: '***********56769' });

    const confirmed = await post(sim.baseUrl, '/_sim/payer/confirm', { paymentId: created.paymentId });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as Json).status).toBe('SUCCEEDED');

    const paid = await merchantGet(created.paymentId);
    expect(paid).toMatchObject({ status: 'SUCCEEDED', succeededAt: '2026-03-02T09:15:00.000Z' });
    expect(paid._links).not.toHaveProperty('cancel');
    expect(changes).toEqual([
      { status: 'IDENTIFIED', previous: 'PENDING' },
      { status: 'AUTHORIZED', previous: 'IDENTIFIED' },
      { status: 'SUCCEEDED', previous: 'AUTHORIZED' },
    ]);
  });

  it('reads the legacy payconiq.com payload too', async () => {
    const { paymentId } = await createPayment();
    expect((await scan(`https://payconiq.com/pay/2/${paymentId}`)).status).toBe(200);
    expect((await merchantGet(paymentId)).status).toBe('IDENTIFIED');
  });

  it('uses the debtor the scan names', async () => {
    const { paymentId } = await createPayment();
    const res = await post(sim.baseUrl, '/_sim/payer/scan', {
      payload: `https://pay.bancontact.net/pay/2/${paymentId}`,
      debtor: { name: 'Sofie', iban: 'BE62510007547061' },
    });
    expect(res.status).toBe(200);
    expect((await merchantGet(paymentId)).debtor).toEqual({ name: 'Sofie', iban: '***********47061' });
  });

  it('rejects payloads that are not Bancontact payment codes with 400, unknown payments with 404', async () => {
    await expectCode(await scan('hello'), 400, 'PAYLOAD_INVALID');
    await expectCode(
      await scan('https://evil.example.com/pay/2/0123456789abcdef01234567'),
      400,
      'PAYLOAD_INVALID',
    );
    await expectCode(
      await scan(`https://pay.bancontact.net/pay/2/${'0'.repeat(24)}`),
      404,
      'PAYMENT_NOT_FOUND',
    );
    await expectCode(await post(sim.baseUrl, '/_sim/payer/scan', {}), 400, 'FIELD_IS_REQUIRED');
  });

  it('refuses to scan a payment twice or confirm one that was not scanned', async () => {
    const created = await createPayment();
    await expectCode(await post(sim.baseUrl, '/_sim/payer/confirm', created), 422, 'PAYMENT_NOT_IDENTIFIED');
    await scan(created._links.deeplink.href);
    await expectCode(await scan(created._links.deeplink.href), 422, 'PAYMENT_NOT_PENDING');
    await expectCode(
      await post(sim.baseUrl, '/_sim/payer/confirm', { paymentId: '0'.repeat(24) }),
      404,
      'PAYMENT_NOT_FOUND',
    );
  });
});

describe('payer refuses or backs out', () => {
  it('refuse moves an identified payment to AUTHORIZATION_FAILED', async () => {
    const created = await createPayment();
    await scan(created._links.deeplink.href);
    const res = await post(sim.baseUrl, '/_sim/payer/refuse', { paymentId: created.paymentId });
    expect(res.status).toBe(200);
    expect((await merchantGet(created.paymentId)).status).toBe('AUTHORIZATION_FAILED');
    await expectCode(await post(sim.baseUrl, '/_sim/payer/confirm', created), 422, 'PAYMENT_NOT_IDENTIFIED');
  });

  it('payer cancel moves an identified payment to CANCELLED and the merchant can no longer cancel', async () => {
    const created = await createPayment();
    await scan(created._links.deeplink.href);
    expect((await post(sim.baseUrl, '/_sim/payer/cancel', { paymentId: created.paymentId })).status).toBe(
      200,
    );
    expect((await merchantGet(created.paymentId)).status).toBe('CANCELLED');
    const del = await fetch(`${sim.baseUrl}/v3/payments/${created.paymentId}`, {
      method: 'DELETE',
      headers: AUTH,
    });
    await expectCode(del, 422, 'PAYMENT_NOT_PENDING');
  });

  it('the merchant can cancel an identified payment', async () => {
    const created = await createPayment();
    await scan(created._links.deeplink.href);
    const del = await fetch(`${sim.baseUrl}/v3/payments/${created.paymentId}`, {
      method: 'DELETE',
      headers: AUTH,
    });
    expect(del.status).toBe(204);
    expect((await merchantGet(created.paymentId)).status).toBe('CANCELLED');
  });
});

describe('simulator clock and expiry', () => {
  it('a payment is still PENDING at 119 s and EXPIRED after 120 s; cancel then answers 422', async () => {
    const { paymentId } = await createPayment();
    await post(sim.baseUrl, '/_sim/clock/advance', { ms: 119_000 });
    expect((await merchantGet(paymentId)).status).toBe('PENDING');

    const advanced = await post(sim.baseUrl, '/_sim/clock/advance', { ms: 11_000 });
    expect(await advanced.json()).toMatchObject({ now: '2026-03-02T09:17:10.000Z', expired: [paymentId] });
    const expired = await merchantGet(paymentId);
    expect(expired.status).toBe('EXPIRED');
    expect(expired._links).not.toHaveProperty('cancel');
    const del = await fetch(`${sim.baseUrl}/v3/payments/${paymentId}`, { method: 'DELETE', headers: AUTH });
    await expectCode(del, 422, 'PAYMENT_NOT_PENDING');
    expect(changes).toEqual([{ status: 'EXPIRED', previous: 'PENDING' }]);
  });

  it('an identified payment expires too, and can then no longer be confirmed', async () => {
    const created = await createPayment();
    await scan(created._links.deeplink.href);
    await post(sim.baseUrl, '/_sim/clock/advance', { ms: 130_000 });
    await expectCode(await post(sim.baseUrl, '/_sim/payer/confirm', created), 422, 'PAYMENT_NOT_IDENTIFIED');
    expect((await merchantGet(created.paymentId)).status).toBe('EXPIRED');
  });

  it('a finished payment does not expire', async () => {
    const created = await createPayment();
    await scan(created._links.deeplink.href);
    await post(sim.baseUrl, '/_sim/payer/confirm', created);
    await post(sim.baseUrl, '/_sim/clock/advance', { ms: 3_600_000 });
    expect((await merchantGet(created.paymentId)).status).toBe('SUCCEEDED');
  });

  it('GET /_sim/clock reports the shifted time; the clock refuses to go back', async () => {
    await post(sim.baseUrl, '/_sim/clock/advance', { ms: 5_000 });
    const clock = (await (await fetch(`${sim.baseUrl}/_sim/clock`)).json()) as Json;
    expect(clock).toMatchObject({ now: '2026-03-02T09:15:05.000Z', offsetMs: 5_000 });
    await expectCode(await post(sim.baseUrl, '/_sim/clock/advance', { ms: -1 }), 400, 'FIELD_IS_INVALID');
    await expectCode(await post(sim.baseUrl, '/_sim/clock/advance', { ms: 'soon' }), 400, 'FIELD_IS_INVALID');
  });
});

describe('inspection endpoints', () => {
  it('list payments newest first, show one, and list profiles with their keys', async () => {
    const first = await createPayment();
    const second = await createPayment();
    const list = (await (await fetch(`${sim.baseUrl}/_sim/payments`)).json()) as {
      payments: GetPaymentView[];
    };
    expect(list.payments.map((p) => p.paymentId)).toEqual([second.paymentId, first.paymentId]);
    const one = (await (await fetch(`${sim.baseUrl}/_sim/payments/${first.paymentId}`)).json()) as Json;
    expect(one).toMatchObject({ paymentId: first.paymentId, status: 'PENDING', expireAt: first.expiresAt });
    await expectCode(await fetch(`${sim.baseUrl}/_sim/payments/${'f'.repeat(24)}`), 404, 'PAYMENT_NOT_FOUND');
    const { profiles } = (await (await fetch(`${sim.baseUrl}/_sim/profiles`)).json()) as {
      profiles: SimProfile[];
    };
    expect(profiles).toContainEqual(
      expect.objectContaining({ ppid: TRAINING_DISPLAY_PROFILE.ppid, type: 'display' }),
    );
    expect(profiles.find((p) => p.type === 'display')?.apiKey).toBe(TRAINING_DISPLAY_PROFILE.apiKey);
  });
});

describe('persistence', () => {
  it('a simulator restarted on the same store file still knows its payments, statuses and clock', async () => {
    const tmp = tempDir('kassa-sim-');
    const storeFile = join(tmp.dir, 'sim.sqlite');
    try {
      const first = await startSimulatorServer({ port: 0, storeFile, now: () => T0 });
      const paid = await createPayment(first.baseUrl);
      const pending = await createPayment(first.baseUrl);
      await post(first.baseUrl, '/_sim/payer/scan', { payload: paid._links.deeplink.href });
      await post(first.baseUrl, '/_sim/payer/confirm', { paymentId: paid.paymentId });
      await post(first.baseUrl, '/_sim/clock/advance', { ms: 60_000 });
      await first.close();

      const second = await startSimulatorServer({ port: 0, storeFile, now: () => T0 });
      try {
        expect(await merchantGet(paid.paymentId, second.baseUrl)).toMatchObject({
          status: 'SUCCEEDED',
          succeededAt: '2026-03-02T09:15:00.000Z',
          debtor: { name: 'Jan' },
          reference: 'T-1',
        });
        expect((await merchantGet(pending.paymentId, second.baseUrl)).status).toBe('PENDING');
        const clock = (await (await fetch(`${second.baseUrl}/_sim/clock`)).json()) as Json;
        expect(clock.offsetMs).toBe(60_000);
        // The restored offset counts: 60 s already passed, 61 more take the payment past its 120 s.
        await post(second.baseUrl, '/_sim/clock/advance', { ms: 61_000 });
        expect((await merchantGet(pending.paymentId, second.baseUrl)).status).toBe('EXPIRED');
      } finally {
        await second.close();
      }
    } finally {
      tmp.remove();
    }
  });
});
