import { sql, type SQL } from 'drizzle-orm';
import { rawRows, rawRun } from './raw';
import type { Engine } from './unit-of-work';

/*
 * The few spots where SQLite's and PostgreSQL's SQL differ, in one place. A query handle does not say
 * its engine, but its shape does: drizzle's PostgreSQL databases answer `execute`, its SQLite ones
 * `all` (the same test db/raw.ts makes).
 */

/** The engine a query handle (a unit of work's `q`/`tx`) runs on. */
export function engineOf(q: object): Engine {
  const pg = typeof (q as { execute?: unknown }).execute === 'function' && !('all' in q);
  return pg ? 'postgres' : 'sqlite';
}

/** The larger of two non-null values: SQLite's two-argument `max`, PostgreSQL's `greatest`. */
export function greatest(q: object, a: SQL | number, b: SQL | number): SQL {
  return engineOf(q) === 'postgres' ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;
}

/** The smaller of two non-null values: SQLite's two-argument `min`, PostgreSQL's `least`. */
export function least(q: object, a: SQL | number, b: SQL | number): SQL {
  return engineOf(q) === 'postgres' ? sql`least(${a}, ${b})` : sql`min(${a}, ${b})`;
}

let cursors = 0;

/**
 * The rows of `query`, `batch` at a time, through a server-side cursor of the unit's transaction
 * (PostgreSQL): a million rows never sit in memory at once, as SQLite's `.iterate()` keeps them out.
 * Must run inside a unit of work: a cursor lives as long as its transaction.
 */
export async function* cursorRows<T>(tx: object, query: SQL, batch = 5_000): AsyncGenerator<T[]> {
  const name = sql.raw(`kassa_cursor_${(cursors += 1)}`);
  await rawRun(tx, sql`DECLARE ${name} NO SCROLL CURSOR FOR ${query}`);
  try {
    for (;;) {
      const rows = await rawRows<T>(tx, sql`FETCH FORWARD ${sql.raw(String(batch))} FROM ${name}`);
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
    }
  } finally {
    // After an error the transaction is already aborted and rolls back, closing the cursor with it.
    await rawRun(tx, sql`CLOSE ${name}`).catch(() => undefined);
  }
}
