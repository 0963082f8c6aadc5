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

/** A value as a PostgreSQL literal, for the tests' own queries (never user input). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${String(value).replace(/'/g, "''")}'`;
}

/**
 * A test's look into a mode's books on PostgreSQL, as `new Database(file).prepare(sql).all(...)` is on
 * SQLite: `?` placeholders, rows as objects with the columns' names. Synchronous through psql, so that
 * the SQLite-shaped helpers keep their shape.
 */
export function queryBooks<T>(
  siteUrl: string,
  books: string,
  sql: string,
  params: unknown[],
  kind: 'rows' | 'statement' = 'rows',
): T[] {
  let next = 0;
  const bound = sql.replace(/\?/g, () => literal(params[next++]));
  const url = new URL(siteUrl);
  const database = `${url.pathname.slice(1)}_${books}`;
  if (kind === 'statement') {
    psql(`${url.protocol}//${url.username}@${url.host}`, database, bound);
    return [];
  }
  const out = psql(
    `${url.protocol}//${url.username}@${url.host}`,
    database,
    `SELECT coalesce(json_agg(t), '[]') FROM (${bound}) t`,
  );
  return JSON.parse(out) as T[];
}

const sites = new Map<string, string>();

/**
 * The PostgreSQL site of a data folder under `integration-pg` (null on SQLite): the same one every
 * time, so that a station started again on its folder finds its books, as it finds its files.
 */
export function testSiteFor(dataDir: string): string | null {
  if (TEST_ENGINE !== 'postgres') return null;
  let site = sites.get(dataDir);
  if (!site) sites.set(dataDir, (site = freshTestSite()!));
  return site;
}
