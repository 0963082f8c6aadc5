import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkDevice, openDeviceNetwork } from '../support/linked-device';
import { signInAs, type SignedIn } from '../support/sign-in';
import { localCaller, startTestStation, type TestStation } from '../support/station-in-process';

/** A device's till comes from its link: whatever a call names, it acts at its own till only. */
let kassa: TestStation;
let north: SignedIn;
let south: SignedIn;

beforeAll(async () => {
  kassa = await startTestStation();
  await openDeviceNetwork(kassa.station, localCaller);
  const tillNorth = await linkDevice(kassa.station, localCaller, {
    name: 'Till North',
    rights: 'employee',
    kind: 'till',
  });
  const tillSouth = await linkDevice(kassa.station, localCaller, {
    name: 'Till South',
    rights: 'employee',
    kind: 'till',
  });
  north = await signInAs(kassa.station, 'cashier', { on: tillNorth.credentials });
  south = await signInAs(kassa.station, 'cashier', { on: tillSouth.credentials });
});
afterAll(() => kassa.close());

describe('a till-bound device', () => {
  it('sells at its own till without naming it, and is refused another till by name', async () => {
    const sale = await north.must('till.startPayment', {
      amountCents: 450,
      idempotencyKey: 'binding-north-1',
    });
    expect(sale.tillId).not.toBe('till-1');
    const elsewhere = await south.call('till.startPayment', {
      amountCents: 100,
      idempotencyKey: 'binding-south-x',
      tillId: sale.tillId,
    });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'WRONG_TILL' } });
  });

  it("cannot read, retry or cancel another till's sale by its id, and does not list it", async () => {
    const sale = await south.must('till.startPayment', {
      amountCents: 700,
      idempotencyKey: 'binding-south-2',
    });
    for (const method of ['till.getSale', 'till.retryPayment', 'till.cancelPayment'] as const) {
      expect(await north.call(method, { saleId: sale.id }), method).toMatchObject({
        ok: false,
        error: { code: 'WRONG_TILL' },
      });
    }
    expect((await south.must('till.getSale', { saleId: sale.id })).status).toBe('open');
    const northList = await north.must('till.listSales', { limit: 50 });
    expect(northList.map((s) => s.id)).not.toContain(sale.id);
    const southList = await south.must('till.listSales', { limit: 50 });
    expect(southList.map((s) => s.id)).toContain(sale.id);
    // The station's own window sees every till's sales.
    expect((await kassa.must('till.listSales', { limit: 50 })).map((s) => s.id)).toContain(sale.id);
    await south.must('till.cancelPayment', { saleId: sale.id });
  });
});
