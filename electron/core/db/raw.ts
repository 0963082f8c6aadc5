import type { SQL } from 'drizzle-orm';

/*
 * Raw SQL on either engine. drizzle's SQLite databases answer `all/get/run`, its PostgreSQL ones
 * `execute`; code in Kassa calls these three helpers instead, and builder queries it simply awaits
 * (never `.get()`, `.all()` or `.run()`, which PostgreSQL's builders do not have).
 */

interface SqliteLike {
  all<T>(query: SQL): T[] | Promise<T[]>;
  get<T>(query: SQL): T | undefined | Promise<T | undefined>;
  run(query: SQL): unknown;
}
interface PostgresLike {
  execute(query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

type AnyHandle = object;

function postgres(q: AnyHandle): PostgresLike | null {
  return typeof (q as Partial<PostgresLike>).execute === 'function' && !('all' in q)
    ? (q as PostgresLike)
    : null;
}

/** Every row a raw query returns. */
export async function rawRows<T>(q: AnyHandle, query: SQL): Promise<T[]> {
  const pg = postgres(q);
  if (pg) return (await pg.execute(query)).rows as T[];
  return (q as SqliteLike).all<T>(query);
}

/** The first row a raw query returns, if any. */
export async function rawRow<T>(q: AnyHandle, query: SQL): Promise<T | undefined> {
  const pg = postgres(q);
  if (pg) return (await pg.execute(query)).rows[0] as T | undefined;
  return (q as SqliteLike).get<T>(query);
}

/** Runs a raw statement; answers how many rows it changed. */
export async function rawRun(q: AnyHandle, query: SQL): Promise<number> {
  const pg = postgres(q);
  if (pg) return (await pg.execute(query)).rowCount ?? 0;
  return changedRows(await (q as SqliteLike).run(query));
}

/**
 * How many rows an awaited insert, update or delete changed: better-sqlite3 says `changes`,
 * node-postgres `rowCount`.
 */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
