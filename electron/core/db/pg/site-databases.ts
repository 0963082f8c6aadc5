import { join } from 'node:path';
import pg from 'pg';
import * as schema from '../schema';
import * as stationSchema from '../station-schema';
import { PostgresStore } from './postgres-store';

/*
 * A site on PostgreSQL. `--database postgres://host/kassa` names the site's own database: it holds what
 * every station of the site shares besides the books (staff, devices, sessions, the audit log). Each
 * mode keeps its books in a database of its own beside it, as each mode has its own file on SQLite:
 * `kassa_training`, `kassa_preprod`, `kassa_live`. Training and live books never share a database.
 */

export type BooksName = 'training' | 'preprod' | 'live';

/** The books' database name for a mode's SQLite file name (modes/resolve-mode.ts). */
export function booksNameFor(databaseFile: string): BooksName {
  if (databaseFile === 'training.sqlite') return 'training';
  if (databaseFile === 'preprod.sqlite') return 'preprod';
  return 'live';
}

export function siteDatabaseName(siteUrl: string): string {
  const name = decodeURIComponent(new URL(siteUrl).pathname.replace(/^\//, ''));
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) {
    throw new Error(
      'the PostgreSQL address must name a database of lower-case letters, digits and _ (e.g. …/kassa)',
    );
  }
  return name;
}

export function booksUrl(siteUrl: string, books: BooksName): string {
  const url = new URL(siteUrl);
  url.pathname = `/${siteDatabaseName(siteUrl)}_${books}`;
  return url.toString();
}

/** Creates a database the site needs if it is not there yet; two stations starting at once agree. */
export async function ensureDatabase(siteUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: siteUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return;
    await client.query(`CREATE DATABASE "${database}"`).catch((error: { code?: string }) => {
      // 42P04 duplicate_database; 23505 when two CREATE DATABASE race in the catalogue.
      if (error.code !== '42P04' && error.code !== '23505') throw error;
    });
  } finally {
    await client.end();
  }
}

export interface PostgresOpening {
  siteUrl: string;
  /** resources/migrations, as on SQLite; the PostgreSQL folders sit beside it. */
  migrationsFolder: string;
  applicationName?: string;
}

const pgFolder = (migrationsFolder: string, name: string) => join(migrationsFolder, '..', name);

/** A mode's books on PostgreSQL, created and migrated if need be. */
export async function openPostgresBooks(opening: PostgresOpening, books: BooksName) {
  const url = booksUrl(opening.siteUrl, books);
  await ensureDatabase(opening.siteUrl, new URL(url).pathname.slice(1));
  const store = new PostgresStore({ url, applicationName: opening.applicationName }, schema);
  await store.migrate(pgFolder(opening.migrationsFolder, 'pg-migrations'), '__kassa_books_migrations');
  return store;
}

/** The site database's station tables (staff, devices, sessions, audit log), migrated if need be. */
export async function openPostgresStation(opening: PostgresOpening) {
  const store = new PostgresStore(
    { url: opening.siteUrl, applicationName: opening.applicationName },
    stationSchema,
  );
  await store.migrate(
    pgFolder(opening.migrationsFolder, 'pg-station-migrations'),
    '__kassa_station_migrations',
  );
  return store;
}
