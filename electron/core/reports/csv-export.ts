import { open } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, desc, Placeholder, sql } from 'drizzle-orm';
import { formatDay, localTime, parseDay } from '../../../shared/domain/business-day';
import type { Db } from '../db/open-database';
import { transactions as t } from '../db/schema';
import { CSV_HEADER, csvLine, offsetWindows } from './csv-sql';
import { filterConditions, type TransactionFilters } from './transaction-queries';

export type CsvSeparator = ';' | ',';

/** Rows per query: large enough to be quick, small enough that memory stays flat and tills keep their turn. */
const PAGE = 5_000;
const BOM = '\ufeff';
/** Above any business day and row number: the first page's cursor. */
const START = { day: 99_991_231, seq: Number.MAX_SAFE_INTEGER };

type Cursor = { day: number; seq: number };

/**
 * Streams the filtered transactions to `path`, newest first like the list: UTF-8 with a BOM (so
 * Excel reads it as UTF-8), CRLF line ends. SQLite builds the lines (see csvLine for why); pages
 * are read by keyset and the loop yields to the event loop between them, so payments keep flowing
 * while a million rows are written, and only one page is ever held in memory.
 */
export async function writeTransactionsCsv(
  db: Db,
  filters: TransactionFilters,
  path: string,
  separator: CsvSeparator,
  pageSize = PAGE,
): Promise<number> {
  const { page, cursor } = prepare(db, filters, separator, pageSize);
  const file = await open(path, 'w');
  try {
    await file.write(BOM + CSV_HEADER.join(separator) + '\r\n');
    let rows = 0;
    let after: Cursor = START;
    for (;;) {
      const lines = page(after);
      if (lines.length > 0) await file.write(lines.join('\r\n') + '\r\n');
      rows += lines.length;
      const next = lines.length === pageSize ? cursor.get(after) : undefined;
      if (!next) return rows;
      after = next;
      await yieldToEventLoop();
    }
  } finally {
    await file.close();
  }
}

/**
 * The page query and the query for the last row of a page, both compiled once. The page is read with
 * `pluck`, one string per row: building an object per row would cost a million allocations more.
 */
function prepare(db: Db, filters: TransactionFilters, separator: CsvSeparator, pageSize: number) {
  const line = csvLine(separator, offsetWindows(...dayRange(db, filters)));
  const after = sql`(${t.businessDay}, ${t.seq}) < (${sql.placeholder('day')}, ${sql.placeholder('seq')})`;
  const where = and(...filterConditions(filters), after);
  const newestFirst = [desc(t.businessDay), desc(t.seq)] as const;
  const query = db
    .select({ line: sql<string>`${line}` })
    .from(t)
    .where(where)
    .orderBy(...newestFirst)
    .limit(PAGE)
    .toSQL();
  const statement = db.$client.prepare(query.sql).pluck();
  const bind = (cursor: Cursor) =>
    query.params.map((p) => (p instanceof Placeholder ? cursor[p.name as keyof Cursor] : p));
  const cursor = db
    .select({ day: t.businessDay, seq: t.seq })
    .from(t)
    .where(where)
    .orderBy(...newestFirst)
    .limit(1)
    .offset(pageSize - 1)
    .prepare();
  return { page: (after: Cursor) => statement.all(...bind(after)) as string[], cursor };
}

/** The days the export can touch, from the first of January of the first one: a row may be created the day before it counts. */
function dayRange(db: Db, filters: TransactionFilters): [number, number] {
  const bounds = db
    .select({
      min: sql<number | null>`min(${t.businessDay})`,
      max: sql<number | null>`max(${t.businessDay})`,
    })
    .from(t)
    .get();
  const today = localTime(Date.now()).day;
  const from = (filters.from ? parseDay(filters.from) : null) ?? bounds?.min ?? today;
  const to = (filters.to ? parseDay(filters.to) : null) ?? bounds?.max ?? today;
  return [Number(formatDay(from).slice(0, 4)) * 10_000 + 101, to];
}
