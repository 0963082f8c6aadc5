import { randomBytes } from 'node:crypto';
import { TEMPLATE_SITE } from './postgres-global-setup';
import { psql } from './postgres-server';

/** The engine the integration suite runs on: `integration-pg` sets KASSA_TEST_ENGINE=postgres. */
export const TEST_ENGINE: 'sqlite' | 'postgres' =
  process.env.KASSA_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/**
 * A fresh site on the run's PostgreSQL server, cloned from the migrated template: its address for
 * `--database`. Null when the suite runs on SQLite.
 */
export function freshTestSite(): string | null {
  if (TEST_ENGINE !== 'postgres') return null;
  const base = process.env.KASSA_TEST_POSTGRES_BASE;
  if (!base) throw new Error('KASSA_TEST_POSTGRES_BASE is not set: run through the integration-pg project');
  const site = `site_${randomBytes(6).toString('hex')}`;
  const statements = [`CREATE DATABASE ${site} TEMPLATE ${TEMPLATE_SITE}`];
  for (const books of ['training', 'preprod', 'live']) {
    statements.push(`CREATE DATABASE ${site}_${books} TEMPLATE ${TEMPLATE_SITE}_${books}`);
  }
  for (const statement of statements) psql(base, 'postgres', statement);
  return `${base}/${site}`;
}
