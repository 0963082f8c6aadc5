import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { rawRun } from '../../electron/core/db/raw';
import {
  reportDaily,
  reportHourly,
  reportTotals,
  transactions,
  transactionVat,
} from '../../electron/core/db/schema';
import { writeTransactionsCsv } from '../../electron/core/reports/csv-export';
import { rebuildTotals } from '../../electron/core/reports/rebuild';
import { transactionPage, type TransactionFilters } from '../../electron/core/reports/transaction-queries';
import { copyBooks } from '../support/books-copy';
import { databaseSql } from '../support/database-sql';
import { startEnginePair, type EnginePair } from '../support/engine-pair';
import { reportSales } from '../support/report-sales';
import { signInAs } from '../support/sign-in';
import { startStationWithShell } from '../support/station-with-shell';
import { MIGRATIONS, tempDir } from '../support/temp';
import { seedWristbands } from '../support/wristbands';

let pair: EnginePair;
const folder = tempDir();
/** The books a real station wrote (SQLite), and a row-for-row copy of them on PostgreSQL. */
const books: { sqlite?: Db; postgres?: Db } = {};

/** Two business days with a Z between them and every kind of outcome (as reports-rebuild.test.ts). */
async function playTwoDays(): Promise<string> {
  const kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  const sales = reportSales(kassa);
  await kassa.must('settings.setSalesSetup', {
    tills: [{ tillId: 'till-2', vatRate: 12, cashierId: 'bob' }],
  });
  const [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  await sales.expired(333, 'till-1');
  await sales.paid(1250, 'till-1');
  await sales.refused(700, 'till-2');
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 2_000 });
  await sales.cash(1001, 1500, 'till-1');
  await sales.topUp(band, 3_000, { name: 'Anna', iban: 'NL91ABNA0417164300' });
  await sales.wristband(band, 650, 'bar-1');
  await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 3_001 });
  await kassa.must('reports.closeDay', {});
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 2_000 });
  await sales.cash(1002, 2000, 'till-1');
  await sales.paid(2500, 'till-2');
  await sales.wristband(band, 200, 'bar-1');
  await cashRefund(kassa, sales.key);
  const file = join(kassa.dataDir, 'training.sqlite');
  const copy = join(folder.dir, 'training.sqlite');
  await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 4_002 });
  // A consistent copy, WAL included, before the station's folder goes away with it.
  const outside = new Database(file);
  outside.exec(`VACUUM INTO '${copy}'`);
  outside.close();
  await kassa.close();
  return copy;
}

/**
 * A basket paid cash, and its fries given back by cash: a refund row `r:<id>` with negative parts per
 * rate (2 × Frieten 8.40 at 6 %: net -7.92, VAT -0.48).
 */
async function cashRefund(kassa: Awaited<ReturnType<typeof startStationWithShell>>, key: () => string) {
  databaseSql(kassa.dataDir, 'station').exec(`INSERT INTO articles
    (id, name, price_cents, vat_rate, active, shop_ids, created_at, updated_at) VALUES
    ('pils', 'Pils', 350, 21, 1, '[]', 0, 0), ('fries', 'Frieten', 420, 6, 1, '[]', 0, 0)`);
  const basket = {
    lines: [
      { articleId: 'pils', quantity: 3 },
      { articleId: 'fries', quantity: 2 },
    ],
  };
  const paid = await kassa.must('till.payCash', {
    ...{ amountCents: 1_890, tenderedCents: 2_000, idempotencyKey: key(), tillId: 'till-1', basket },
  });
  const manager = await signInAs(kassa.station, 'manager');
  const view = await manager.must('returns.get', { saleId: paid.sale.id });
  const fries = view.lines.find((line) => line.name === 'Frieten')!;
  await manager.must('returns.refund', {
    ...{ saleId: paid.sale.id, tender: view.tenders[0]!.source, idempotencyKey: key() },
    lines: [{ saleLineId: fries.saleLineId, quantity: 2 }],
  });
}

