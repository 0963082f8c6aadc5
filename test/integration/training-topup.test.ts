import { afterEach, describe, expect, it } from 'vitest';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';

let kassa: StationWithShell;
afterEach(async () => {
  await kassa.close();
});

async function firstWristband(amountMode: 'open' | 'fixed', amountCents?: number): Promise<string> {
  const batch = {
    count: 2,
    amountMode,
    description: 'Festival top-up',
    eventName: 'Kassa Fest',
    layout: 'label',
  };
  const { batch: printed } = await kassa.must('topup.createBatch', {
    ...batch,
    ...(amountCents ? { amountCents } : {}),
  });
  return printed.firstWristbandId;
}

const balanceOf = (wristbandId: string, cents: number) =>
  waitFor(
    async () => {
      const band = await kassa.must('wristbands.get', { wristbandId });
      return band.balanceCents === cents ? band : undefined;
    },
    5_000,
    `wristband ${wristbandId} at ${cents}`,
  );

describe('the training top-up', () => {
  it('scans a fixed code and pays its printed amount, which lands on the wristband', async () => {
    kassa = await startStationWithShell();
    const wristbandId = await firstWristband('fixed', 2_000);
    const { paymentId } = await kassa.must('training.topUp', { wristbandId });
    const band = await balanceOf(wristbandId, 2_000);
    expect(band.entries[0]).toMatchObject({ kind: 'topup', amountCents: 2_000, bancontactId: paymentId });
  });

  it('pays the amount the festival-goer types on an open code, and refuses one on a fixed code', async () => {
    kassa = await startStationWithShell();
    const open = await firstWristband('open');
    await kassa.must('training.topUp', {
      wristbandId: open.toLowerCase().replaceAll('-', ''),
      amountCents: 1_250,
    });
    await balanceOf(open, 1_250);
    const fixed = await firstWristband('fixed', 2_000);
    const changed = await kassa.call('training.topUp', { wristbandId: fixed, amountCents: 500 });
    // The amount is what was wrong, not a change in the meantime (CONFLICT, as it once answered).
    expect(changed).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['amountCents'], apiCode: 'AMOUNT_NOT_MODIFIABLE' },
    });
    expect((await kassa.must('wristbands.get', { wristbandId: fixed })).balanceCents).toBe(0);
  });

  it('says the amount is missing when an open code is scanned without one', async () => {
    kassa = await startStationWithShell();
    const open = await firstWristband('open');
    expect(await kassa.call('training.topUp', { wristbandId: open })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['amountCents'], apiCode: 'FIELD_IS_REQUIRED' },
    });
    expect((await kassa.must('wristbands.get', { wristbandId: open })).balanceCents).toBe(0);
  });

  it('says which wristband ids are not wristbands, or not of this station', async () => {
    kassa = await startStationWithShell();
    expect(await kassa.call('training.topUp', { wristbandId: 'hello' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_WRISTBAND_ID' },
    });
    expect(await kassa.call('training.topUp', { wristbandId: '7K2Q-9XQ4-M32F' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
