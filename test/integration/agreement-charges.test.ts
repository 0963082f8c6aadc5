import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChargeScheduler } from '../../electron/core/agreements/charge-scheduler';
import { followRefunds, refundCharge, revokeAgreement } from '../../electron/core/agreements/charge-actions';
import { writeRetryPolicy } from '../../electron/core/agreements/charge-retry-policy';
import { rebuildTotals } from '../../electron/core/reports/rebuild';
import type { Db } from '../../electron/core/db/open-database';
import { receipts, saleLines, sales } from '../../electron/core/db/schema';
import { startPproSimulatorServer, type PproSimulatorServer } from '../../electron/core/ppro-simulator';
import { LocalLeases } from '../../electron/core/site/lease';
import { dueAtOfCharge } from '../../shared/domain/plan-schedule';
import {
  activePlan,
  advanceClock,
  agreementRow,
  agreementTransactions,
  chargesOf,
  MONTH_MS,
  openTestBooks,
  simControl,
  testPproClient,
  testPproRuntime,
  testScheduler,
} from '../support/agreement-charges';
import { tempDir } from '../support/temp';

/*
 * The charge scheduler against a real PPRO simulator over HTTP, on the suite's engine: charges fall
 * due by the simulator's clock, one per period, booked as sales of method `agreement`; revoked
 * agreements and refusals above the maximum are not charged; declines follow the retry policy.
 */

const HOUR = 3_600_000;
let folder: ReturnType<typeof tempDir>;
let sim: PproSimulatorServer;
let db: Db;
let scheduler: ChargeScheduler;
let captured: string[];

beforeEach(async () => {
  folder = tempDir();
  sim = await startPproSimulatorServer({ port: 0 });
  db = (await openTestBooks(folder.dir)).db;
  captured = [];
  scheduler = testScheduler(db, sim.baseUrl, new LocalLeases(), { onCaptured: (id) => captured.push(id) });
  scheduler.start();
});

afterEach(async () => {
  await scheduler.stop();
  await db.close();
  await sim.close();
  folder.remove();
});

const pproCharges = (pproId: string) => testPproClient(sim.baseUrl).listCharges(pproId);

