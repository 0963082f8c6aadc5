import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../shared/contract';
import { addDays, formatDay, localTime } from '../../shared/domain/business-day';
import { databaseSql } from '../support/database-sql';
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

const today = () => formatDay(localTime(Date.now()).day);
const tomorrow = () => formatDay(addDays(localTime(Date.now()).day, 1));

/** The day: three Bancontact sales paid, one cancelled, one cash sale that gets change. */
async function sellTheDay(): Promise<void> {
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 10_000 });
  await sales.paid(1250);
  await sales.paid(800);
  await sales.paid(2000);
  await sales.cancelled(990);
  const cash = await sales.cash(1002, 2000);
  expect(cash).toMatchObject({ dueCents: 1000, tenderedCents: 2000, changeCents: 1000, roundingCents: -2 });
}

async function download(path: string): Promise<Buffer> {
  const response = await fetch(kassa.shell.url + path);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** A GET whose Host header names another site, as a DNS-rebinding page's request would (fetch cannot set Host). */
function statusWithHost(path: string, host: string): Promise<number | undefined> {
  const url = new URL(kassa.shell.url);
  return new Promise((resolve, reject) => {
    const request = get({ hostname: url.hostname, port: url.port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
  });
}

function pdfText(bytes: Buffer): string {
  const file = join(kassa.dataDir, 'check.pdf');
  writeFileSync(file, bytes);
  // pdftotext writes no-break spaces as they are; a reader sees spaces.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /[\u00a0\u202f]/g,
    ' ',
  );
}

describe('the X report', () => {
  it('shows exactly three paid Bancontact sales, one cancelled, and a cash sale with change', async () => {
    await sellTheDay();
    const x = await kassa.must('reports.getX', {});
    expect(x).toMatchObject({ kind: 'x', number: null, businessDate: today() });
    expect(x.sales).toEqual({ count: 4, cents: 1250 + 800 + 2000 + 1002 });
    expect(x.byMethod).toEqual([
      { method: 'bancontact_display', count: 3, cents: 4050 },
      { method: 'bancontact_sticker', count: 0, cents: 0 },
      { method: 'wristband', count: 0, cents: 0 },
      { method: 'cash', count: 1, cents: 1002 },
      { method: 'agreement', count: 0, cents: 0 },
    ]);
    expect(x.bancontactNotPaid).toEqual({ cancelled: 1, expired: 0, refused: 0, failed: 0 });
    expect(x.byShop).toEqual([{ id: 'shop-1', name: 'Shop', count: 4, cents: 5052 }]);
    expect(x.byTill).toEqual([{ id: 'till-1', count: 4, cents: 5052 }]);
    expect(x.byCashier).toEqual([{ id: 'cashier-1', count: 4, cents: 5052 }]);
    expect(x.byVatRate.map((v) => v.ratePercent)).toEqual([21, 12, 6, 0]);
    expect(x.byVatRate[0]).toEqual({
      ratePercent: 21,
      count: 4,
      grossCents: 5052,
      netCents: 4175,
      vatCents: 877,
    });
    expect(x.cash).toMatchObject({
      sales: { count: 1, cents: 1002 },
      roundingCents: -2,
      expectedCents: 11_000,
      countedCents: null,
      differenceCents: null,
    });
    expect(x.hourly).toHaveLength(24);
    expect(x.hourly.reduce((n, p) => n + p.cents, 0)).toBe(5052);
  });
});

describe('the Z report', () => {
  it('closes the day with number 1; a sale made afterwards lands in the next day', async () => {
    await sellTheDay();
    const drawer = await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 10_950 });
    expect(drawer).toMatchObject({ expectedCents: 11_000, countedCents: 10_950, differenceCents: -50 });
    const z = await kassa.must('reports.closeDay', {});
    expect(z).toMatchObject({
      kind: 'z',
      number: 1,
      businessDate: today(),
      sales: { count: 4, cents: 5052 },
    });
    expect(z.cash).toMatchObject({ expectedCents: 11_000, countedCents: 10_950, differenceCents: -50 });

    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 5_000 });
    await sales.cash(700, 1000);
    const later = await kassa.must('reports.listTransactions', { method: 'cash' });
    expect(later.rows[0]).toMatchObject({ amountCents: 700, businessDate: tomorrow() });
    expect((await kassa.must('reports.getX', {})).businessDate).toBe(tomorrow());
    expect((await kassa.must('reports.getX', { date: tomorrow() })).sales).toEqual({ count: 1, cents: 700 });
    expect(await kassa.must('reports.getZ', { number: 1 })).toEqual(z);
    expect(await kassa.must('reports.listZ', {})).toEqual([
      { number: 1, businessDate: today(), closedAt: z.generatedAt, sales: { count: 4, cents: 5052 } },
    ]);
  });

  it('cannot be changed through any contract method, nor by SQL', async () => {
    await sellTheDay();
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 11_000 });
    const z = await kassa.must('reports.closeDay', {});
    const again = await kassa.call('reports.closeDay', { date: today() });
    expect(again).toMatchObject({ ok: false, error: { code: 'DAY_ALREADY_CLOSED' } });
    // Every method, with inputs that name this Z or this day: none may touch it.
    for (const name of Object.keys(methods) as MethodName[]) {
      if (name === 'settings.useTraining' || name === 'settings.goLive') continue;
      await kassa.call(name, {});
      await kassa.call(name, { number: 1, date: today(), kind: 'z' });
    }
    await kassa.must('reports.rebuildTotals', {});
    expect(await kassa.must('reports.getZ', { number: 1 })).toEqual(z);
    // The database itself refuses, on either engine: a trigger, not the station's code.
    const books = databaseSql(kassa.dataDir);
    expect(() => books.exec("update z_reports set report = '{}' where number = 1")).toThrow(/frozen/);
    expect(() => books.exec('delete from z_reports')).toThrow(/frozen/);
    expect(await kassa.must('reports.getZ', { number: 1 })).toEqual(z);
  });

  it('waits for the drawers to be counted, and refuses a day that has not started', async () => {
    await sellTheDay();
    const open = await kassa.call('reports.closeDay', {});
    expect(open).toMatchObject({ ok: false, error: { code: 'DRAWERS_OPEN' } });
    expect(open.ok || open.error.message).toContain('till-1');
    const future = await kassa.call('reports.closeDay', { date: tomorrow() });
    expect(future).toMatchObject({ ok: false, error: { code: 'DAY_NOT_STARTED' } });
    expect(await kassa.call('reports.getZ', { number: 1 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('PDF and CSV exports', () => {
  it('prints the X and Z totals in a PDF whose text pdftotext can read', async () => {
    await sellTheDay();
    const xPdf = await kassa.must('reports.exportPdf', { kind: 'x' });
    expect(xPdf.path).toMatch(/^\/downloads\/reports\/x-.*\.pdf$/);
    const xText = pdfText(await download(xPdf.path));
    expect(xText).toContain('X report');
    expect(xText).toMatch(/Sales\s+4\s+€50\.52/);
    expect(xText).toMatch(/Bancontact \(display\)\s+3\s+€40\.50/);
    expect(xText).toMatch(/Cash payments\s+1\s+€10\.02/);
    expect(xText).toMatch(/21 %\s+€50\.52\s+€41\.75\s+€8\.77/);
    expect(xText).toMatch(/Cancelled\s+1/);
    expect(xText).toMatch(/Rounding to 5 cents\s+-€0\.02/);
    expect(xText).toMatch(/Cash expected\s+€110\.00/);
    expect(xText).toContain('Sales per hour');

    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 10_950 });
    await kassa.must('settings.setLocale', { locale: 'nl' });
    await kassa.must('reports.closeDay', {});
    const zText = pdfText(
      await download((await kassa.must('reports.exportPdf', { kind: 'z', number: 1 })).path),
    );
    expect(zText).toContain(`Z-rapport 1 — ${today()}`);
    expect(zText).toMatch(/Verkopen\s+4\s+€ 50,52/);
    expect(zText).toMatch(/Geteld contant\s+€ 109,50/);
    expect(zText).toMatch(/Verschil\s+€ -0,50|Verschil\s+-€ 0,50/);
  });

  it('writes one CSV row per transaction, UTF-8 with a BOM, with ; and a decimal comma in nl', async () => {
    await sellTheDay();
    await kassa.must('settings.setLocale', { locale: 'nl' });
    const file = await kassa.must('reports.exportCsv', {});
    expect(file).toMatchObject({ rows: 5, contentType: 'text/csv; charset=utf-8' });
    const bytes = await download(file.path);
    expect(file.bytes).toBe(bytes.length);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^business_date;created_at;method;status;bancontact_status;amount_eur;/);
    const cash = lines.find((l) => l.includes(';cash;'));
    expect(cash).toContain(';cash;succeeded;;10,02;-0,02;21;shop-1;till-1;cashier-1;;');
    expect(lines.filter((l) => l.includes(';bancontact_display;succeeded;SUCCEEDED;'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes(';cancelled;CANCELLED;'))).toHaveLength(1);

    await kassa.must('settings.setLocale', { locale: 'en' });
    const en = (await download((await kassa.must('reports.exportCsv', { method: 'cash' })).path)).toString(
      'utf8',
    );
    expect(en.slice(1).split('\r\n')[1]).toContain(',10.02,-0.02,21,shop-1,');
  });
});

describe('payment methods and downloads', () => {
  it("counts a sticker till's payments as Bancontact sticker, apart from the display", async () => {
    await sales.paid(500);
    await kassa.must('settings.setStickerPosId', { stickerPosId: 'POS00001' });
    await sales.paid(700);
    await sales.cancelled(300);
    const x = await kassa.must('reports.getX', {});
    expect(x.byMethod.slice(0, 2)).toEqual([
      { method: 'bancontact_display', count: 1, cents: 500 },
      { method: 'bancontact_sticker', count: 1, cents: 700 },
    ]);
    expect(x.bancontactNotPaid.cancelled).toBe(1);
    const sticker = await kassa.must('reports.listTransactions', { method: 'bancontact_sticker' });
    expect(sticker.rows.map((r) => r.status).sort()).toEqual(['cancelled', 'succeeded']);
  });

  it('serves only the files it wrote, and only to this machine', async () => {
    const file = await kassa.must('reports.exportCsv', {});
    for (const path of [
      '/downloads/reports/x-2026-12-01-000000000000.pdf',
      '/downloads/reports/..%2Ftraining.sqlite',
      '/downloads/reports/settings.json',
    ]) {
      expect((await fetch(kassa.shell.url + path)).status, path).toBe(404);
    }
    expect(await statusWithHost(file.path, 'evil.example')).toBe(403);
    const own = await fetch(kassa.shell.url + file.path);
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="${file.fileName}"`);
    expect(own.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });
});
