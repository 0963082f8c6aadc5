import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StationEvent } from '../../shared/contract';
import { reportSales } from '../support/report-sales';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
let sales: ReturnType<typeof reportSales>;
let events: StationEvent[];
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  sales = reportSales(kassa);
  events = [];
  kassa.station.events.subscribe((event) => events.push(event));
});
afterEach(async () => {
  await kassa.close();
});

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error?.code);
const payCash = (input: Record<string, unknown>) =>
  kassa.call('till.payCash', { idempotencyKey: sales.key(), tillId: 'till-1', ...input });

describe('the cash tender', () => {
  it('rounds the amount due to 5 cents the Belgian way and gives change', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const due: Record<number, number> = {
      1000: 1000,
      1001: 1000,
      1002: 1000,
      1003: 1005,
      1004: 1005,
      1006: 1005,
      1007: 1005,
      1008: 1010,
      1009: 1010,
    };
    for (const [amount, expected] of Object.entries(due)) {
      const sale = await sales.cash(Number(amount), 2000);
      expect(sale).toMatchObject({
        dueCents: expected,
        changeCents: 2000 - expected,
        roundingCents: expected - Number(amount),
      });
      expect(sale.sale).toMatchObject({
        amountCents: Number(amount),
        status: 'paid',
        tender: 'cash',
        payment: null,
      });
    }
    const drawer = await kassa.must('drawer.get', { tillId: 'till-1' });
    expect(drawer?.cashSalesCents).toBe(Object.values(due).reduce((a, b) => a + b, 0));
    // Each sale's event is pushed once its unit has committed, not before the answer: wait for them as a
    // screen would, then check that every cash sale was said exactly once.
    const cashChanges = () =>
      events.filter((e) => e.name === 'payments.changed' && e.payload.sale.tender === 'cash').length;
    await expect.poll(cashChanges, { timeout: 5_000 }).toBe(Object.keys(due).length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(cashChanges()).toBe(Object.keys(due).length);
  });

  it('takes exact cents when the cashRounding setting is 1', async () => {
    await kassa.must('settings.setSalesSetup', { cashRounding: 1 });
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    expect(await sales.cash(1003, 1003)).toMatchObject({ dueCents: 1003, changeCents: 0, roundingCents: 0 });
    expect(await kassa.must('settings.getSalesSetup', {})).toMatchObject({ cashRounding: 1 });
  });

  it('refuses too little cash, a closed drawer and an open Bancontact payment, and answers a retry with its sale', async () => {
    expect(codeOf(await payCash({ amountCents: 500, tenderedCents: 500 }))).toBe('DRAWER_NOT_OPEN');
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    expect(codeOf(await payCash({ amountCents: 1003, tenderedCents: 1004 }))).toBe('TENDERED_TOO_LOW');
    const input = { amountCents: 1250, tenderedCents: 5000, idempotencyKey: 'retry-me-please' };
    const first = await kassa.must('till.payCash', input);
    expect(await kassa.must('till.payCash', input)).toEqual(first);
    expect(codeOf(await kassa.call('till.payCash', { ...input, amountCents: 999 }))).toBe('CONFLICT');
    expect((await kassa.must('drawer.get', { tillId: 'till-1' }))?.cashSalesCents).toBe(1250);
    await kassa.must('till.startPayment', {
      amountCents: 100,
      idempotencyKey: sales.key(),
      tillId: 'till-1',
    });
    expect(codeOf(await payCash({ amountCents: 500, tenderedCents: 500 }))).toBe('PAYMENT_OPEN');
  });
});

describe('the cash drawer', () => {
  it('expects float + cash sales + cash in − cash out, and records the difference of the count', async () => {
    const opened = await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 15_000 });
    expect(opened).toMatchObject({
      status: 'open',
      floatCents: 15_000,
      expectedCents: 15_000,
      cashierId: 'cashier-1',
    });
    expect(codeOf(await kassa.call('drawer.open', { tillId: 'till-1', floatCents: 0 }))).toBe(
      'DRAWER_ALREADY_OPEN',
    );
    await sales.cash(1234, 2000);
    await kassa.must('drawer.cashIn', {
      tillId: 'till-1',
      amountCents: 5_000,
      reason: 'extra change from the safe',
    });
    await kassa.must('drawer.cashOut', {
      tillId: 'till-1',
      amountCents: 2_000,
      reason: 'paid the ice delivery',
    });
    const out = await kassa.call('drawer.cashOut', {
      tillId: 'till-1',
      amountCents: 1_000_000,
      reason: 'too much',
    });
    expect(codeOf(out)).toBe('NOT_ENOUGH_CASH');
    const expected = 15_000 + 1235 + 5_000 - 2_000;
    expect((await kassa.must('drawer.get', { tillId: 'till-1' }))?.expectedCents).toBe(expected);
    const closed = await kassa.must('drawer.close', { tillId: 'till-1', countedCents: expected - 35 });
    expect(closed).toMatchObject({
      status: 'closed',
      expectedCents: expected,
      countedCents: expected - 35,
      differenceCents: -35,
    });
    expect(closed.movements.map((m) => [m.kind, m.amountCents, m.reason])).toEqual([
      ['in', 5_000, 'extra change from the safe'],
      ['out', 2_000, 'paid the ice delivery'],
    ]);
    expect(closed.businessDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await kassa.must('drawer.get', { tillId: 'till-1' })).toEqual(closed);
    expect(codeOf(await kassa.call('drawer.close', { tillId: 'till-1', countedCents: 0 }))).toBe(
      'DRAWER_NOT_OPEN',
    );
    expect(await kassa.must('drawer.get', { tillId: 'till-9' })).toBeNull();
  });

  it('refuses a count that is not a number, and movements without a reason', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    for (const countedCents of ['12,50', 12.5, -1, null]) {
      expect(await kassa.call('drawer.close', { tillId: 'till-1', countedCents })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: ['countedCents'] },
      });
    }
    expect(
      await kassa.call('drawer.cashIn', { tillId: 'till-1', amountCents: 100, reason: '  ' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['reason'] },
    });
    expect(
      await kassa.call('till.payCash', {
        amountCents: 100,
        tenderedCents: 'lots',
        idempotencyKey: 'k-12345678',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['tenderedCents'] },
    });
  });
});