describe('the charge scheduler', () => {
  it('charges each period once when the clock moves three months, books each as a sale of method agreement', async () => {
    const plan = await activePlan(db, sim.baseUrl, { amountCents: 2_500, vatRate: 21 });
    await scheduler.settle();
    expect(await chargesOf(db, plan.id)).toHaveLength(1);

    await advanceClock(sim.baseUrl, 3 * MONTH_MS - 2 * 86_400_000);
    await scheduler.settle();
    await scheduler.settle();

    const charges = await chargesOf(db, plan.id);
    expect(charges.map((c) => [c.period, c.status, c.amountCents])).toEqual([
      [0, 'captured', 2_500],
      [1, 'captured', 2_500],
      [2, 'captured', 2_500],
      [3, 'captured', 2_500],
    ]);
    expect(charges.slice(1).map((c) => c.dueAt)).toEqual(
      [1, 2, 3].map((n) => dueAtOfCharge(plan.anchorAt, 'month', n)),
    );
    expect(charges.slice(1).map((c) => c.idempotencyKey)).toEqual([1, 2, 3].map((n) => `${plan.id}:${n}`));
    // At PPRO: the first charge and exactly three more, each the whole amount, each captured.
    const atPpro = await pproCharges(plan.pproId);
    expect(atPpro.map((c) => [c.status, c.amount])).toEqual(Array(4).fill(['CAPTURED', 2_500]));
    expect(new Set(charges.map((c) => c.pproChargeId))).toEqual(new Set(atPpro.map((c) => c.id)));
    expect(captured).toEqual(charges.slice(1).map((c) => c.id));

    const booked = await agreementTransactions(db);
    expect(booked.map((t) => [t.method, t.status, t.amountCents, t.tillId, t.vatRate, t.counts])).toEqual(
      Array(3).fill(['agreement', 'succeeded', 2_500, 'till-1', 21, 1]),
    );
    const saleIds = booked.map((t) => t.saleId!);
    const paid = await db.read((q) => q.select().from(sales));
    expect(paid.filter((s) => saleIds.includes(s.id)).map((s) => s.status)).toEqual(['paid', 'paid', 'paid']);
    const lines = await db.read((q) => q.select().from(saleLines));
    expect(lines.map((l) => [l.name, l.quantity, l.unitPriceCents, l.vatRate])).toEqual(
      Array(3).fill(['Monthly membership', 1, 2_500, 21]),
    );
    const numbers = await db.read((q) => q.select().from(receipts).where(eq(receipts.tillId, 'till-1')));
    expect(numbers.map((r) => r.number).sort()).toEqual([1, 2, 3]);

    const agreement = await agreementRow(db, plan.id);
    expect(agreement).toMatchObject({
      status: 'active',
      nextChargeAt: dueAtOfCharge(plan.anchorAt, 'month', 4),
    });
  });

  it('ends a plan after its last charge', async () => {
    const plan = await activePlan(db, sim.baseUrl, { chargeCount: 3 });
    await advanceClock(sim.baseUrl, 5 * MONTH_MS);
    await scheduler.settle();
    expect((await chargesOf(db, plan.id)).map((c) => c.status)).toEqual(['captured', 'captured', 'captured']);
    expect(await agreementRow(db, plan.id)).toMatchObject({ status: 'ended', nextChargeAt: null });
    expect(await pproCharges(plan.pproId)).toHaveLength(3);
  });

  it('does not charge an agreement the consumer revoked, and marks it revoked by the consumer', async () => {
    const plan = await activePlan(db, sim.baseUrl);
    await simControl(sim.baseUrl, '/consumer/revoke', { agreementId: plan.pproId });
    await advanceClock(sim.baseUrl, MONTH_MS);
    await scheduler.settle();

    expect(await pproCharges(plan.pproId)).toHaveLength(1);
    const [, refused] = await chargesOf(db, plan.id);
    expect(refused).toMatchObject({ period: 1, status: 'failed', pproChargeId: null });
    expect(refused!.lastError).toMatch(/^AGREEMENT_NOT_ACTIVE/);
    expect(await agreementRow(db, plan.id)).toMatchObject({
      status: 'revoked',
      revokedBy: 'consumer',
      nextChargeAt: null,
    });
    expect(await agreementTransactions(db)).toEqual([]);

    // Months later it is still never charged.
    await advanceClock(sim.baseUrl, 2 * MONTH_MS);
    await scheduler.settle();
    expect(await chargesOf(db, plan.id)).toHaveLength(2);
  });

  it('fails a charge above the merchant’s maximum at once with PPRO’s reason, and charges the next period', async () => {
    const plan = await activePlan(db, sim.baseUrl, { amountCents: 2_500 });
    await simControl(sim.baseUrl, '/settings', { maxAmount: 2_000 }, 'PUT');
    await advanceClock(sim.baseUrl, MONTH_MS);
    await scheduler.settle();

    const [, refused] = await chargesOf(db, plan.id);
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, nextAttemptAt: null });
    expect(refused!.lastError).toMatch(/^AMOUNT_ABOVE_MAXIMUM: /);
    expect(await agreementRow(db, plan.id)).toMatchObject({
      status: 'active',
      nextChargeAt: dueAtOfCharge(plan.anchorAt, 'month', 2),
    });

    await simControl(sim.baseUrl, '/settings', { maxAmount: 50_000 }, 'PUT');
    await advanceClock(sim.baseUrl, MONTH_MS);
    await scheduler.settle();
    expect((await chargesOf(db, plan.id)).map((c) => c.status)).toEqual(['captured', 'failed', 'captured']);
  });

  it('tries a declined charge again after the policy’s delays, then captures it once', async () => {
    await writeRetryPolicy(db, { delaysMinutes: [60, 360] });
    const plan = await activePlan(db, sim.baseUrl);
    await simControl(sim.baseUrl, '/decline-next-charges', { count: 2 });
    await advanceClock(sim.baseUrl, MONTH_MS);
    await scheduler.settle();

    const first = (await chargesOf(db, plan.id))[1]!;
    expect(first).toMatchObject({ status: 'due', attempts: 1 });
    expect(first.lastError).toMatch(/^DECLINED/);
    const clock = async () => Date.parse((await simControl<{ now: string }>(sim.baseUrl, '/clock')).now);
    expect(first.nextAttemptAt! - (await clock())).toBeGreaterThan(59 * 60_000);

    await scheduler.settle(); // not yet: the hour has not passed
    expect((await chargesOf(db, plan.id))[1]).toMatchObject({ status: 'due', attempts: 1 });

    await advanceClock(sim.baseUrl, HOUR + 60_000);
    await scheduler.settle();
    const second = (await chargesOf(db, plan.id))[1]!;
    expect(second).toMatchObject({ status: 'due', attempts: 2 });
    expect(second.nextAttemptAt! - (await clock())).toBeGreaterThan(359 * 60_000);

    await advanceClock(sim.baseUrl, 6 * HOUR + 60_000);
    await scheduler.settle();
    expect((await chargesOf(db, plan.id))[1]).toMatchObject({
      status: 'captured',
      attempts: 3,
      lastError: null,
    });
    const atPpro = await pproCharges(plan.pproId);
    expect(atPpro.map((c) => c.status)).toEqual(['CAPTURED', 'FAILED', 'FAILED', 'CAPTURED']);
    expect(await agreementTransactions(db)).toHaveLength(1);
  });

  it('gives a charge up when the policy has no try left', async () => {
    await writeRetryPolicy(db, { delaysMinutes: [60] });
    const plan = await activePlan(db, sim.baseUrl);
    await simControl(sim.baseUrl, '/decline-next-charges', { count: 5 });
    await advanceClock(sim.baseUrl, MONTH_MS);
    await scheduler.settle();
    await advanceClock(sim.baseUrl, HOUR + 60_000);
    await scheduler.settle();
    expect((await chargesOf(db, plan.id))[1]).toMatchObject({
      status: 'failed',
      attempts: 2,
      nextAttemptAt: null,
    });
    expect(await agreementRow(db, plan.id)).toMatchObject({
      status: 'active',
      nextChargeAt: dueAtOfCharge(plan.anchorAt, 'month', 2),
    });
    expect(await agreementTransactions(db)).toEqual([]);
  });
});

