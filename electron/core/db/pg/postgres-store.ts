import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { isConnectionLoss } from '../connection-errors';
import { retriedOnceOnly, retriedRead } from './connection-loss';
import { joinable, runUnit, type QueryHandle, type Store, type UnitScope } from '../unit-of-work';

/*
 * The PostgreSQL store: the same unit-of-work shape as SqliteStore (db/unit-of-work.ts).
 *
 * A write is one transaction that first takes a transaction-scoped advisory lock on the database: writes
 * are serialised across every station of the site, exactly as SQLite serialises them on one file, so
 * every read-modify-write the code does (a balance, a running total, the next Z number) means the
 * same on both engines. A dead or frozen station cannot keep that lock: the server ends a session
 * idle in a transaction after `idleInTransactionMs`, and TCP keepalives end one whose peer vanished.
 * A read is one read-only REPEATABLE READ transaction: one consistent snapshot, like a read on SQLite.
 */

export interface PostgresStoreOptions {
  url: string;
  /** Names the station in pg_stat_activity; never a secret. */
  applicationName?: string;
  /** Connections per station. */
  poolSize?: number;
  idleInTransactionMs?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/*
 * int8 (our times and amounts) and numeric (what SUM of int8 gives) read as numbers, as SQLite gives
 * them. drizzle passes its own per-query type parsers, which fall back to node-postgres's global ones,
 * so the global table is the one place that reaches every query (Kassa is the only pg user in its process).
 */
const asNumber = (value: string) => Number(value);
pg.types.setTypeParser(pg.types.builtins.INT8, asNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, asNumber);

/** The transaction handle drizzle's pg dialect hands a transaction's work. */
type PgTx<S extends Record<string, unknown>> = Parameters<Parameters<NodePgDatabase<S>['transaction']>[0]>[0];

/** One key for the writers' lock: any constant shared by every station of the site. */
const WRITE_LOCK_KEY = 0x4b617373; // "Kass"

export class PostgresStore<S extends Record<string, unknown>> implements Store<S> {
  readonly engine = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly db: NodePgDatabase<S>;
  private readonly scope = new AsyncLocalStorage<UnitScope<QueryHandle<S>>>();
  private readonly clientDbs = new WeakMap<pg.PoolClient, NodePgDatabase<S>>();

  constructor(
    options: PostgresStoreOptions,
    private readonly schema: S,
  ) {
    this.pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 8,
      application_name: options.applicationName ?? 'kassa-station',
      keepAlive: true,
      keepAliveInitialDelayMillis: 2_000,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      statement_timeout: options.statementTimeoutMs ?? 15_000,
      idle_in_transaction_session_timeout: options.idleInTransactionMs ?? 5_000,
    });
    // A connection the server or the network dropped is replaced on the next query; the query it was
    // running fails on its own (and a write is retried, connection-loss.ts), so the event is not news.
    this.pool.on('error', () => undefined);
    this.pool.on('connect', (client) => client.on('error', () => undefined));
    this.db = drizzle(this.pool, { schema });
  }

  read<T>(work: (q: QueryHandle<S>) => Promise<T> | T): Promise<T> {
    const current = joinable(this.scope);
    if (current) return Promise.resolve().then(() => work(current.handle));
    return retriedRead(() =>
      this.transaction(
        async (tx) => {
          const handle = tx as unknown as QueryHandle<S>;
          return runUnit(this.scope, { kind: 'read', handle, open: true }, () => work(handle));
        },
        { isolationLevel: 'repeatable read', accessMode: 'read only' },
      ),
    );
  }

  write<T>(work: (tx: QueryHandle<S>) => Promise<T> | T): Promise<T> {
    const current = joinable(this.scope);
    if (current?.kind === 'write') return Promise.resolve().then(() => work(current.handle));
    if (current) return Promise.reject(new Error('a write cannot start inside a read'));
    return retriedOnceOnly((unitId, retry) => this.attempt(unitId, retry, work));
  }

  /**
   * One attempt at a unit. Its receipt commits with it: when a retry finds the receipt, the earlier
   * attempt committed (only its answer was lost) and the retry answers what it answered.
   */
  private attempt<T>(
    unitId: string,
    retry: boolean,
    work: (tx: QueryHandle<S>) => Promise<T> | T,
  ): Promise<T> {
    return this.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK_KEY})`);
      // A first attempt has a unit id no receipt can hold yet: only a retry asks (one round trip less
      // under the site's write lock for every write).
      const earlier = retry
        ? await tx.execute<{ result: string }>(
            sql`SELECT result FROM kassa.unit_receipts WHERE unit_id = ${unitId}`,
          )
        : { rows: [] };
      if (earlier.rows[0]) return JSON.parse(earlier.rows[0].result) as T;
      const handle = tx as unknown as QueryHandle<S>;
      const result = await runUnit(this.scope, { kind: 'write', handle, open: true }, () => work(handle));
      const at = Date.now();
      await tx.execute(sql`INSERT INTO kassa.unit_receipts (unit_id, result, at)
        VALUES (${unitId}, ${JSON.stringify(result ?? null)}, ${at})`);
      // A retry comes within seconds; receipts an hour old can go (about one write in 500 tidies up).
      if (Math.random() < 0.002)
        await tx.execute(sql`DELETE FROM kassa.unit_receipts WHERE at < ${at - 3_600_000}`);
      return result;
    });
  }

  /**
   * drizzle's own transaction over a pool sends BEGIN before its try/finally: a BEGIN that fails on a
   * connection the server dropped never gives the connection back, and the pool (and `close`) wait for
   * it forever. So the connection is taken here, and given back whatever happens; one that failed is
   * destroyed instead of reused.
   */
  private async transaction<T>(
    work: (tx: PgTx<S>) => Promise<T>,
    config?: Parameters<NodePgDatabase<S>['transaction']>[1],
  ): Promise<T> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      return await this.onClient(client).transaction(work, config);
    } catch (error) {
      failure = isConnectionLoss(error) ? (error as Error) : undefined;
      throw error;
    } finally {
      client.release(failure);
    }
  }

  /** One drizzle database per pooled connection, made once: the pool hands the same clients out again. */
  private onClient(client: pg.PoolClient): NodePgDatabase<S> {
    let db = this.clientDbs.get(client);
    if (!db) this.clientDbs.set(client, (db = drizzle(client, { schema: this.schema })));
    return db;
  }

  /** Applies pending migrations once, whichever station of the site starts first. */
  async migrate(migrationsFolder: string, migrationsTable: string): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [WRITE_LOCK_KEY + 1]);
      await migrate(drizzle(client), { migrationsFolder, migrationsTable });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [WRITE_LOCK_KEY + 1]).catch(() => undefined);
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
