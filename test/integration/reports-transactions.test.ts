import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransactionsCsv } from '../../electron/core/reports/csv-export';
import type { TransactionRowView } from '../../shared/contract';
import { addDays, formatDay, localTime } from '../../shared/domain/business-day';
import { TRAINING_TOPUP_PROFILE } from '../../electron/core/simulator';
import { openTrainingBooks } from '../support/database-sql';
import { reportSales } from '../support/report-sales';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { seedWristbands } from '../support/wristbands';

let kassa: StationWithShell;
let band: string;
let paid: { saleId: string; paymentId: string; bancontactId: string };
const today = () => formatDay(localTime(Date.now()).day);

/** One of everything: Bancontact paid, refused and cancelled, cash, a top-up and a wristband debit, on two tills. */
beforeAll(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  const sales = reportSales(kassa);
  await kassa.must('settings.setSalesSetup', {
    shops: [
      { id: 'bar', name: 'Bar' },
      { id: 'food', name: 'Food truck' },
    ],
    tills: [{ tillId: 'till-2', shopId: 'food', vatRate: 6, cashierId: 'anna' }],
  });
  [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  const sale = await sales.paid(1250, 'till-1');
  paid = { saleId: sale.id, paymentId: sale.payment!.id, bancontactId: sale.payment!.bancontactId! };
  await sales.refused(700, 'till-2');
  await sales.cancelled(990, 'till-1');
  await kassa.must('drawer.open', { tillId: 'till-2', floatCents: 0 });
  await sales.cash(1003, 1005, 'till-2');
  await sales.topUp(band, 5_000);
  await sales.wristband(band, 450, 'bar-1');
});
afterAll(async () => {
  await kassa.close();
});

const list = (input: Record<string, unknown> = {}) => kassa.must('reports.listTransactions', input);
const methodsOf = (rows: TransactionRowView[]) => rows.map((r) => r.method).sort();

