import { afterEach, describe, expect, it } from 'vitest';
import type { StationEvent } from '../../shared/contract';
import { TRAINING_TOPUP_PROFILE } from '../../electron/core/simulator';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { newWristbandId, seedWristbands, topupPayload, writeDb } from '../support/wristbands';

let kassa: StationWithShell;
afterEach(async () => {
  await kassa.close();
});

const TOPUP = TRAINING_TOPUP_PROFILE.ppid;
// Sweeps only every hour: whatever arrives within seconds came by callback.
const CALLBACKS_ONLY = { topupSweepIntervalMs: 3_600_000, sweepIntervalMs: 3_600_000 };

/** The festival-goer scans the wristband's printed code and pays in the simulated banking app. */
async function topUp(reference: string | null, amount: number): Promise<string> {
  const { paymentId } = await kassa.sim<{ paymentId: string }>('/_sim/payer/scan', {
    payload: topupPayload(reference),
    amount,
  });
  await kassa.sim('/_sim/payer/confirm', { paymentId });
  return paymentId;
}

const balanceOf = async (wristbandId: string) =>
  (await kassa.must('wristbands.get', { wristbandId })).balanceCents;
const waitBalance = (wristbandId: string, cents: number, timeoutMs = 2_000) =>
  waitFor(
    async () => (await balanceOf(wristbandId)) === cents,
    timeoutMs,
    `balance ${cents} on ${wristbandId}`,
  );

interface LoggedCallback {
  url: string;
  body: string;
  signature: string;
}
const succeededCallbacks = async (paymentId: string) =>
  (
    await kassa.sim<{ callbacks: LoggedCallback[] }>(`/_sim/callbacks?paymentId=${paymentId}`)
  ).callbacks.filter((c) => c.body.includes('"SUCCEEDED"'));
const replay = (c: LoggedCallback) =>
  fetch(c.url, {
    method: 'POST',
    headers: { signature: c.signature, 'content-type': 'application/json' },
    body: c.body,
  });

