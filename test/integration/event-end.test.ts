import { afterEach, describe, expect, it } from 'vitest';
import type { Result, StationEvent } from '../../shared/contract';
import { startTestStation } from '../support/station-in-process';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { seedWristbands, topupPayload } from '../support/wristbands';

let kassa: StationWithShell;
afterEach(async () => {
  await kassa.close();
});

const ORGANISER = { debtorName: 'Festival vzw', debtorIban: 'BE68 5390 0754 7034' };
const ANNA = { name: 'Anna', iban: 'NL91ABNA0417164300' };
const JAN = { name: 'Jan', iban: 'BE71096123456769' };

const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);
const balance = async (wristbandId: string) =>
  (await kassa.must('wristbands.get', { wristbandId })).balanceCents;

/** A festival-goer scans the wristband's printed code and pays, in the training simulator. */
async function topUp(wristbandId: string, amount: number, debtor = JAN): Promise<string> {
  const before = await balance(wristbandId);
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(wristbandId),
    amount,
    debtor,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
  await waitFor(async () => (await balance(wristbandId)) === before + amount, 3_000, 'top-up credited');
  return paymentId;
}

let sequence = 0;
const payAtBar = (wristbandId: string, amountCents: number) =>
  kassa.call('till.payWithWristband', { amountCents, idempotencyKey: `bar-${++sequence}-xyz`, wristbandId });

/**
 * The liability is the festival's real debt: every balance still held (which includes every refund
 * proposed but not yet in a file, since a proposal moves no money), and nothing refunded that no
 * file holds. Checked against the database itself and the stored refund files.
 */
async function checkLiability() {
  const l = await kassa.must('topup.getLiability', {});
  const [held] = kassa.query<{ cents: number }>(
    'select coalesce(sum(balance_cents), 0) cents from wristbands',
  );
  const [filed] = kassa.query<{ cents: number }>(
    'select coalesce(sum(total_cents), 0) cents from refund_exports',
  );
  const proposed = (await kassa.must('refunds.list', {}))
    .filter((r) => r.status !== 'exported')
    .reduce((sum, r) => sum + r.amountCents, 0);
  const [unassigned] = kassa.query<{ cents: number }>(
    'select coalesce(sum(amount_cents), 0) cents from topup_attention where resolved_at is null',
  );
  expect(l.outstandingCents).toBe(held!.cents);
  expect(l.awaitingAttentionCents).toBe(unassigned!.cents);
  expect(l.refundedCents).toBe(filed!.cents);
  expect(l.toppedUpCents - l.spentCents - l.refundedCents).toBe(l.outstandingCents);
  expect(proposed).toBeLessThanOrEqual(l.outstandingCents);
  return { ...l, proposedCents: proposed };
}

