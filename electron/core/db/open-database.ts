import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside `db.transaction(...)`; nested calls become savepoints. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' in tests. */
  file: string;
  migrationsFolder: string;
}

/** Opens the database, switches on WAL and foreign keys, and applies pending migrations. */
export function openDatabase({ file, migrationsFolder }: OpenDatabaseOptions): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commit.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}