describe('top-ups on the wristband ledger', () => {
  it('shows a top-up paid in training on the wristband within two seconds, by signed callback', async () => {
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    const events: StationEvent[] = [];
    kassa.station.events.subscribe((e) => events.push(e));
    const [id] = await seedWristbands(kassa.dataDir);
    const started = Date.now();
    const paymentId = await topUp(id!, 2000);
    await waitBalance(id!, 2000);
    expect(Date.now() - started).toBeLessThan(2_000);
    const view = await kassa.must('wristbands.get', { wristbandId: id!.toLowerCase().replace(/-/g, '') });
    expect(view).toMatchObject({
      id,
      status: 'active',
      balanceCents: 2000,
      movedTo: null,
      eventName: 'Test Fest',
    });
    expect(view.entries).toEqual([
      {
        at: expect.any(String),
        kind: 'topup',
        amountCents: 2000,
        bancontactId: paymentId,
        saleId: null,
        payerName: 'Jan',
      },
    ]);
    expect(events).toContainEqual({
      name: 'wristbands.changed',
      payload: { wristbandId: id, balanceCents: 2000, status: 'active' },
    });
    const receipts = kassa.query<{ profile_id: string }>('select profile_id from callback_receipts');
    expect(receipts.every((r) => r.profile_id === TOPUP)).toBe(true);
  });

  it('credits a top-up once however often it comes back by callback and by sweep, in either order', async () => {
    kassa = await startStationWithShell({ topupSweepIntervalMs: 150, sweepIntervalMs: 3_600_000 });
    const [first, second] = await seedWristbands(kassa.dataDir);
    // First: the callbacks arrive (each twice), then sweeps keep finding the same payment.
    await kassa.sim(`/_sim/faults/profiles/${TOPUP}`, { callbackDuplicateRate: 1 }, 'PUT');
    const viaCallback = await topUp(first!, 1500);
    await waitBalance(first!, 1500);
    // Then: the callbacks are lost, a sweep credits it, and the callbacks turn up late, replayed.
    await kassa.sim(`/_sim/faults/profiles/${TOPUP}`, { callbackDropRate: 1 }, 'PUT');
    const viaSweep = await topUp(second!, 700);
    await waitBalance(second!, 700, 3_000);
    for (const paymentId of [viaCallback, viaSweep]) {
      const [callback] = await succeededCallbacks(paymentId);
      for (let i = 0; i < 3; i++) expect((await replay(callback!)).status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 600)); // four more sweeps
    expect(await balanceOf(first!)).toBe(1500);
    expect(await balanceOf(second!)).toBe(700);
    const entries = kassa.query<{ n: number }>(
      "select count(*) n from wristband_entries where kind = 'topup'",
    );
    expect(entries[0]?.n).toBe(2);
    expect(await kassa.must('topup.getLiability', {})).toMatchObject({
      toppedUpCents: 2200,
      outstandingCents: 2200,
    });
  });

  it('lists payments it cannot credit as needing attention, and a manager credits one exactly once', async () => {
    // A closed wristband was refunded in a refund file: what is paid onto it later is credited and refunded next.
    kassa = await startStationWithShell(CALLBACKS_ONLY);
    const [target, other, closed, lost] = await seedWristbands(kassa.dataDir, { count: 4 });
    await writeDb(kassa.dataDir, "update wristbands set status = 'closed' where id = ?", closed);
    await kassa.must('wristbands.block', { wristbandId: lost });
    const unknown = await topUp(newWristbandId(), 500);
    const typo = await topUp('HELLO-WORLD', 600);
    const bare = await topUp(null, 700);
    const onClosed = await topUp(closed!, 800);
    const onLost = await topUp(lost!, 900);
    const listed = await waitFor(async () => {
      const list = await kassa.must('topup.listAttention', {});
      return list.length === 4 ? list : undefined;
    }, 3_000);
    const reasons = Object.fromEntries(listed.map((a) => [a.bancontactId, a.reason]));
    expect(reasons).toEqual({
      [unknown]: 'unknown_reference',
      [typo]: 'malformed_reference',
      [bare]: 'malformed_reference',
      [onLost]: 'wristband_blocked',
    });
    expect(listed.find((a) => a.bancontactId === typo)).toMatchObject({
      reference: 'HELLO-WORLD',
      amountCents: 600,
      resolvedAt: null,
      profileId: TOPUP,
    });
    // The simulator delivers the five payments' callbacks side by side, so the four listed do not
    // say that the closed wristband's callback has come in too: it is waited for on its own.
    await waitBalance(closed!, 800, 3_000);
    expect(reasons).not.toHaveProperty(onClosed);
    expect(await balanceOf(lost!)).toBe(0);
    // What no wristband took is owed too: 500 + 600 + 700 + 900, beside the 800 now on the closed one.
    expect(await kassa.must('topup.getLiability', {})).toMatchObject({
      outstandingCents: 800,
      awaitingAttentionCents: 2_700,
    });

    const resolved = await kassa.must('topup.resolveAttention', { bancontactId: typo, wristbandId: target });
    expect(resolved).toMatchObject({
      bancontactId: typo,
      resolvedTo: target,
      resolvedAt: expect.any(String),
    });
    expect(await kassa.must('topup.resolveAttention', { bancontactId: typo, wristbandId: target })).toEqual(
      resolved,
    );
    const elsewhere = await kassa.call('topup.resolveAttention', { bancontactId: typo, wristbandId: other });
    expect(elsewhere.ok || elsewhere.error.code).toBe('CONFLICT');
    const toClosed = await kassa.call('topup.resolveAttention', {
      bancontactId: unknown,
      wristbandId: closed,
    });
    expect(toClosed.ok).toBe(true);
    expect(await balanceOf(closed!)).toBe(1_300);
    const toLost = await kassa.call('topup.resolveAttention', { bancontactId: bare, wristbandId: lost });
    expect(toLost.ok || toLost.error.code).toBe('WRISTBAND_BLOCKED');
    expect(await balanceOf(target!)).toBe(600);
    expect(await balanceOf(other!)).toBe(0);
    expect((await kassa.must('topup.getLiability', {})).awaitingAttentionCents).toBe(700 + 900);
    const [first] = await kassa.must('topup.listAttention', {});
    expect(first?.resolvedAt).toBeNull(); // unresolved ones come first
  });
});