describe('a manager’s revocation and refunds', () => {
  const actions = () => ({ db, ppro: testPproRuntime(sim.baseUrl), now: () => Date.now() });

  it('revokes an agreement at PPRO and in Kassa, and it is never charged again', async () => {
    const plan = await activePlan(db, sim.baseUrl);
    const view = await revokeAgreement(actions(), plan.id);
    expect(view).toMatchObject({ agreementId: plan.id, status: 'revoked', revokedBy: 'merchant' });
    const atPpro = await testPproClient(sim.baseUrl).getAgreement(plan.pproId);
    expect(atPpro.status).toBe('REVOKED');
    expect(atPpro.history.at(-1)).toMatchObject({ status: 'REVOKED', revokedBy: 'MERCHANT' });
    // Asked again (a double tap): the same answer, nothing more at PPRO.
    expect(await revokeAgreement(actions(), plan.id)).toMatchObject({
      status: 'revoked',
      revokedBy: 'merchant',
    });

    await advanceClock(sim.baseUrl, 2 * MONTH_MS);
    await scheduler.settle();
    expect(await chargesOf(db, plan.id)).toHaveLength(1);
    expect(await pproCharges(plan.pproId)).toHaveLength(1);
    await expect(revokeAgreement(actions(), 'no-such-agreement')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refunds part of a charge, then the rest, each booked once PPRO says SUCCEEDED', async () => {
    const plan = await activePlan(db, sim.baseUrl, { amountCents: 2_500, vatRate: 21 });
    await advanceClock(sim.baseUrl, MONTH_MS);
    await scheduler.settle();
    const charge = (await chargesOf(db, plan.id))[1]!;

    const pending = await refundCharge(actions(), { chargeId: charge.id, amountCents: 1_000 });
    expect(pending).toMatchObject({ status: 'captured', refundedCents: 0, refundStatus: 'REFUND_PENDING' });
    // A double tap: PPRO's same refund, not a second one.
    expect(await refundCharge(actions(), { chargeId: charge.id, amountCents: 1_000 })).toMatchObject({
      refundId: pending.refundId,
    });
    await expect(refundCharge(actions(), { chargeId: charge.id, amountCents: 500 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await followRefunds(actions());
    expect((await chargesOf(db, plan.id))[1]).toMatchObject({
      refundStatus: 'REFUND_PENDING',
      refundedCents: 0,
    });

    await advanceClock(sim.baseUrl, 2 * 60_000);
    await followRefunds(actions());
    expect((await chargesOf(db, plan.id))[1]).toMatchObject({
      status: 'captured',
      refundStatus: 'SUCCEEDED',
      refundedCents: 1_000,
    });
    await expect(refundCharge(actions(), { chargeId: charge.id, amountCents: 1_600 })).rejects.toMatchObject({
      code: 'REFUND_AMOUNT_TOO_HIGH',
    });

    const rest = await refundCharge(actions(), { chargeId: charge.id });
    expect(rest.refundId).not.toBe(pending.refundId);
    await advanceClock(sim.baseUrl, 2 * 60_000);
    await followRefunds(actions());
    expect((await chargesOf(db, plan.id))[1]).toMatchObject({ status: 'refunded', refundedCents: 2_500 });
    await expect(refundCharge(actions(), { chargeId: charge.id })).rejects.toMatchObject({
      code: 'PAYMENT_NOT_REFUNDABLE',
    });

    const booked = await agreementTransactions(db);
    expect(booked.map((t) => [t.amountCents, t.status, t.tillId])).toEqual([
      [2_500, 'succeeded', 'till-1'],
      [-1_000, 'succeeded', 'till-1'],
      [-1_500, 'succeeded', 'till-1'],
    ]);
    const atPpro = await testPproClient(sim.baseUrl).getCharge(charge.pproChargeId!);
    expect(atPpro.status).toBe('REFUNDED');
    expect(atPpro.refunds.map((r) => [r.amount, r.status])).toEqual([
      [1_000, 'SUCCEEDED'],
      [1_500, 'SUCCEEDED'],
    ]);
    // A rebuild of the totals from the books counts the charge and its refunds as they were booked.
    expect((await rebuildTotals(db)).differences).toBe(0);
  });
});
