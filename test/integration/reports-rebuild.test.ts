import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseSql } from '../support/database-sql';
import { reportSales } from '../support/report-sales';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { seedWristbands } from '../support/wristbands';

let kassa: StationWithShell;

/** The three totals tables as rows, zero rows left out (a rebuild writes none). */
function totals(): { totals: unknown[]; daily: unknown[]; hourly: unknown[] } {
  const read = (sql: string) => databaseSql(kassa.dataDir).rows(sql);
  return {
    totals: read(`select * from report_totals where paid_count <> 0 or paid_cents <> 0 or cancelled_count <> 0
      or expired_count <> 0 or refused_count <> 0 or failed_count <> 0 or rounding_cents <> 0
      order by business_day, shop_id, till_id, cashier_id, method, vat_rate`),
    daily: read(
      'select * from report_daily where count <> 0 or cents <> 0 order by business_day, shop_id, method',
    ),
    hourly: read(
      'select * from report_hourly where count <> 0 or cents <> 0 order by business_day, hour, method',
    ),
  };
}

/** SQL typed behind the station's back, as a person with access to its books could. */
const write = (sql: string): void => databaseSql(kassa.dataDir).exec(sql);

/** Two business days: a Z between them, and every kind of outcome on each side of it. */
beforeAll(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  const sales = reportSales(kassa);
  await kassa.must('settings.setSalesSetup', {
    tills: [{ tillId: 'till-2', vatRate: 12, cashierId: 'bob' }],
  });
  const [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  await sales.expired(333, 'till-1');
  await sales.paid(1250, 'till-1');
  await sales.paid(480, 'till-2');
  await sales.refused(700, 'till-2');
  await sales.cancelled(990, 'till-1');
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 2_000 });
  await sales.cash(1001, 1500, 'till-1');
  await sales.cash(1004, 1005, 'till-1');
  await sales.topUp(band, 3_000, { name: 'Anna', iban: 'NL91ABNA0417164300' });
  await sales.wristband(band, 650, 'bar-1');
  await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 4_005 });
  await kassa.must('reports.closeDay', {});
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 2_000 });
  await sales.cash(1002, 2000, 'till-1');
  await sales.paid(2500, 'till-2');
  await sales.refused(100, 'till-1');
  await sales.wristband(band, 200, 'bar-1');
  // After the event: what is left on the wristband goes back to its payer.
  await kassa.must('refunds.prepare', {});
  await kassa.must('topup.endEvent', { confirm: true });
  await kassa.must('refunds.export', { debtorName: 'Festival vzw', debtorIban: 'BE68 5390 0754 7034' });
});
afterAll(async () => {
  await kassa.close();
});

describe('rebuilding the totals from the raw rows', () => {
  it('gives exactly the running totals after a realistic mix over two business days', async () => {
    const running = totals();
    expect(running.daily.length).toBeGreaterThan(4);
    const xBefore = await kassa.must('reports.getX', {});
    const rebuilt = await kassa.must('reports.rebuildTotals', {});
    expect(rebuilt).toMatchObject({ differences: 0, rowsAdded: 0, bookings: 14 });
    expect(totals()).toEqual(running);
    expect(await kassa.must('reports.getX', {})).toEqual({ ...xBefore, generatedAt: expect.any(String) });
  });

  it('puts every row in the day it was booked in: the Z day holds the first day, the X the second with its refund', async () => {
    const z = await kassa.must('reports.getZ', { number: 1 });
    expect(z.sales).toEqual({ count: 5, cents: 1250 + 480 + 1001 + 1004 + 650 });
    expect(z.bancontactNotPaid).toEqual({ cancelled: 1, expired: 1, refused: 1, failed: 0 });
    expect(z.cash).toMatchObject({
      roundingCents: -1 + 1,
      expectedCents: 4_005,
      countedCents: 4_005,
      differenceCents: 0,
    });
    expect(z.byVatRate.find((v) => v.ratePercent === 12)?.grossCents).toBe(480);
    expect(z.wristbands).toEqual({
      topUps: { count: 1, cents: 3_000 },
      automaticTopUps: { count: 0, cents: 0 },
      spent: { count: 1, cents: 650 },
      refunds: { count: 0, cents: 0 },
      outstandingCents: 2_350,
    });
    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 3, cents: 1002 + 2500 + 200 });
    expect(x.bancontactNotPaid.refused).toBe(1);
    expect(x.wristbands).toMatchObject({ refunds: { count: 1, cents: 2_150 }, outstandingCents: 0 });
    expect(await kassa.must('topup.getLiability', {})).toMatchObject({
      refundedCents: 2_150,
      outstandingCents: 0,
    });
    const refund = await kassa.must('reports.listTransactions', { method: 'refund' });
    expect(refund.rows[0]).toMatchObject({ amountCents: 2_150, shopId: null, vatRate: null });
  });

  it('finds and repairs totals that drifted, and rebuilds an older database that had none', async () => {
    const running = totals();
    write("update report_daily set cents = cents + 1 where method = 'cash'");
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBeGreaterThan(0);
    expect(totals()).toEqual(running);
    write(
      'delete from transactions; delete from report_totals; delete from report_daily; delete from report_hourly;',
    );
    const legacy = await kassa.must('reports.rebuildTotals', {});
    expect(legacy.rowsAdded).toBe(14);
    expect(totals()).toEqual(running);
    expect((await kassa.must('reports.listTransactions', { limit: 200 })).rows).toHaveLength(14);
  });
});
