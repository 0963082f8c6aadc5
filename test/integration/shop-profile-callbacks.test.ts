import { afterEach, describe, expect, it } from 'vitest';
import { TRAINING_SHOP_DISPLAY_PROFILES } from '../../electron/core/simulator';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

/** Polling and sweeps as good as off: a payment is learnt of by its callback or not at all. */
const CALLBACKS_ONLY = { pollIntervalMs: 600_000, sweepIntervalMs: 3_600_000 };
const SHOP_B = TRAINING_SHOP_DISPLAY_PROFILES[0]!;

let kassa: StationWithShell;
afterEach(async () => {
  await kassa.close();
});

describe('callbacks of a shop’s own display profile', () => {
  it('reach the station at that profile’s URL and are verified for its PPID: the sale is paid by callback', async () => {
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    await kassa.must('settings.setSalesSetup', {
      shops: [
        { id: 'shop-1', name: 'Bar Noord' },
        { id: 'shop-2', name: 'Frituur Zuid' },
      ],
      tills: [{ tillId: 'till-2', shopId: 'shop-2' }],
    });
    await kassa.must('profiles.add', {
      shopId: 'shop-2',
      kind: 'display',
      name: 'Frituur',
      ppid: SHOP_B.ppid,
    });
    const sale = await kassa.must('till.startPayment', {
      ...{ amountCents: 1_250, idempotencyKey: 'shop-b-callback-1', tillId: 'till-2' },
    });
    await kassa.sim('/_sim/payer/scan', { payload: sale.payment!.deeplink });
    await kassa.sim('/_sim/payer/confirm', { paymentId: sale.payment!.bancontactId });
    const paid = await kassa.saleUntil(sale.id, (s) => s.status === 'paid', 5_000);
    const timeline = await kassa.must('payments.getTimeline', { paymentId: paid.payment!.id });
    expect(timeline.map((e) => `${e.to}:${e.source}`)).toContain('SUCCEEDED:callback');
    await kassa.sim('/_sim/callbacks/flush', {});
    const { callbacks } = await kassa.sim<{ callbacks: { profileId: string; state: string }[] }>(
      `/_sim/callbacks?paymentId=${sale.payment!.bancontactId}`,
    );
    expect(callbacks.length).toBeGreaterThan(0);
    expect(callbacks.every((c) => c.profileId === SHOP_B.ppid && c.state === 'delivered')).toBe(true);

    // The first shop's till pays with the station's own profile; the CSV of the second shop's profile
    // holds the second shop's sale alone.
    const first = await kassa.must('till.startPayment', { amountCents: 700, idempotencyKey: 'shop-a-1' });
    await kassa.sim('/_sim/payer/scan', { payload: first.payment!.deeplink });
    await kassa.sim('/_sim/payer/confirm', { paymentId: first.payment!.bancontactId });
    await kassa.saleUntil(first.id, (s) => s.status === 'paid', 5_000);
    const csv = await kassa.must('reports.exportCsv', { shopId: 'shop-2', profileId: SHOP_B.ppid });
    const text = await (await fetch(kassa.shell.url + csv.path)).text();
    expect(csv.rows).toBe(1);
    expect(text).toContain(sale.id);
    expect(text).toContain(SHOP_B.ppid);
    expect(text).not.toContain(first.id);
  });
});
