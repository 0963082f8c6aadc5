import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_FIXED_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type CreatePaymentView,
  type GetPaymentView,
  type SearchView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { simClient, type SimClient } from '../support/sim-client';

const T0 = Date.parse('2026-07-04T14:00:00.000Z');
const STICKER = TRAINING_STICKER_PROFILE;
const OPEN = TRAINING_TOPUP_PROFILE;

let server: SimulatorServer;
let sim: SimClient;

beforeEach(async () => {
  server = await startSimulatorServer({ port: 0, now: () => T0 });
  sim = simClient(server.baseUrl);
});
afterEach(async () => {
  await server.close();
});

async function createAtPos(posId: string, amount = 450): Promise<CreatePaymentView> {
  const res = await sim
    .merchant(STICKER.apiKey)
    .post<CreatePaymentView>('/v3/payments/pos', { amount, posId });
  expect(res.status).toBe(201);
  return res.body;
}

async function statusOf(id: string, key = STICKER.apiKey): Promise<string> {
  return (await sim.merchant(key).get<GetPaymentView>(`/v3/payments/${id}`)).body.status;
}

const topupCode = (ppid: string, query = '', host = 'pay.bancontact.net') =>
  `https://${host}/t/1/${ppid}${query === '' ? '' : `?${query}`}`;

describe('POST /v3/payments/pos (sticker)', () => {
  it('creates a PENDING payment; a second one for the same posId invalidates the first as CANCELLED', async () => {
    const first = await createAtPos('POS00001');
    const other = await createAtPos('POS00002');
    const second = await createAtPos('POS00001', 990);
    expect(second).toMatchObject({ status: 'PENDING', amount: 990 });
    expect(await statusOf(first.paymentId)).toBe('CANCELLED');
    expect(await statusOf(second.paymentId)).toBe('PENDING');
    expect(await statusOf(other.paymentId)).toBe('PENDING');
  });

  it('invalidates an identified payment too, and gives EXPIRED when the setting says so', async () => {
    await sim.control('/_sim/settings', { posInvalidationStatus: 'EXPIRED' }, 'PATCH');
    const first = await createAtPos('POS00001');
    await sim.scan(`https://pay.bancontact.net/l/1/${STICKER.ppid}/POS00001`);
    expect(await statusOf(first.paymentId)).toBe('IDENTIFIED');
    await createAtPos('POS00001');
    expect(await statusOf(first.paymentId)).toBe('EXPIRED');
  });

  it('leaves a payment that already succeeded alone', async () => {
    const paid = await createAtPos('POS00001');
    await sim.scan(paid._links.deeplink.href);
    await sim.confirm(paid.paymentId);
    await createAtPos('POS00001');
    expect(await statusOf(paid.paymentId)).toBe('SUCCEEDED');
  });

  it.each([
    [{ amount: 100 }, 400, 'FIELD_IS_REQUIRED', 'posId'],
    [{ posId: 'POS1' }, 400, 'FIELD_IS_REQUIRED', 'amount'],
    [{ amount: 100, posId: 'POS-1' }, 400, 'FIELD_IS_INVALID', 'posId'],
    [{ amount: 100, posId: 'P'.repeat(37) }, 400, 'FIELD_IS_INVALID', 'posId'],
    [{ amount: 100, posId: 'POS1', shopName: 'S'.repeat(37) }, 400, 'FIELD_IS_INVALID', 'shopName'],
    [{ amount: 100, posId: 'POS1', shopId: 'S'.repeat(37) }, 400, 'FIELD_IS_INVALID', 'shopId'],
  ])('answers %j with %i %s naming %s', async (body, status, code, field) => {
    const res = await sim
      .merchant(STICKER.apiKey)
      .post<{ code: string; message: string }>('/v3/payments/pos', body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.message).toContain(`'${field}'`);
  });

  it('is refused to a display profile, and top-up profiles cannot create payments at all', async () => {
    const display = await sim
      .merchant(TRAINING_DISPLAY_PROFILE.apiKey)
      .post('/v3/payments/pos', { amount: 1, posId: 'A1' });
    expect(display.status).toBe(403);
    const topup = await sim.merchant(OPEN.apiKey).post('/v3/payments', { amount: 1 });
    expect(topup.status).toBe(403);
  });
});

describe('payer scans a sticker (/l/1/{ppid}/{posId})', () => {
  it("joins that POS's active payment, on either host", async () => {
    const created = await createAtPos('POS00002');
    const scanned = await sim.scan(`https://payconiq.com/l/1/${STICKER.ppid}/POS00002`);
    expect(scanned.body).toEqual({ paymentId: created.paymentId });
    expect(await statusOf(created.paymentId)).toBe('IDENTIFIED');
    expect((await sim.confirm(created.paymentId)).body.status).toBe('SUCCEEDED');
  });

  it('answers 404 when the POS has no active payment, and 422 when someone already scanned it', async () => {
    const none = await sim.scan(`https://pay.bancontact.net/l/1/${STICKER.ppid}/POS00001`);
    expect(none.status).toBe(404);
    await createAtPos('POS00001');
    await sim.scan(`https://pay.bancontact.net/l/1/${STICKER.ppid}/POS00001`);
    const again = await sim.scan(`https://pay.bancontact.net/l/1/${STICKER.ppid}/POS00001`);
    expect(again.status).toBe(422);
    const notSticker = await sim.scan(
      `https://pay.bancontact.net/l/1/${TRAINING_DISPLAY_PROFILE.ppid}/POS00001`,
    );
    expect(notSticker.status).toBe(404);
    expect(notSticker.body.code).toBe('MERCHANT_PROFILE_NOT_FOUND');
  });
});