describe('the transactions list', () => {
  it('holds every sale, payment attempt, top-up and debit, newest first, with who sold it where', async () => {
    const { rows, nextCursor } = await list();
    expect(nextCursor).toBeNull();
    expect(rows.map((r) => [r.method, r.status, r.amountCents])).toEqual([
      ['wristband', 'succeeded', 450],
      ['topup', 'succeeded', 5_000],
      ['cash', 'succeeded', 1003],
      ['bancontact_display', 'cancelled', 990],
      ['bancontact_display', 'refused', 700],
      ['bancontact_display', 'succeeded', 1250],
    ]);
    expect(rows.find((r) => r.method === 'cash')).toMatchObject({
      shopId: 'food',
      tillId: 'till-2',
      cashierId: 'anna',
      vatRate: 6,
      roundingCents: 2,
      businessDate: today(),
    });
    expect(rows.find((r) => r.method === 'topup')).toMatchObject({
      shopId: null,
      tillId: null,
      vatRate: null,
      wristbandId: band,
      profileId: TRAINING_TOPUP_PROFILE.ppid,
    });
    expect(rows.find((r) => r.method === 'wristband')).toMatchObject({
      shopId: 'bar',
      tillId: 'bar-1',
      vatRate: 21,
    });
  });

  it('filters by each field alone', async () => {
    expect(methodsOf((await list({ method: 'cash' })).rows)).toEqual(['cash']);
    expect((await list({ status: 'refused' })).rows.map((r) => r.amountCents)).toEqual([700]);
    expect((await list({ tillId: 'till-2' })).rows.map((r) => r.status).sort()).toEqual([
      'refused',
      'succeeded',
    ]);
    expect((await list({ shopId: 'food' })).rows).toHaveLength(2);
    expect((await list({ cashierId: 'anna' })).rows).toHaveLength(2);
    expect(methodsOf((await list({ profileId: TRAINING_TOPUP_PROFILE.ppid })).rows)).toEqual(['topup']);
    expect((await list({ from: today(), to: today() })).rows).toHaveLength(6);
    expect((await list({ from: formatDay(addDays(localTime(Date.now()).day, 1)) })).rows).toEqual([]);
  });

  it('finds a row by Bancontact id, by Kassa reference, by sale id and by wristband id in any spelling', async () => {
    for (const search of [paid.bancontactId, paid.paymentId, paid.saleId]) {
      expect((await list({ search })).rows.map((r) => r.id)).toEqual([`p:${paid.paymentId}`]);
    }
    const sloppy = band.toLowerCase().replace(/-/g, '');
    expect(methodsOf((await list({ search: sloppy })).rows)).toEqual(['topup', 'wristband']);
    expect((await list({ search: 'nothing-like-this' })).rows).toEqual([]);
  });

  it('pages with a cursor, every row exactly once', async () => {
    const first = await list({ limit: 4 });
    expect(first.rows).toHaveLength(4);
    const second = await list({ limit: 4, cursor: first.nextCursor });
    expect(second).toMatchObject({ nextCursor: null });
    const all = (await list()).rows.map((r) => r.id);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(all);
  });

  it("shows a payment's status timeline from the tracker's event log, and a cash sale's change", async () => {
    const detail = await kassa.must('reports.getTransaction', { id: `p:${paid.paymentId}` });
    // Callbacks also bring AUTHORIZED, which polling alone may not see: the steps around it are certain.
    const steps = detail.timeline.map((e) => e.to);
    expect(steps[0]).toBe('PENDING');
    expect(steps).toContain('IDENTIFIED');
    expect(steps.at(-1)).toBe('SUCCEEDED');
    expect(detail.timeline[0]).toMatchObject({ from: 'CREATING', source: 'create' });
    expect(detail.sale).toMatchObject({ id: paid.saleId, status: 'paid' });
    const cashRow = (await list({ method: 'cash' })).rows[0]!;
    const cash = await kassa.must('reports.getTransaction', { id: cashRow.id });
    expect(cash.cash).toMatchObject({
      dueCents: 1005,
      tenderedCents: 1005,
      changeCents: 0,
      roundingCents: 2,
    });
    expect(cash.timeline).toEqual([]);
    expect(await kassa.call('reports.getTransaction', { id: 'p:unknown' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses bad input with a clear message', async () => {
    const backwards = await kassa.call('reports.listTransactions', { from: '2026-12-05', to: '2026-12-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: ['to'] } });
    expect(backwards.ok || backwards.error.message).toContain('the end date is before the start date');
    for (const [input, field] of [
      [{ method: 'paypal' }, 'method'],
      [{ status: 'lost' }, 'status'],
      [{ from: '2026-02-30' }, 'from'],
      [{ colour: 'red' }, '(input)'],
    ] as const) {
      expect(await kassa.call('reports.listTransactions', input)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: [field] },
      });
    }
    expect(await kassa.call('reports.listTransactions', { cursor: 'garbage' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['cursor'] },
    });
    expect(await kassa.call('reports.exportCsv', { from: '2026-12-05', to: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['to'] },
    });
  });

  it('exports the same rows in the same order as the list, however small the pages', async () => {
    const listed = (await list()).rows.map((r) => [r.method, r.status]);
    const db = await openTrainingBooks(kassa.dataDir);
    try {
      for (const [filters, pageSize] of [
        [{}, 2],
        [{}, 6],
        [{ tillId: 'till-2' }, 1],
      ] as const) {
        const path = join(kassa.dataDir, `page-${pageSize}.csv`);
        const rows = await writeTransactionsCsv(db, filters, path, ';', pageSize);
        const lines = readFileSync(path, 'utf8').slice(1).trimEnd().split('\r\n').slice(1);
        expect(lines).toHaveLength(rows);
        const expected = filters.tillId
          ? (await list(filters)).rows.map((r) => [r.method, r.status])
          : listed;
        expect(lines.map((l) => l.split(';').slice(2, 4))).toEqual(expected);
      }
    } finally {
      await db.close();
    }
  });
});
