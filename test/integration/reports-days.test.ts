import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
/** The station's clock, moved by the tests; Brussels is UTC+1 in winter. */
let clock = Date.parse('2026-01-15T10:00:00Z');
beforeEach(async () => {
  clock = Date.parse('2026-01-15T10:00:00Z');
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000, now: () => clock });
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
});
afterEach(async () => {
  await kassa.close();
});

let n = 0;
async function cashAt(iso: string, amountCents: number, tillId = 'till-1'): Promise<void> {
  clock = Date.parse(iso);
  await kassa.must('till.payCash', {
    amountCents,
    tenderedCents: amountCents + 5,
    idempotencyKey: `day-key-${n++}`,
    tillId,
  });
}

describe('the summary cards', () => {
  it('add up today, this week (from Monday), this month and this year, per method and shop, with an hourly series', async () => {
    await cashAt('2026-01-15T10:00:00Z', 100);
    await cashAt('2026-11-02T10:00:00Z', 200);
    await cashAt('2026-11-30T10:00:00Z', 400); // Monday of the week of 1 December
    await cashAt('2026-12-01T08:30:00Z', 800); // 09:30 in Brussels
    await cashAt('2026-12-01T13:10:00Z', 1600); // 14:10 in Brussels
    clock = Date.parse('2026-12-01T18:00:00Z');
    const cards = await kassa.must('reports.getSummaries', {});
    expect(cards.businessDate).toBe('2026-12-01');
    expect(cards.today).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-01',
      sales: { count: 2, cents: 2400 },
    });
    expect(cards.week).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
      sales: { count: 3, cents: 2800 },
    });
    expect(cards.month).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-31',
      sales: { count: 2, cents: 2400 },
    });
    expect(cards.year).toMatchObject({
      from: '2026-01-01',
      to: '2026-12-31',
      sales: { count: 5, cents: 3100 },
    });
    expect(cards.year.byMethod.find((m) => m.method === 'cash')).toEqual({
      method: 'cash',
      count: 5,
      cents: 3100,
    });
    expect(cards.year.byShop).toEqual([{ id: 'shop-1', name: 'Shop', count: 5, cents: 3100 }]);
    expect(cards.hourlyToday.filter((p) => p.count > 0)).toEqual([
      { hour: 9, count: 1, cents: 800 },
      { hour: 14, count: 1, cents: 1600 },
    ]);
  });
});

describe('closing business days', () => {
  it('closes days in order; a sale after the Z of the day, before midnight, belongs to the next day', async () => {
    await cashAt('2026-11-30T20:00:00Z', 500);
    await cashAt('2026-12-01T09:00:00Z', 700);
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 1200 });
    const skipped = await kassa.call('reports.closeDay', {});
    expect(skipped).toMatchObject({ ok: false, error: { code: 'EARLIER_DAY_OPEN' } });
    expect(skipped.ok || skipped.error.message).toContain('2026-11-30');
    expect(await kassa.must('reports.closeDay', { date: '2026-11-30' })).toMatchObject({
      number: 1,
      sales: { cents: 500 },
    });
    // The drawer was counted on 1 December, so its count belongs to that day's Z.
    const z2 = await kassa.must('reports.closeDay', {});
    expect(z2).toMatchObject({ number: 2, businessDate: '2026-12-01', sales: { cents: 700 } });
    expect(z2.cash).toMatchObject({ countedCents: 1200, differenceCents: 0 });
    expect(await kassa.call('reports.closeDay', { date: '2026-11-29' })).toMatchObject({
      ok: false,
      error: { code: 'DAY_ALREADY_CLOSED' },
    });
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await cashAt('2026-12-01T21:00:00Z', 900); // 22:00 in Brussels, still 1 December
    const x = await kassa.must('reports.getX', {});
    expect(x).toMatchObject({ businessDate: '2026-12-02', sales: { count: 1, cents: 900 } });
    expect((await kassa.must('reports.getSummaries', {})).today.sales).toEqual({ count: 1, cents: 900 });
    expect((await kassa.must('reports.getZ', { number: 2 })).sales).toEqual({ count: 1, cents: 700 });
    expect((await kassa.must('reports.listZ', {})).map((z) => [z.number, z.businessDate])).toEqual([
      [2, '2026-12-01'],
      [1, '2026-11-30'],
    ]);
  });

  it('lets a drawer opened for the next day stay open while yesterday is closed', async () => {
    await cashAt('2026-11-30T20:00:00Z', 500);
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 500 });
    clock = Date.parse('2026-12-01T07:00:00Z');
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 10_000 });
    expect(await kassa.must('reports.closeDay', { date: '2026-11-30' })).toMatchObject({
      number: 1,
      cash: { countedCents: 500, drawers: [expect.objectContaining({ status: 'closed' })] },
    });
  });
});
