import { openPostgresBooks, openPostgresStation } from '../../electron/core/db/pg/site-databases';
import { psql, startThrowawayPostgres, type PostgresServer } from './postgres-server';
import { MIGRATIONS } from './temp';

/*
 * Vitest's global set-up for the integration suite on PostgreSQL: one throw-away server for the run,
 * and a migrated template site (the site database and each mode's books) that every test station
 * clones in a few milliseconds (postgres-site.ts) instead of migrating its own.
 */

/** Cloned by postgres-site.ts. */
export const TEMPLATE_SITE = 'kassa_template';

let server: PostgresServer | null = null;

export async function setup(): Promise<void> {
  server = await startThrowawayPostgres();
  const siteUrl = `${server.baseUrl}/${TEMPLATE_SITE}`;
  psql(server.baseUrl, 'postgres', `DROP DATABASE IF EXISTS ${TEMPLATE_SITE}`);
  psql(server.baseUrl, 'postgres', `CREATE DATABASE ${TEMPLATE_SITE}`);
  const opening = { siteUrl, migrationsFolder: MIGRATIONS };
  await (await openPostgresStation(opening)).close();
  for (const books of ['training', 'preprod', 'live'] as const) {
    await (await openPostgresBooks(opening, books)).close();
  }
  process.env.KASSA_TEST_POSTGRES_BASE = server.baseUrl;
}

export function teardown(): void {
  server?.remove();
}
