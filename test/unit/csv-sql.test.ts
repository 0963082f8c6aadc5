import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rawRow } from '../../electron/core/db/raw';
import { csvLine, offsetWindows } from '../../electron/core/reports/csv-sql';
import { transactions } from '../../electron/core/db/schema';
import { formatLocalDateTime } from '../../shared/domain/business-day';

/** One transactions row in a bare in-memory table, written out by the export's own SQL. */
async function line(
  row: Partial<typeof transactions.$inferInsert>,
  separator = ';',
  created = Date.parse('2026-07-01T10:00:00Z'),
): Promise<string> {
  const client = new Database(':memory:');
  client.exec(`CREATE TABLE transactions (seq INTEGER PRIMARY KEY, source TEXT, method TEXT, status TEXT, payment_status TEXT,
    business_day INTEGER, created_at INTEGER, booked_at INTEGER, amount_cents INTEGER, rounding_cents INTEGER, shop_id TEXT,
    till_id TEXT, cashier_id TEXT, vat_rate INTEGER, profile_id TEXT, sale_id TEXT, payment_id TEXT, bancontact_id TEXT, wristband_id TEXT,
    counts INTEGER);
    CREATE TABLE transaction_vat (source TEXT, vat_rate INTEGER, gross_cents INTEGER, net_cents INTEGER, vat_cents INTEGER);
    INSERT INTO transaction_vat VALUES ('c:1', 21, 1002, 828, 174),
      ('r:1', 21, -1270, -1050, -220), ('r:1', 6, -880, -830, -50), ('r:2', 21, -5, -4, -1)`);
  const db = drizzle(client);
  await db.insert(transactions).values({
    ...{
      source: 'c:1',
      method: 'cash',
      status: 'succeeded',
      businessDay: 20260701,
      createdAt: created,
      bookedAt: created,
    },
    ...{
      amountCents: 1002,
      roundingCents: -2,
      shopId: 'shop-1',
      tillId: 'till-1',
      cashierId: 'c1',
      vatRate: 21,
      profileId: '',
    },
    ...row,
  });
  const windows = offsetWindows(20250101, 20271231);
  const found = await rawRow<{ line: string }>(
    db,
    sql`select ${csvLine(separator, windows)} as line from transactions`,
  );
  return found!.line;
}

describe('a CSV line built by SQLite', () => {
  it('writes amounts with the decimal mark of the separator, through integers only', async () => {
    expect(await line({})).toBe(
      '2026-07-01;2026-07-01 12:00:00;cash;succeeded;;10,02;-0,02;21;shop-1;till-1;c1;;;;;;8,28;1,74',
    );
    // A row without parts per rate (a top-up moves no VAT) leaves net and VAT empty.
    expect(await line({ source: 'e:7', vatRate: null })).toMatch(/;;$/);
    expect(await line({ amountCents: 999_999_999_999, roundingCents: 5 }, ',')).toContain(
      ',9999999999.99,0.05,',
    );
  });

  it('writes negative net and VAT (refunds, cancels) as it writes negative amounts: sign, then the amount', async () => {
    expect(await line({ source: 'r:1', amountCents: -2150 })).toMatch(/;-21,50;-0,02;21;.*;-18,80;-2,70$/);
    expect(await line({ source: 'r:2', amountCents: -5 })).toMatch(/;-0,05;-0,02;21;.*;-0,04;-0,01$/);
    expect(await line({ source: 'r:2', amountCents: -5 }, ',')).toMatch(/,-0\.05,-0\.02,21,.*,-0\.04,-0\.01$/);
  });

  it('quotes a field holding the separator, a quote or a line break, doubling its quotes', async () => {
    expect(await line({ shopId: 'a;b', tillId: 'say "hi"', cashierId: 'two\nlines' })).toContain(
      ';"a;b";"say ""hi""";"two\nlines";',
    );
    expect(await line({ shopId: 'a;b' }, ',')).toContain(',a;b,');
  });

  it('writes Brussels time the way the rest of the station does, on both sides of each clock change', async () => {
    for (const iso of [
      '2026-03-29T00:59:59Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T00:59:59Z',
      '2026-10-25T01:00:00Z',
      '2027-01-15T23:30:00Z',
    ]) {
      const ms = Date.parse(iso);
      expect((await line({ createdAt: ms })).split(';')[1], iso).toBe(formatLocalDateTime(ms));
    }
  });
});
