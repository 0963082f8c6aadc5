import { sql, type SQL } from 'drizzle-orm';
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
