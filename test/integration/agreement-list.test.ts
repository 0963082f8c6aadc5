import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import { agreementCharges, agreements } from '../../electron/core/db/schema';
import type { AgreementStatus } from '../../shared/domain/recurring-plans';
import { chargeIdempotencyKey } from '../../shared/domain/recurring-plans';
import { openTrainingBooks } from '../support/database-sql';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

/*
 * Issue 15 point 5: the Agreements screen's calls. The agreements are written into the running mode's
 * books as the till and the scheduler write them; what is asserted is what a manager's call answers.
 */

let kassa: StationWithShell;
let books: Db;
let manager: SignedIn;
beforeEach(async () => {
  kassa = await startStationWithShell();
  books = await openTrainingBooks(kassa.dataDir);
  manager = await signInAs(kassa.station, 'manager');
});
afterEach(async () => {
  await books.close().catch(() => undefined);
  await kassa.close();
});

const DAY = 86_400_000;
const START = Date.parse('2026-01-31T17:00:00Z');

interface Spec {
  id: string;
  name: string;
  status: AgreementStatus;
  createdAt: number;
  kind?: 'plan' | 'auto_topup';
  revokedBy?: 'merchant' | 'consumer' | 'event_end';
}

async function agreement(spec: Spec): Promise<void> {
  const plan = (spec.kind ?? 'plan') === 'plan';
  await books.write((tx) =>
    tx.insert(agreements).values({
      id: spec.id,
      pproId: `agr_${spec.id}`,
      kind: spec.kind ?? 'plan',
      status: spec.status,
      pproStatus: spec.status === 'active' ? 'ACTIVE' : null,
      shopId: 'shop-1',
      tillId: 'till-1',
      cashierId: 'cashier-1',
      description: plan ? 'Lidgeld tennisclub' : 'Polsbandje',
      amountCents: plan ? 1500 : 2000,
      vatRate: plan ? 21 : null,
      period: plan ? 'month' : null,
      chargeCount: plan ? 12 : null,
      wristbandId: plan ? null : 'band-7',
      thresholdCents: plan ? null : 500,
      consumerName: spec.name,
      consumerEmail: 'lid@example.test',
      termsVersion: '2026-01',
      termsAcceptedAt: spec.createdAt,
      idempotencyKey: `till:${spec.id}`,
      anchorAt: spec.createdAt,
      nextChargeAt: spec.status === 'active' && plan ? spec.createdAt + 28 * DAY : null,
      revokedAt: spec.revokedBy ? spec.createdAt + DAY : null,
      revokedBy: spec.revokedBy ?? null,
      createdAt: spec.createdAt,
      updatedAt: spec.createdAt,
    }),
  );
}

type ChargeStatus = 'due' | 'sent' | 'captured' | 'failed' | 'refunded';
async function charge(agreementId: string, period: number, status: ChargeStatus, extra = {}) {
  const dueAt = START + period * 28 * DAY;
  await books.write((tx) =>
    tx.insert(agreementCharges).values({
      id: `${agreementId}-c${period}`,
      agreementId,
      period,
      idempotencyKey: chargeIdempotencyKey(agreementId, period),
      pproChargeId: status === 'due' ? null : `chg_${agreementId}_${period}`,
      status,
      amountCents: 1500,
      dueAt,
      capturedAt: status === 'captured' || status === 'refunded' ? dueAt : null,
      createdAt: dueAt,
      updatedAt: dueAt,
      ...extra,
    }),
  );
}

