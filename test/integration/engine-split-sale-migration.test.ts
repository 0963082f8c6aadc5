import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import * as schema from '../../electron/core/db/schema';
import { writeOlderDatabase } from '../support/older-database';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { MIGRATIONS, REPO_ROOT, tempDir } from '../support/temp';

/*
 * Books written before a split sale counted once (docs/register-rules.md, "Split tenders"): the
 * migration marks each paid sale's tender as the one that counts it, dates each cash tender at its
 * sale's creation (as it was booked until then), keeps a cancel's give-back out of the refunds and
 * starts the sale counts at the paid counts, so one-tender books read as before. The same rows on a
 * SQLite file and on a PostgreSQL database of its own, each migrated from the migrations before.
 */
const PG_BOOKS = join(REPO_ROOT, 'resources', 'pg-migrations');
const OLDER_SQLITE = 11; // 0000–0010
const OLDER_PG = 6; // 0000–0005

const DAY = 20261203;
const sale = (id: string, status: string, tender: string, at: number) =>
  `INSERT INTO sales (id, till_id, amount_cents, status, tender, idempotency_key, shop_id, cashier_id,
    vat_rate, created_at, updated_at) VALUES ('${id}', 'till-1', 1000, '${status}', '${tender}', 'k-${id}',
    'shop-1', 'c-1', 21, ${at}, ${at + 5})`;
const transaction = (source: string, method: string, status: string, saleId: string, amount: number) =>
  `INSERT INTO transactions (source, method, status, business_day, created_at, booked_at, amount_cents,
    shop_id, till_id, cashier_id, vat_rate, profile_id, sale_id) VALUES ('${source}', '${method}',
    '${status}', ${DAY}, 1000, 1000, ${amount}, 'shop-1', 'till-1', 'c-1', 21, '', '${saleId}')`;
const refund = (id: number, saleId: string, kind: string) =>
  `INSERT INTO sale_refunds (id, sale_id, kind, method, amount_cents, status, till_id, created_at, updated_at)
    VALUES (${id}, '${saleId}', '${kind}', 'cash', 1000, 'refunded', 'till-1', 9000, 9000)`;
const totals = (method: string, paid: number, cents: number) => [
  `INSERT INTO report_totals (business_day, shop_id, till_id, cashier_id, method, vat_rate, paid_count,
    paid_cents) VALUES (${DAY}, 'shop-1', 'till-1', 'c-1', '${method}', 21, ${paid}, ${cents})`,
  `INSERT INTO report_daily (business_day, shop_id, method, count, cents)
    VALUES (${DAY}, 'shop-1', '${method}', ${paid}, ${cents})`,
  `INSERT INTO report_hourly (business_day, hour, method, count, cents)
    VALUES (${DAY}, 13, '${method}', ${paid}, ${cents})`,
];

/** A cash sale, a Bancontact sale after a refused attempt, a refund and a cancelled sale's cash part. */
const LEGACY_BOOKS = [
  sale('s-cash', 'paid', 'cash', 1000),
  sale('s-card', 'paid', 'bancontact', 2000),
  sale('s-gone', 'cancelled', 'cash', 3000),
  `INSERT INTO drawer_sessions (id, till_id, status, cashier_id, opened_at, float_cents)
    VALUES ('d-1', 'till-1', 'open', 'c-1', 500, 0)`,
  `INSERT INTO cash_tenders (sale_id, session_id, due_cents, tendered_cents, change_cents, rounding_cents)
    VALUES ('s-cash', 'd-1', 1000, 1000, 0, 0), ('s-gone', 'd-1', 400, 400, 0, 0)`,
  `INSERT INTO payments (id, sale_id, profile_id, status, amount_cents, created_at, updated_at) VALUES
    ('pay-0', 's-card', 'PPID', 'AUTHORIZATION_FAILED', 1000, 2000, 2010),
    ('pay-1', 's-card', 'PPID', 'SUCCEEDED', 1000, 2100, 2110)`,
  transaction('c:s-cash', 'cash', 'succeeded', 's-cash', 1000),
  transaction('p:pay-0', 'bancontact_display', 'refused', 's-card', 1000),
  transaction('p:pay-1', 'bancontact_display', 'succeeded', 's-card', 1000),
  transaction('c:s-gone', 'cash', 'succeeded', 's-gone', 400),
  refund(1, 's-gone', 'cancel'),
  refund(2, 's-cash', 'refund'),
  transaction('r:1', 'cash', 'succeeded', 's-gone', -400),
  transaction('r:2', 'cash', 'succeeded', 's-cash', -1000),
  ...totals('cash', 2, 0),
  ...totals('bancontact_display', 1, 1000),
];

