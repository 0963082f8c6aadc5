import { afterEach, describe, expect, it } from 'vitest';
import { backUp, openStation, type Kassa } from '../support/restore-station';
import { tempDir, waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

let folder: ReturnType<typeof tempDir>;
let kassa: Kassa | null = null;
afterEach(async () => {
  await kassa?.stop();
  kassa = null;
  folder.remove();
});

const ORGANISER = { debtorName: 'Festival vzw', debtorIban: 'BE68 5390 0754 7034' };

async function topUp(station: Kassa, wristbandId: string, amount: number): Promise<void> {
  const { paymentId } = await station.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
    debtor: { name: 'Anna', iban: 'NL91ABNA0417164300' },
  });
  await station.sim('/_sim/payer/confirm', { paymentId });
  await waitFor(async () => (await station.must('wristbands.get', { wristbandId })).balanceCents === amount);
}

/** Backups are named to the millisecond: two in a row must not share a name. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('restoring a festival', () => {
  it('keeps an ended event ended, and refuses a backup from before a refund file', async () => {
    folder = tempDir();
    kassa = await openStation(folder.dir, { topupSweepIntervalMs: 3_600_000 });
    const [band] = await seedWristbands(folder.dir);
    await topUp(kassa, band!, 2_000);
    const beforeTheEnd = backUp(folder.dir, 'training.sqlite');
    await tick();
    await kassa.must('topup.endEvent', { confirm: true });

    // The event ended after that backup: after restoring it, the bars still refuse wristbands.
    await kassa.must('backups.restore', { fileName: beforeTheEnd });
    expect(await kassa.must('topup.getEvent', {})).toMatchObject({ ended: true });
    const bar = await kassa.call('till.payWithWristband', {
      amountCents: 500,
      idempotencyKey: 'bar-after-restore',
      wristbandId: band,
    });
    expect(bar.ok ? 'OK' : bar.error.code).toBe('EVENT_ENDED');

    const beforeTheFile = backUp(folder.dir, 'training.sqlite');
    await kassa.must('refunds.prepare', {});
    const file = await kassa.must('refunds.export', ORGANISER);
    expect(file).toMatchObject({ count: 1, totalCents: 2_000 });

    // That backup would give the wristband its €20 back, and the next refund file would pay it again.
    const refused = await kassa.call('backups.restore', { fileName: beforeTheFile });
    expect(refused.ok ? 'OK' : refused.error).toMatchObject({
      code: 'BACKUP_INVALID',
      message: expect.stringMatching(/before 1 refund file\(s\) of this book were made/),
    });
    expect(await kassa.must('wristbands.get', { wristbandId: band })).toMatchObject({ balanceCents: 0 });
    expect(await kassa.must('topup.getLiability', {})).toMatchObject({
      refundedCents: 2_000,
      outstandingCents: 0,
    });
  });
});
