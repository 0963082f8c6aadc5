import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportSales } from '../support/report-sales';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
let sales: ReturnType<typeof reportSales>;
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  sales = reportSales(kassa);
});
afterEach(async () => {
  await kassa.close();
});

describe('X and Z reports', () => {
  it('shows exactly three paid Bancontact sales, one cancelled, and a cash sale with change', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 10_000 });
    await sales.paid(1250);
    await sales.paid(800);
    await sales.paid(2000);
    await sales.cancelled(990);
    const cash = await sales.cash(1002, 2000);
    expect(cash).toMatchObject({ dueCents: 1000, changeCents: 1000, roundingCents: -2 });
    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 4, cents: 1250 + 800 + 2000 + 1002 });
    expect(x.byMethod).toEqual([
      { method: 'bancontact_display', count: 3, cents: 4050 },
      { method: 'bancontact_sticker', count: 0, cents: 0 },
      { method: 'wristband', count: 0, cents: 0 },
      { method: 'cash', count: 1, cents: 1002 },
    ]);
    expect(x.bancontactNotPaid).toEqual({ cancelled: 1, expired: 0, refused: 0, failed: 0 });
    expect(x.byVatRate.find((v) => v.ratePercent === 21)).toEqual({
      ratePercent: 21,
      count: 4,
      grossCents: 5052,
      netCents: 4175,
      vatCents: 877,
    });
    expect(x.cash).toMatchObject({ roundingCents: -2, expectedCents: 11_000, countedCents: null });
  });
});