describe('the end of the event', () => {
  it('refuses refund files before the end, and never refuses a bar because of refunds', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const [band] = await seedWristbands(kassa.dataDir);
    expect(await kassa.must('topup.getEvent', {})).toEqual({
      ended: false,
      endedAt: null,
      canReopen: false,
      refundFiles: 0,
      autoTopupsToRevoke: 0,
    });
    await topUp(band!, 3_000, ANNA);
    const prepared = await kassa.must('refunds.prepare', {});
    expect(prepared).toEqual([
      expect.objectContaining({ wristbandId: band, status: 'ready', amountCents: 3_000 }),
    ]);
    expect(codeOf(await kassa.call('refunds.export', ORGANISER))).toBe('EVENT_NOT_ENDED');
    expect(kassa.query('select id from refund_exports')).toEqual([]);

    // With its refund prepared, the wristband still pays at the bar, and the proposal follows its balance.
    expect(codeOf(await payAtBar(band!, 1_200))).toBe('OK');
    expect(await balance(band!)).toBe(1_800);
    expect(await kassa.must('refunds.list', {})).toEqual([
      expect.objectContaining({ wristbandId: band, status: 'ready', amountCents: 1_800 }),
    ]);
    expect(await checkLiability()).toMatchObject({
      outstandingCents: 1_800,
      proposedCents: 1_800,
      refundedCents: 0,
    });
  });

  it('needs a confirmation; once ended bars refuse wristbands, and it can be undone until the first refund file', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const events: StationEvent[] = [];
    kassa.station.events.subscribe((event) => events.push(event));
    const [band] = await seedWristbands(kassa.dataDir);
    await topUp(band!, 2_000);
    const retried = { amountCents: 500, idempotencyKey: 'paid-before-the-end', wristbandId: band };
    const before = await kassa.must('till.payWithWristband', retried);

    expect(codeOf(await kassa.call('topup.endEvent', {}))).toBe('INVALID_INPUT');
    expect(codeOf(await kassa.call('topup.endEvent', { confirm: false }))).toBe('INVALID_INPUT');
    expect((await kassa.must('topup.getEvent', {})).ended).toBe(false);

    const ended = await kassa.must('topup.endEvent', { confirm: true });
    expect(ended).toMatchObject({ ended: true, canReopen: true, refundFiles: 0 });
    expect(Date.parse(ended.endedAt!)).toBeGreaterThan(0);
    const refused = await payAtBar(band!, 100);
    expect(refused).toMatchObject({ ok: false, error: { code: 'EVENT_ENDED' } });
    expect(await balance(band!)).toBe(1_500);
    // A retry of a payment the bar made before the end still gets its sale back.
    expect(await kassa.must('till.payWithWristband', retried)).toEqual(before);
    // Ending again keeps the first moment.
    expect(await kassa.must('topup.endEvent', { confirm: true })).toEqual(ended);

    const reopened = await kassa.must('topup.reopenEvent', {});
    expect(reopened).toEqual({
      ...{ ended: false, endedAt: null, canReopen: false, refundFiles: 0 },
      autoTopupsToRevoke: 0,
    });
    expect(codeOf(await payAtBar(band!, 100))).toBe('OK');

    await kassa.must('topup.endEvent', { confirm: true });
    await kassa.must('refunds.prepare', {});
    const file = await kassa.must('refunds.export', ORGANISER);
    expect(file).toMatchObject({ count: 1, totalCents: 1_400 });
    expect(await kassa.must('topup.getEvent', {})).toMatchObject({
      ended: true,
      canReopen: false,
      refundFiles: 1,
    });
    expect(codeOf(await kassa.call('topup.reopenEvent', {}))).toBe('CONFLICT');
    expect((await kassa.must('topup.getEvent', {})).ended).toBe(true);

    const announced = events
      .filter((e) => e.name === 'topup.eventChanged')
      .map((e) => [e.payload.ended, e.payload.refundFiles]);
    expect(announced).toEqual(
      expect.arrayContaining([
        [true, 0],
        [false, 0],
        [true, 1],
      ]),
    );
  });

  it('credits a top-up paid after the end, even to a wristband a refund file closed, and refunds it in the next file', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const [band, late] = await seedWristbands(kassa.dataDir);
    await topUp(band!, 2_500, ANNA);
    expect(codeOf(await payAtBar(band!, 1_000))).toBe('OK');
    expect(await checkLiability()).toMatchObject({ outstandingCents: 1_500, refundedCents: 0 });

    await kassa.must('topup.endEvent', { confirm: true });
    await kassa.must('refunds.prepare', {});
    const first = await kassa.must('refunds.export', ORGANISER);
    expect(first).toMatchObject({ count: 1, totalCents: 1_500 });
    expect(await kassa.must('wristbands.get', { wristbandId: band })).toMatchObject({
      status: 'closed',
      balanceCents: 0,
    });
    expect(await checkLiability()).toMatchObject({ outstandingCents: 0, refundedCents: 1_500 });

    // Jan pays onto the closed wristband, and someone tops up a fresh one, both after the end.
    const janPaid = await topUp(band!, 700, JAN);
    await topUp(late!, 400, ANNA);
    expect(await kassa.must('topup.listAttention', {})).toEqual([]);
    expect(await checkLiability()).toMatchObject({
      toppedUpCents: 3_600,
      spentCents: 1_000,
      refundedCents: 1_500,
      outstandingCents: 1_100,
      awaitingAttentionCents: 0,
      proposedCents: 1_100,
    });
    expect(await kassa.must('refunds.list', {})).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          wristbandId: band,
          amountCents: 700,
          status: 'waiting_iban',
          bancontactId: janPaid,
        }),
        expect.objectContaining({ wristbandId: late, amountCents: 400, status: 'waiting_iban' }),
      ]),
    );
    expect(codeOf(await payAtBar(late!, 100))).toBe('EVENT_ENDED');

    await kassa.must('refunds.prepare', {});
    const second = await kassa.must('refunds.export', ORGANISER);
    expect(second).toMatchObject({ count: 2, totalCents: 1_100 });
    const xml = kassa.query<{ xml: string }>(
      'select xml from refund_exports where id = ?',
      second.exportId,
    )[0]!.xml;
    expect(xml).toContain(`<CdtrAcct><Id><IBAN>${JAN.iban}</IBAN></Id></CdtrAcct>`);
    expect(xml).toContain('<InstdAmt Ccy="EUR">7.00</InstdAmt>');
    const firstXml = kassa.query<{ xml: string }>(
      'select xml from refund_exports where id = ?',
      first.exportId,
    )[0]!.xml;
    const endToEnd = (text: string) =>
      [...text.matchAll(/<EndToEndId>([^<]+)<\/EndToEndId>/g)].map((m) => m[1]);
    expect(endToEnd(xml)).not.toContain(endToEnd(firstXml)[0]);
    // Both refunds of that wristband stay listed, each with its own file.
    const refundsOfBand = (await kassa.must('refunds.list', {})).filter((r) => r.wristbandId === band);
    expect(refundsOfBand.map((r) => [r.amountCents, r.status, r.exportId]).sort()).toEqual(
      [
        [1_500, 'exported', first.exportId],
        [700, 'exported', second.exportId],
      ].sort(),
    );
    expect(await checkLiability()).toMatchObject({
      toppedUpCents: 3_600,
      spentCents: 1_000,
      refundedCents: 2_600,
      outstandingCents: 0,
      proposedCents: 0,
    });
    expect(codeOf(await kassa.call('refunds.export', ORGANISER))).toBe('NO_REFUNDS_READY');
  });

  it('credits a top-up the search sweep finds after the end (no callback) to a closed wristband', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    // No HTTP shell: no callback can reach this station, only its sweep of the top-up profile.
    const station = await startTestStation({ topupSweepIntervalMs: 150 });
    try {
      const [band] = await seedWristbands(station.dataDir);
      const sim = station.station.simulatorUrl()!;
      const post = async (path: string, body: unknown) =>
        (await (
          await fetch(sim + path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json()) as { paymentId: string };
      const pay = async (amount: number, debtor: typeof JAN) => {
        const { paymentId } = await post('/_sim/payer/scan', {
          payload: topupPayload(band!),
          amount,
          debtor,
        });
        await post('/_sim/payer/confirm', { paymentId });
      };
      const held = async () => (await station.must('wristbands.get', { wristbandId: band })).balanceCents;
      await pay(900, ANNA);
      await waitFor(async () => (await held()) === 900, 4_000, 'first top-up');
      await station.must('topup.endEvent', { confirm: true });
      await station.must('refunds.prepare', {});
      await station.must('refunds.export', ORGANISER);
      await pay(350, JAN);
      await waitFor(async () => (await held()) === 350, 4_000, 'late top-up swept');
      expect(await station.must('topup.getLiability', {})).toMatchObject({
        toppedUpCents: 1_250,
        refundedCents: 900,
        outstandingCents: 350,
      });
      await station.must('refunds.prepare', {});
      expect(await station.must('refunds.export', ORGANISER)).toMatchObject({ count: 1, totalCents: 350 });
      expect(await held()).toBe(0);
    } finally {
      await station.close();
    }
  });

  it('keeps the end across a restart', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
    const station = await startTestStation({ topupSweepIntervalMs: 3_600_000 });
    try {
      const [band] = await seedWristbands(station.dataDir);
      await station.must('topup.endEvent', { confirm: true });
      await station.restart();
      expect(await station.must('topup.getEvent', {})).toMatchObject({ ended: true, canReopen: true });
      const refused = await station.call('till.payWithWristband', {
        amountCents: 100,
        idempotencyKey: 'after-restart',
        wristbandId: band,
      });
      expect(codeOf(refused)).toBe('EVENT_ENDED');
    } finally {
      await station.close();
    }
  });
});
