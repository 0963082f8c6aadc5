import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startSimulatorServer,
  TRAINING_STICKER_PROFILE,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SearchView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { simClient, type SimClient } from '../support/sim-client';

/**
 * The three kinds of QR code on both hosts, the legacy host's cut-over for each of them, and the sticker
 * and top-up rules a payer meets at the counter.
 */
const T0 = Date.parse('2026-05-10T22:00:00.000Z');
const STICKER = TRAINING_STICKER_PROFILE;
const OPEN = TRAINING_TOPUP_PROFILE;
const HOSTS = ['pay.bancontact.net', 'payconiq.com'] as const;

let server: SimulatorServer;
let sim: SimClient;

beforeEach(async () => {
  server = await startSimulatorServer({ port: 0, now: () => T0 });
  sim = simClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

const status = async (id: string, key: string) =>
  (await sim.merchant(key).get<GetPaymentView>(`/v3/payments/${id}`)).body.status;

async function display(): Promise<string> {
  const res = await sim
    .merchant(TRAINING_DISPLAY_PROFILE.apiKey)
    .post<CreatePaymentView>('/v3/payments', { amount: 300 });
  return res.body.paymentId;
}

async function atPos(posId = 'POS00001', amount = 300): Promise<string> {
  const res = await sim
    .merchant(STICKER.apiKey)
    .post<CreatePaymentView>('/v3/payments/pos', { amount, posId });
  expect(res.status).toBe(201);
  return res.body.paymentId;
}

/** One code of each kind on `host`, each with the merchant key that can read what it leads to. */
async function codesOn(host: string) {
  return [
    {
      kind: '/pay/2',
      key: TRAINING_DISPLAY_PROFILE.apiKey,
      id: await display(),
      code: (id: string) => `https://${host}/pay/2/${id}`,
    },
    {
      kind: '/l/1',
      key: STICKER.apiKey,
      id: await atPos(),
      code: () => `https://${host}/l/1/${STICKER.ppid}/POS00001`,
    },
    { kind: '/t/1', key: OPEN.apiKey, id: undefined, code: () => `https://${host}/t/1/${OPEN.ppid}?R=WB-1` },
  ];
}

describe('both payload hosts', () => {
  it.each(HOSTS)('every kind of code scans on %s', async (host) => {
    for (const { kind, key, id, code } of await codesOn(host)) {
      const scanned = await sim.scan(code(id ?? ''), { amount: 500 });
      expect(scanned.status, kind).toBe(200);
      if (id !== undefined) expect(scanned.body.paymentId, kind).toBe(id);
      expect(await status(scanned.body.paymentId, key), kind).toBe('IDENTIFIED');
    }
  });

  it('after the cut-over, payconiq.com codes of every kind are refused and nothing changes', async () => {
    await sim.control('/_sim/settings', { legacyHostCutover: '2026-05-11T00:00:00Z' }, 'PATCH');
    await sim.advance(2 * 3_600_000);
    for (const { kind, key, id, code } of await codesOn('payconiq.com')) {
      const refused = await sim.scan(code(id ?? ''), { amount: 500 });
      expect(refused.status, kind).toBe(400);
      expect(refused.body.code, kind).toBe('PAYLOAD_HOST_RETIRED');
      if (id !== undefined) expect(await status(id, key), kind).toBe('PENDING');
    }
    const topups = await sim
      .merchant(OPEN.apiKey)
      .post<SearchView>('/v3/payments/search', { reference: 'WB-1' });
    expect(topups.body.totalElements).toBe(0);
    for (const { kind, id, code } of await codesOn('pay.bancontact.net')) {
      expect((await sim.scan(code(id ?? ''), { amount: 500 })).status, kind).toBe(200);
    }
  });

  it.each([
    ['plain http', 'http://pay.bancontact.net/pay/2/0123456789abcdef01234567'],
    ['a look-alike host', 'https://pay.bancontact.net.evil.example/pay/2/0123456789abcdef01234567'],
    ['an unknown path', `https://pay.bancontact.net/merchant/1/${STICKER.ppid}`],
  ])('refuses %s as 400 PAYLOAD_INVALID', async (_label, payload) => {
    const res = await sim.scan(payload);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PAYLOAD_INVALID');
  });
});

describe('stickers', () => {
  it('a scan after a second /pos joins the new payment; the first one is CANCELLED and cannot be paid', async () => {
    const first = await atPos('POS00002', 400);
    const second = await atPos('POS00002', 650);
    const scanned = await sim.scan(`https://pay.bancontact.net/l/1/${STICKER.ppid}/POS00002`);
    expect(scanned.body.paymentId).toBe(second);
    expect(await status(first, STICKER.apiKey)).toBe('CANCELLED');
    const late = await sim.scan(`https://pay.bancontact.net/pay/2/${first}`);
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('PAYMENT_NOT_PENDING');
  });
});

describe('top-up codes', () => {
  it('modifiable without a printed amount: the payer must type one', async () => {
    const code = `https://pay.bancontact.net/t/1/${TRAINING_TOPUP_MODIFIABLE_PROFILE.ppid}?R=WB-9`;
    const res = await sim.scan(code);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('FIELD_IS_REQUIRED');
    expect((await sim.scan(code, { amount: 750 })).status).toBe(200);
  });

  it('three scans of one wristband are three payments, listed newest first by reference', async () => {
    const code = `https://pay.bancontact.net/t/1/${OPEN.ppid}?R=WB-000777`;
    const ids: string[] = [];
    for (const amount of [100, 200, 300]) {
      const { body } = await sim.scan(code, { amount });
      await sim.confirm(body.paymentId);
      ids.push(body.paymentId);
      await sim.advance(1_000);
    }
    const found = await sim
      .merchant(OPEN.apiKey)
      .post<SearchView>('/v3/payments/search', { reference: 'WB-000777' });
    expect(found.body.details.map((p) => [p.paymentId, p.status, p.amount])).toEqual([
      [ids[2], 'SUCCEEDED', 300],
      [ids[1], 'SUCCEEDED', 200],
      [ids[0], 'SUCCEEDED', 100],
    ]);
  });
});
