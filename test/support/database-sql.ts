import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { openPostgresBooks } from '../../electron/core/db/pg/site-databases';
import { psql } from './postgres-server';
import { testSiteFor } from './postgres-site';
import { MIGRATIONS } from './temp';

/*
 * A test's own SQL on a station's databases, on the engine the suite runs on: the SQLite file in the
 * station's data folder, or the same database on the station's PostgreSQL site under `integration-pg`.
 * So a test that looks into the books, or tries to change them behind the station's back as a person
 * with SQL access could, says the same thing on both engines.
 */

/** 'station' is station.sqlite, or the site's own database; a mode's books are `<mode>.sqlite` or `<site>_<mode>`. */
export type DatabaseName = 'station' | 'training';

export interface DatabaseSql {
  /** Rows as objects named by their columns; `?` placeholders. */
  rows<T>(sql: string, ...params: unknown[]): T[];
  /** Statements run as typed (one or more); throws what the database refuses. */
  exec(sql: string): void;
  /** Its size on disk: the SQLite file with its WAL folded in, or PostgreSQL's pg_database_size. */
  bytes(): number;
}

export function databaseSql(dataDir: string, name: DatabaseName = 'training'): DatabaseSql {
  const site = testSiteFor(dataDir);
  return site ? onPostgres(site, name) : onSqlite(join(dataDir, `${name}.sqlite`));
}

/** The training books as a store, as the station's own code gets them (closed by the caller). */
export async function openTrainingBooks(dataDir: string): Promise<Db> {
  const site = testSiteFor(dataDir);
  if (site) return openPostgresBooks({ siteUrl: site, migrationsFolder: MIGRATIONS }, 'training');
  return openDatabase({ file: join(dataDir, 'training.sqlite'), migrationsFolder: MIGRATIONS });
}

function onSqlite(file: string): DatabaseSql {
  const use = <R>(work: (db: Database.Database) => R): R => {
    const db = new Database(file, { fileMustExist: true });
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  return {
    rows: <T>(sql: string, ...params: unknown[]) => use((db) => db.prepare(sql).all(...params) as T[]),
    exec: (sql) => void use((db) => db.exec(sql)),
    bytes: () => {
      // The WAL folded in and truncated: what the writes really cost the file.
      use((db) => db.pragma('wal_checkpoint(TRUNCATE)'));
      return statSync(file).size + (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    },
  };
}

/** A value as a PostgreSQL literal, for the tests' own queries (never user input). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

function onPostgres(siteUrl: string, name: DatabaseName): DatabaseSql {
  const url = new URL(siteUrl);
  const site = url.pathname.slice(1);
  const database = name === 'station' ? site : `${site}_${name}`;
  const server = `${url.protocol}//${url.username}@${url.host}`;
  const rows = <T>(sql: string, ...params: unknown[]): T[] => {
    let next = 0;
    const bound = sql.replace(/\?/g, () => literal(params[next++]));
    return JSON.parse(psql(server, database, `SELECT coalesce(json_agg(t), '[]') FROM (${bound}) t`)) as T[];
  };
  return {
    rows,
    exec: (sql) => void psql(server, database, sql),
    bytes: () => rows<{ bytes: number }>('SELECT pg_database_size(current_database()) AS bytes')[0]!.bytes,
  };
}