beforeAll(async () => {
  pair = await startEnginePair();
  books.sqlite = openDatabase({ file: await playTwoDays(), migrationsFolder: MIGRATIONS });
  books.postgres = await pair.books('postgres');
  await copyBooks(books.sqlite, books.postgres);
}, 120_000);
afterAll(async () => {
  await books.sqlite?.close();
  await pair?.end();
  folder.remove();
});

const both = () => [books.sqlite!, books.postgres!] as const;

/** The three totals tables, zero rows left out, in key order. */
async function totals(db: Db) {
  return db.read(async (q) => ({
    totals: (
      await q
        .select()
        .from(reportTotals)
        .orderBy(
          asc(reportTotals.businessDay),
          asc(reportTotals.tillId),
          asc(reportTotals.method),
          asc(reportTotals.vatRate),
        )
    ).filter(
      (r) =>
        r.paidCount ||
        r.paidCents ||
        r.cancelledCount ||
        r.expiredCount ||
        r.refusedCount ||
        r.failedCount ||
        r.roundingCents,
    ),
    daily: (
      await q
        .select()
        .from(reportDaily)
        .orderBy(asc(reportDaily.businessDay), asc(reportDaily.shopId), asc(reportDaily.method))
    ).filter((r) => r.count || r.cents),
    hourly: (
      await q
        .select()
        .from(reportHourly)
        .orderBy(asc(reportHourly.businessDay), asc(reportHourly.hour), asc(reportHourly.method))
    ).filter((r) => r.count || r.cents),
  }));
}

/** Negative parts per rate as refunds and cancels carry them, down to a cent and with a zero in the cents. */
const NEGATIVE_PARTS = [
  { source: 'x:3', vatRate: 21, grossCents: -1_270, netCents: -1_050, vatCents: -220 },
  { source: 'x:3', vatRate: 6, grossCents: -880, netCents: -830, vatCents: -50 },
  { source: 'x:5', vatRate: 21, grossCents: -5, netCents: -4, vatCents: -1 },
];

/** Rows the station's run cannot give: a summer time, a refund, names that need quotes, in one millisecond. */
const ODD_ROWS = [
  {
    source: 'x:1',
    createdAt: Date.UTC(2026, 6, 4, 21, 59, 59, 999),
    businessDay: 20260704,
    tillId: 'Bar; "Noord"',
  },
  {
    source: 'x:2',
    createdAt: Date.UTC(2026, 2, 29, 0, 30),
    businessDay: 20260329,
    cashierId: 'Jan\nPeeters',
  },
  {
    source: 'x:3',
    createdAt: Date.UTC(2026, 9, 25, 1, 30),
    businessDay: 20261025,
    amountCents: -2_150,
    vatRate: null,
  },
  { source: 'x:4', createdAt: Date.UTC(2026, 9, 25, 0, 59, 59), businessDay: 20261025, shopId: 'Shop, "A"' },
  { source: 'x:5', createdAt: Date.UTC(2026, 9, 26, 9), businessDay: 20261026, amountCents: -5 },
].map((row) => ({
  method: 'cash',
  status: 'succeeded',
  bookedAt: row.createdAt,
  amountCents: 5,
  roundingCents: -2,
  shopId: 'shop-1',
  tillId: 'till-1',
  cashierId: 'c1',
  vatRate: 6,
  profileId: '',
  ...row,
}));

