import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView, StationEvent } from '../../shared/contract';
import { linkDevice, openDeviceNetwork, type LinkedDevice } from '../support/linked-device';
import { localCaller } from '../support/station-in-process';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';

let kassa: StationWithShell;
let display: LinkedDevice;
let events: StationEvent[];
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  events = [];
  kassa.station.events.subscribe((event) => events.push(event));
  await openDeviceNetwork(kassa.station, localCaller);
  display = await linkDevice(kassa.station, localCaller, {
    name: 'Customer display',
    rights: 'employee',
    kind: 'display',
    tillId: 'till-1',
  });
});
afterEach(async () => {
  await kassa.close();
});

let keys = 0;
const key = () => `tender-outcome-${++keys}`;

/** What till-1's customer display reads when it asks for its till's current sale. */
async function shownOnDisplay(): Promise<SaleView | null> {
  const result = await kassa.station.dispatch('till.getCurrentSale', {}, await display.caller());
  if (!result.ok) throw new Error(`the display was refused: ${result.error.code}`);
  return result.value as SaleView | null;
}

/** The sale as the last `payments.changed` event carried it: what an open display is pushed. */
function lastAnnounced(saleId: string): SaleView | undefined {
  const announced = events.filter((e) => e.name === 'payments.changed' && e.payload.sale.id === saleId);
  const last = announced.at(-1);
  return last?.name === 'payments.changed' ? last.payload.sale : undefined;
}

async function topUp(wristbandId: string, amountCents: number, expectedBalance: number): Promise<void> {
  await kassa.must('training.topUp', { wristbandId, amountCents });
  await waitFor(
    async () => (await kassa.must('wristbands.get', { wristbandId })).balanceCents === expectedBalance,
    5_000,
    `wristband ${wristbandId} at ${expectedBalance}`,
  );
}

async function printedWristband(): Promise<string> {
  const { batch } = await kassa.must('topup.createBatch', {
    count: 2,
    amountMode: 'open',
    description: 'Festival top-up',
    eventName: 'Kassa Fest',
    layout: 'label',
  });
  return batch.firstWristbandId;
}

const payWithWristband = (wristbandId: string, amountCents: number) =>
  kassa.must('till.payWithWristband', { amountCents, idempotencyKey: key(), tillId: 'till-1', wristbandId });

describe('what a sale view tells the customer about its tender', () => {
  it('carries the cash handed over and the change of a cash sale, to the till and its display', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 5_000 });
    const paid = await kassa.must('till.payCash', {
      amountCents: 1_250,
      tenderedCents: 2_000,
      idempotencyKey: key(),
      tillId: 'till-1',
    });
    const expected = { cash: { tenderedCents: 2_000, changeCents: 750 }, balanceAfterCents: null };
    expect(paid.sale).toMatchObject({ status: 'paid', tender: 'cash', amountCents: 1_250, ...expected });
    expect(await shownOnDisplay()).toMatchObject({ id: paid.sale.id, ...expected });
    await waitFor(() => lastAnnounced(paid.sale.id), 5_000, 'the sale announced');
    expect(lastAnnounced(paid.sale.id)).toMatchObject(expected);
    expect(await kassa.must('till.getSale', { saleId: paid.sale.id })).toMatchObject(expected);
  });

  it('carries the balance a wristband sale left, which later top-ups and sales do not change', async () => {
    const band = await printedWristband();
    await topUp(band, 2_000, 2_000);
    const first = await payWithWristband(band, 750);
    expect(first).toMatchObject({ tender: 'wristband', cash: null, balanceAfterCents: 1_250 });
    expect(await shownOnDisplay()).toMatchObject({ id: first.id, balanceAfterCents: 1_250 });
    // Events are pushed after the commit, not with the answer: wait for the display's push.
    await waitFor(() => lastAnnounced(first.id), 5_000, 'the sale announced');
    expect(lastAnnounced(first.id)).toMatchObject({ balanceAfterCents: 1_250 });

    await topUp(band, 500, 1_750);
    const second = await payWithWristband(band, 300);
    expect(second.balanceAfterCents).toBe(1_450);
    expect(await kassa.must('till.getSale', { saleId: first.id })).toMatchObject({
      balanceAfterCents: 1_250,
    });
    const listed = await kassa.must('till.listSales', { limit: 10 });
    expect(Object.fromEntries(listed.map((sale) => [sale.id, sale.balanceAfterCents]))).toEqual({
      [first.id]: 1_250,
      [second.id]: 1_450,
    });
  });

  it('leaves both empty on a Bancontact sale', async () => {
    const sale = await kassa.must('till.startPayment', {
      amountCents: 990,
      idempotencyKey: key(),
      tillId: 'till-1',
    });
    expect(sale).toMatchObject({ tender: 'bancontact', cash: null, balanceAfterCents: null });
    expect(await shownOnDisplay()).toMatchObject({ id: sale.id, cash: null, balanceAfterCents: null });
  });
});