const READ = {
  completed: 'SELECT id, completed_by AS "completedBy" FROM sales ORDER BY id',
  counts: 'SELECT source, counts FROM transactions ORDER BY source',
  cashAt: 'SELECT sale_id AS "saleId", at FROM cash_tenders ORDER BY sale_id',
  saleCounts: `SELECT 'totals' AS t, method, paid_count AS n, sale_count AS sales FROM report_totals
    UNION ALL SELECT 'daily', method, count, sale_count FROM report_daily
    UNION ALL SELECT 'hourly', method, count, sale_count FROM report_hourly ORDER BY 1, 2`,
};

/** What the migration makes of LEGACY_BOOKS, on either engine. */
function expectMigrated(read: (sql: string) => unknown[]): void {
  expect(read(READ.completed)).toEqual([
    { id: 's-card', completedBy: 'p:pay-1' },
    { id: 's-cash', completedBy: 'cash' },
    { id: 's-gone', completedBy: null },
  ]);
  expect(read(READ.counts)).toEqual([
    { source: 'c:s-cash', counts: 1 },
    { source: 'c:s-gone', counts: 0 },
    { source: 'p:pay-0', counts: 0 },
    { source: 'p:pay-1', counts: 1 },
    { source: 'r:1', counts: 0 },
    { source: 'r:2', counts: 1 },
  ]);
  expect(read(READ.cashAt)).toEqual([
    { saleId: 's-cash', at: 1000 },
    { saleId: 's-gone', at: 3000 },
  ]);
  for (const row of read(READ.saleCounts) as { n: number; sales: number }[]) expect(row.sales).toBe(row.n);
}

let server: PostgresServer;
const folder = tempDir('kassa-split-migration-');
beforeAll(async () => {
  server = await startThrowawayPostgres();
  psql(server.baseUrl, 'postgres', 'CREATE DATABASE older_books');
}, 60_000);
afterAll(() => {
  server?.remove();
  folder.remove();
});

describe('books from before a split sale counted once', () => {
  it('on SQLite: the migration marks what counts and dates the cash, one tender one sale', async () => {
    const file = join(folder.dir, 'kassa.sqlite');
    writeOlderDatabase(file, OLDER_SQLITE, folder.dir);
    const older = new Database(file);
    for (const statement of LEGACY_BOOKS) older.exec(statement);
    older.close();
    const db = openDatabase({ file, migrationsFolder: MIGRATIONS });
    expectMigrated((sql) => db.client.prepare(sql).all());
    await db.close();
  });

  it('on PostgreSQL: the same rows, the same marks', async () => {
    const url = `${server.baseUrl}/older_books`;
    const olderMigrations = join(folder.dir, 'older-pg-migrations');
    cpSync(PG_BOOKS, olderMigrations, { recursive: true });
    const journalFile = join(olderMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, OLDER_PG) }));
    const older = new PostgresStore({ url }, schema);
    await older.migrate(olderMigrations, '__kassa_migrations');
    await older.close();
    for (const statement of LEGACY_BOOKS) psql(server.baseUrl, 'older_books', statement);
    const books = new PostgresStore({ url }, schema);
    await books.migrate(PG_BOOKS, '__kassa_migrations');
    await books.close();
    expectMigrated(
      (sql) =>
        JSON.parse(
          psql(server.baseUrl, 'older_books', `SELECT coalesce(json_agg(t), '[]') FROM (${sql}) t`),
        ) as unknown[],
    );
  });
});