describe('top-up codes (/t/1/{ppid}?D=&A=&R=)', () => {
  it('a wristband code scanned and paid three times gives three SUCCEEDED payments found by its reference', async () => {
    const code = topupCode(OPEN.ppid, 'D=Festival%20top-up&R=WB-000123');
    const ids: string[] = [];
    for (const amount of [1000, 2500, 500]) {
      const scanned = await sim.scan(code, { amount, debtor: { name: 'Lotte', iban: 'BE62510007547061' } });
      expect(scanned.status).toBe(200);
      expect((await sim.confirm(scanned.body.paymentId)).body.status).toBe('SUCCEEDED');
      ids.push(scanned.body.paymentId);
    }
    expect(new Set(ids).size).toBe(3);
    const found = await sim
      .merchant(OPEN.apiKey)
      .post<SearchView>('/v3/payments/search', { reference: 'WB-000123' });
    expect(found.status).toBe(200);
    expect(found.body.totalElements).toBe(3);
    expect(found.body.details.map((p) => p.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    expect(found.body.details.map((p) => p.amount).sort()).toEqual([1000, 2500, 500].sort());
    expect(found.body.details[0]).toMatchObject({ description: 'Festival top-up', reference: 'WB-000123' });
    expect(found.body.details[0]!.debtor).toEqual({ name: 'Lotte', iban: '***********47061' });
  });

  it('open: the payer must type the amount, and a printed A does not bind', async () => {
    const noAmount = await sim.scan(topupCode(OPEN.ppid, 'R=WB1'));
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.code).toBe('FIELD_IS_REQUIRED');
    const typed = await sim.scan(topupCode(OPEN.ppid, 'A=100&R=WB1'), { amount: 1234 });
    expect((await sim.control<GetPaymentView>(`/_sim/payments/${typed.body.paymentId}`)).body.amount).toBe(
      1234,
    );
  });

  it('modifiable: the printed amount unless the payer changes it', async () => {
    const kept = await sim.scan(topupCode(TRAINING_TOPUP_MODIFIABLE_PROFILE.ppid, 'A=1500'));
    const changed = await sim.scan(topupCode(TRAINING_TOPUP_MODIFIABLE_PROFILE.ppid, 'A=1500'), {
      amount: 2000,
    });
    const amountOf = async (id: string) =>
      (await sim.control<GetPaymentView>(`/_sim/payments/${id}`)).body.amount;
    expect(await amountOf(kept.body.paymentId)).toBe(1500);
    expect(await amountOf(changed.body.paymentId)).toBe(2000);
  });

  it('fixed: the printed amount only; a different one is 422 AMOUNT_NOT_MODIFIABLE', async () => {
    const ppid = TRAINING_TOPUP_FIXED_PROFILE.ppid;
    const ok = await sim.scan(topupCode(ppid, 'A=2500'), { amount: 2500 });
    expect(ok.status).toBe(200);
    const changed = await sim.scan(topupCode(ppid, 'A=2500'), { amount: 3000 });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('AMOUNT_NOT_MODIFIABLE');
    const noAmount = await sim.scan(topupCode(ppid, 'D=Coins'));
    expect(noAmount.body.code).toBe('PAYLOAD_INVALID');
  });

  it.each([
    ['D too long', `D=${'d'.repeat(36)}&A=100`, {}],
    ['R too long', `R=${'r'.repeat(36)}&A=100`, {}],
    ['A zero', 'A=0', {}],
    ['A above 999999', 'A=1000000', {}],
    ['A not whole', 'A=12.5', {}],
  ])('rejects a code with %s as 400 PAYLOAD_INVALID', async (_label, query, extra) => {
    const res = await sim.scan(topupCode(TRAINING_TOPUP_MODIFIABLE_PROFILE.ppid, query), extra);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('PAYLOAD_INVALID');
  });

  it('accepts D and R of exactly 35 characters, and refuses a payer amount above 999 999', async () => {
    const res = await sim.scan(topupCode(OPEN.ppid, `D=${'d'.repeat(35)}&R=${'r'.repeat(35)}`), {
      amount: 999_999,
    });
    expect(res.status).toBe(200);
    const tooMuch = await sim.scan(topupCode(OPEN.ppid), { amount: 1_000_000 });
    expect(tooMuch.body.code).toBe('FIELD_IS_INVALID');
  });

  it('a top-up code of a profile that is not a top-up is 404 MERCHANT_PROFILE_NOT_FOUND', async () => {
    const res = await sim.scan(topupCode(STICKER.ppid, 'A=100'));
    expect(res.status).toBe(404);
  });
});

describe('legacy payconiq.com host cut-over', () => {
  it('accepts legacy codes until the cut-over date, then refuses them while the new host still works', async () => {
    await sim.control('/_sim/settings', { legacyHostCutover: '2026-07-04T14:30:00Z' }, 'PATCH');
    const before = await sim.scan(topupCode(OPEN.ppid, '', 'payconiq.com'), { amount: 100 });
    expect(before.status).toBe(200);
    await sim.advance(30 * 60_000);
    const after = await sim.scan(topupCode(OPEN.ppid, '', 'payconiq.com'), { amount: 100 });
    expect(after.status).toBe(400);
    expect(after.body.code).toBe('PAYLOAD_HOST_RETIRED');
    expect((await sim.scan(topupCode(OPEN.ppid), { amount: 100 })).status).toBe(200);
    await sim.control('/_sim/settings', { legacyHostCutover: null }, 'PATCH');
    expect((await sim.scan(topupCode(OPEN.ppid, '', 'payconiq.com'), { amount: 100 })).status).toBe(200);
  });
});
