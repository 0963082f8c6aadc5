import pg from 'pg';

/*
 * Connections for coordinating the stations of a site (leases, the shared rate budget). They are kept
 * apart from the store's pool on purpose: a lease renewal must not wait behind payments queued on the
 * writers' advisory lock, or a busy station would lose its leases for being busy. Each statement here
 * is a single atomic statement (autocommit), never a unit of work on the books.
 */

/** Milliseconds by the database server's clock: every station of the site compares times on it. */
export const DB_NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

export interface CoordinationOptions {
  /** The site database (`--database`), where site_leases and site_rate_slots live. */
  url: string;
  /** Names the station in pg_stat_activity; never a secret. */
  applicationName?: string;
  /** How long one statement may take before it counts as failed (the network may be cut). */
  queryTimeoutMs?: number;
}

export function coordinationPool(options: CoordinationOptions): pg.Pool {
  const timeout = options.queryTimeoutMs ?? 2_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 2,
    application_name: options.applicationName ?? 'kassa-site',
    keepAlive: true,
    keepAliveInitialDelayMillis: 2_000,
    connectionTimeoutMillis: timeout,
    // Both sides give up: the server on a statement stuck behind a lock, the client on a dead peer.
    statement_timeout: timeout,
    query_timeout: timeout,
  });
  // A connection dropped while idle is replaced on the next query; the caller sees that query fail.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs one statement on a connection of the pool. A connection whose statement failed is closed, not
 * handed back: after a client-side timeout node-postgres keeps waiting on that connection for the lost
 * answer, and every later statement would queue behind it until TCP gives up, minutes later.
 */
export async function coordinate<R extends pg.QueryResultRow = pg.QueryResultRow>(
  pool: pg.Pool,
  text: string,
  params: unknown[],
): Promise<pg.QueryResult<R>> {
  const client = await pool.connect();
  try {
    const result = await client.query<R>(text, params);
    client.release();
    return result;
  } catch (error) {
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}
