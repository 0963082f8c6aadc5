import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { Mutex } from 'async-mutex';

/*
 * One unit-of-work shape for both storage engines (docs/storage-engines.md).
 *
 * Every read and write goes through `store.read(work)` or `store.write(work)`; `work` receives a query
 * handle and may await only the database. The handle is typed as drizzle's asynchronous SQLite database:
 * queries are built from the one data model (`db/schema`, sqlite-core tables) and awaited. PostgreSQL
 * runs the same built queries through drizzle's pg dialect.
 *
 * better-sqlite3's own transactions are synchronous (a transaction function cannot return a promise),
 * and every statement on its one connection joins whatever transaction is open. So on SQLite a unit
 * of work takes a mutex, opens `BEGIN IMMEDIATE` (the write lock at once, never a failed upgrade), runs,
 * and commits; reads take the same mutex so that none sees another unit's uncommitted rows. A unit
 * started inside another one joins it (AsyncLocalStorage knows), as a nested call joined the one
 * transaction before.
 */

/** The handle a unit of work queries with. Build queries and await them; see db/raw.ts for raw SQL. */
export type QueryHandle<S extends Record<string, unknown>> = BaseSQLiteDatabase<'async', unknown, S>;

export type Engine = 'sqlite' | 'postgres';

export interface Store<S extends Record<string, unknown>> {
  readonly engine: Engine;
  /** A consistent read; joins the unit of work it is called from. */
  read<T>(work: (q: QueryHandle<S>) => Promise<T> | T): Promise<T>;
  /** One transaction: all of `work`'s writes commit together or not at all. */
  write<T>(work: (tx: QueryHandle<S>) => Promise<T> | T): Promise<T>;
  close(): Promise<void>;
}

/**
 * The unit a piece of code runs in. `open` turns false when the unit ends: a timer or a promise made
 * inside a unit keeps its AsyncLocalStorage context after the commit, and must then start a unit of
 * its own instead of joining one that no longer holds the lock.
 */
export interface UnitScope<H> {
  kind: 'read' | 'write';
  handle: H;
  open: boolean;
}

/** The unit a call joins, if one is running around it. */
export function joinable<H>(scope: AsyncLocalStorage<UnitScope<H>>): UnitScope<H> | undefined {
  const current = scope.getStore();
  return current?.open ? current : undefined;
}

/** Runs `work` as a unit, and marks the unit ended whatever the outcome. */
export async function runUnit<H, T>(
  scope: AsyncLocalStorage<UnitScope<H>>,
  unit: UnitScope<H>,
  work: () => Promise<T> | T,
): Promise<T> {
  try {
    return await scope.run(unit, work);
  } finally {
    unit.open = false;
  }
}

/** The SQLite store: one connection, units of work serialised behind a mutex. */
export class SqliteStore<S extends Record<string, unknown>> implements Store<S> {
  readonly engine = 'sqlite' as const;
  private readonly mutex = new Mutex();
  private readonly scope = new AsyncLocalStorage<UnitScope<QueryHandle<S>>>();
  private readonly handle: QueryHandle<S>;

  constructor(private readonly db: BetterSQLite3Database<S> & { $client: Database.Database }) {
    // better-sqlite3's query builders are awaitable (they run at once); only the type differs.
    this.handle = db as unknown as QueryHandle<S>;
  }

  /** The better-sqlite3 connection, for the SQLite side of engine-specific work (backups, bulk inserts). */
  get client(): Database.Database {
    return this.db.$client;
  }

  /** The synchronous drizzle database, for engine-specific work that must not yield (bulk inserts). */
  get syncDb(): BetterSQLite3Database<S> {
    return this.db;
  }

  get open(): boolean {
    return this.db.$client.open;
  }

  read<T>(work: (q: QueryHandle<S>) => Promise<T> | T): Promise<T> {
    if (joinable(this.scope)) return Promise.resolve().then(() => work(this.handle));
    const unit = { kind: 'read' as const, handle: this.handle, open: true };
    return this.mutex.runExclusive(() => runUnit(this.scope, unit, () => work(this.handle)));
  }

  write<T>(work: (tx: QueryHandle<S>) => Promise<T> | T): Promise<T> {
    const current = joinable(this.scope);
    if (current?.kind === 'write') return Promise.resolve().then(() => work(this.handle));
    if (current) return Promise.reject(new Error('a write cannot start inside a read'));
    const unit = { kind: 'write' as const, handle: this.handle, open: true };
    return this.mutex.runExclusive(() => runUnit(this.scope, unit, () => this.inTransaction(work)));
  }

  async close(): Promise<void> {
    await this.mutex.waitForUnlock();
    if (this.db.$client.open) this.db.$client.close();
  }

  private async inTransaction<T>(work: (tx: QueryHandle<S>) => Promise<T> | T): Promise<T> {
    const client = this.db.$client;
    client.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this.handle);
      client.exec('COMMIT');
      return result;
    } catch (error) {
      // A failed COMMIT (a full disk) may already have ended the transaction.
      if (client.inTransaction) client.exec('ROLLBACK');
      throw error;
    }
  }
}