describe('the Agreements screen', () => {
  it('lists agreements newest first, paged, with the charges taken so far', async () => {
    const statuses: AgreementStatus[] = ['active', 'pending', 'failed', 'revoked', 'ended'];
    for (let i = 0; i < 30; i++) {
      const status = statuses[i % 5]!;
      await agreement({
        id: `a${String(i).padStart(2, '0')}`,
        name: i % 3 === 0 ? `Anna Peeters ${i}` : `Jan Janssens ${i}`,
        status,
        createdAt: START + i * DAY,
        revokedBy: status === 'revoked' ? 'consumer' : undefined,
      });
    }
    await charge('a29', 0, 'captured');
    await charge('a29', 1, 'refunded', { refundedCents: 1500, refundStatus: 'SUCCEEDED' });
    await charge('a29', 2, 'failed', { attempts: 4, lastError: 'DECLINED: insufficient funds' });

    const first = await manager.must('agreements.list', {});
    expect(first.total).toBe(30);
    expect(first.agreements).toHaveLength(25);
    expect(first.agreements[0]).toEqual({
      id: 'a29',
      consumerName: 'Jan Janssens 29',
      description: 'Lidgeld tennisclub',
      kind: 'plan',
      amountCents: 1500,
      period: 'month',
      chargeCount: 12,
      chargesTaken: 2,
      status: 'ended',
      revokedBy: null,
      nextChargeAt: null,
      createdAt: START + 29 * DAY,
    });
    const second = await manager.must('agreements.list', { offset: 25 });
    expect(second.agreements.map((a) => a.id)).toEqual(['a04', 'a03', 'a02', 'a01', 'a00']);
    expect(second.agreements[4]).toMatchObject({ status: 'active', nextChargeAt: START + 28 * DAY });
    expect(second.agreements[1]).toMatchObject({ status: 'revoked', revokedBy: 'consumer' });
  });

  it('filters by status and finds a part of the consumer name, whatever its case or accents', async () => {
    await agreement({ id: 'x1', name: 'Élise Dubois', status: 'active', createdAt: START });
    await agreement({ id: 'x2', name: 'Marc DUBOIS', status: 'revoked', createdAt: START + DAY });
    await agreement({ id: 'x3', name: 'Anna 100%_Peeters', status: 'active', createdAt: START + 2 * DAY });
    const ids = async (input: object) =>
      (await manager.must('agreements.list', input)).agreements.map((a) => a.id);
    expect(await ids({ status: 'active' })).toEqual(['x3', 'x1']);
    expect(await ids({ search: 'dubois' })).toEqual(['x2', 'x1']);
    // Without regard to accents, alike on both engines.
    expect(await ids({ search: 'elise' })).toEqual(['x1']);
    expect(await ids({ search: 'ÉLISE D' })).toEqual(['x1']);
    expect(await ids({ search: 'dubois', status: 'revoked' })).toEqual(['x2']);
    // % and _ are letters in a search, not wildcards.
    expect(await ids({ search: '0%_p' })).toEqual(['x3']);
    expect(await ids({ search: '%' })).toEqual(['x3']);
    expect(await manager.must('agreements.list', { search: 'nobody' })).toEqual({ agreements: [], total: 0 });
    // A search pages like the rest.
    const second = await manager.must('agreements.list', { search: 's', limit: 2, offset: 1 });
    expect({ ids: second.agreements.map((a) => a.id), total: second.total }).toEqual({
      ids: ['x2', 'x1'],
      total: 3,
    });
  });

  it('opens one agreement with its charges and the consumer approval of the terms', async () => {
    await agreement({ id: 'd1', name: 'Anna Peeters', status: 'active', createdAt: START });
    await charge('d1', 0, 'captured', { receiptMailedAt: START + 60_000 });
    await charge('d1', 1, 'refunded', { refundedCents: 1500, refundStatus: 'SUCCEEDED' });
    await charge('d1', 2, 'due', {
      attempts: 2,
      lastError: 'DECLINED: insufficient funds',
      nextAttemptAt: START + 57 * DAY,
      receiptMailError: null,
    });
    const detail = await manager.must('agreements.detail', { agreementId: 'd1' });
    expect(detail).toMatchObject({
      id: 'd1',
      pproId: 'agr_d1',
      pproStatus: 'ACTIVE',
      status: 'active',
      chargesTaken: 2,
      consumerEmail: 'lid@example.test',
      termsVersion: '2026-01',
      termsAcceptedAt: START,
      vatRate: 21,
      revokedAt: null,
    });
    expect(detail.charges.map((c) => [c.period, c.status, c.pproChargeId, c.attempts])).toEqual([
      [0, 'captured', 'chg_d1_0', 0],
      [1, 'refunded', 'chg_d1_1', 0],
      [2, 'due', null, 2],
    ]);
    expect(detail.charges[0]).toMatchObject({ receiptMailedAt: START + 60_000, capturedAt: START });
    expect(detail.charges[1]).toMatchObject({ refundedCents: 1500, refundStatus: 'SUCCEEDED' });
    expect(detail.charges[2]).toMatchObject({
      dueAt: START + 56 * DAY,
      lastError: 'DECLINED: insufficient funds',
      nextAttemptAt: START + 57 * DAY,
      receiptMailedAt: null,
    });
    const missing = await manager.call('agreements.detail', { agreementId: 'nope' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('refuses a cashier and a financial user', async () => {
    await agreement({ id: 'p1', name: 'Anna Peeters', status: 'active', createdAt: START });
    for (const role of ['cashier', 'financial'] as const) {
      const person = await signInAs(kassa.station, role);
      const list = await person.call('agreements.list', {});
      expect(list.ok ? 'OK' : list.error.code).toBe('FORBIDDEN');
      const detail = await person.call('agreements.detail', { agreementId: 'p1' });
      expect(detail.ok ? 'OK' : detail.error.code).toBe('FORBIDDEN');
    }
  });
});