describe('the transactions CSV on SQLite and PostgreSQL', () => {
  it('is the same bytes on both engines, with either separator, read a few rows per page', async () => {
    for (const db of both())
      await db.write(async (tx) => {
        await tx.insert(transactions).values(ODD_ROWS);
        await tx.insert(transactionVat).values(NEGATIVE_PARTS);
      });
    for (const separator of [';', ','] as const) {
      const files = [];
      for (const [n, db] of both().entries()) {
        const path = join(folder.dir, `export-${n}${separator === ';' ? 'semicolon' : 'comma'}.csv`);
        const rows = await writeTransactionsCsv(db, {}, path, separator, 4);
        files.push({ rows, bytes: readFileSync(path) });
      }
      expect(files[0]!.rows).toBeGreaterThan(12);
      const text = files[0]!.bytes.toString();
      if (separator === ';') {
        expect(text).toContain(
          '2026-07-04;2026-07-04 23:59:59;cash;succeeded;;0,05;-0,02;6;shop-1;"Bar; ""Noord""";c1;;',
        );
        expect(text).toContain(
          '2026-10-25;2026-10-25 02:30:00;cash;succeeded;;-21,50;-0,02;;shop-1;till-1;c1;;;;;;-18,80;-2,70\r\n',
        );
        expect(text).toContain(';-0,05;-0,02;6;shop-1;till-1;c1;;;;;;-0,04;-0,01\r\n');
        // The station's own refund of two Frieten (6 %), by cash.
        expect(text).toMatch(/;cash;succeeded;;-8,40;0,00;21;[^\r]*;-7,92;-0,48\r\n/);
        expect(text).toContain('2026-10-25;2026-10-25 02:59:59;');
        expect(text).toContain(
          '2026-03-29;2026-03-29 01:30:00;cash;succeeded;;0,05;-0,02;6;shop-1;till-1;"Jan\nPeeters";;',
        );
      } else expect(text).toContain(',"Shop, ""A""",till-1,c1,,');
      expect(files[1]!.bytes.toString()).toEqual(files[0]!.bytes.toString());
      expect(files[1]).toEqual(files[0]);
    }
    const filtered = [];
    for (const db of both()) {
      const path = join(folder.dir, `filtered-${filtered.length}.csv`);
      await writeTransactionsCsv(db, { method: 'cash', from: '2026-03-01', to: '2026-10-31' }, path, ';', 2);
      filtered.push(readFileSync(path, 'utf8'));
    }
    expect(filtered[0]!.split('\r\n')).toHaveLength(7);
    expect(filtered[1]).toEqual(filtered[0]);
  });
});

describe('the transactions list on SQLite and PostgreSQL', () => {
  it('pages through the same rows in the same order, across business days, with and without a filter', async () => {
    const ids = async (db: Db, filters: TransactionFilters, limit: number) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await transactionPage(db, filters, { limit, ...(cursor ? { cursor } : {}) });
        seen.push(...page.rows.map((row) => `${row.businessDate} ${row.id}`));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    for (const filters of [{}, { method: 'cash' }, { tillId: 'till-1' }] as TransactionFilters[]) {
      const all = await ids(books.sqlite!, filters, 500);
      expect(all.length).toBeGreaterThan(2);
      for (const db of both())
        for (const limit of [1, 2, 3]) expect(await ids(db, filters, limit)).toEqual(all);
    }
    // Newest business day first, over the station's two days and the odd rows' four.
    const days = (await ids(books.postgres!, {}, 2)).map((row) => row.slice(0, 10));
    expect(new Set(days).size).toBeGreaterThan(4);
    expect(days).toEqual([...days].sort().reverse());
  });
});

describe('rebuilding the totals on SQLite and PostgreSQL', () => {
  it('finds the same drift, repairs it, and rebuilds a book that lost its transactions list alike', async () => {
    const running = await totals(books.sqlite!);
    expect(running.daily.length).toBeGreaterThan(3);
    expect(await totals(books.postgres!)).toEqual(running);
    const outcomes = [];
    for (const db of both()) {
      await db.write((tx) =>
        tx
          .update(reportDaily)
          .set({ cents: sql`${reportDaily.cents} + 1` })
          .where(eq(reportDaily.method, 'cash')),
      );
      const drift = await rebuildTotals(db);
      await db.write(async (tx) => {
        for (const table of ['transactions', 'report_totals', 'report_daily', 'report_hourly'])
          await rawRun(tx, sql.raw(`DELETE FROM ${table}`));
      });
      const legacy = await rebuildTotals(db);
      expect(await totals(db)).toEqual(running);
      outcomes.push(
        [drift, legacy].map(({ bookings, rowsAdded, differences }) => ({ bookings, rowsAdded, differences })),
      );
    }
    expect(outcomes[0]).toEqual([
      // Nine bookings of the two days, and the cash sale and refund of cashRefund.
      { bookings: 11, rowsAdded: 0, differences: 2 },
      { bookings: 11, rowsAdded: 11, differences: 23 },
    ]);
    expect(outcomes[1]).toEqual(outcomes[0]);
  });
});
