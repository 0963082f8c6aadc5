import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { isDiskFull } from './storage-errors';
import { SqliteStore, type QueryHandle, type Store } from './unit-of-work';

export type BooksSchema = typeof schema;
/** A mode's books, on either engine: every access is a unit of work (`db.read`, `db.write`). */
export type Db = Store<BooksSchema>;
/** The handle a unit of work on the books queries with. */
export type Tx = QueryHandle<BooksSchema>;
/** The books on SQLite, for engine-specific work (backups, bulk inserts, the CSV built in the file). */
export type SqliteDb = SqliteStore<BooksSchema>;

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:' in tests. */
  file: string;
  migrationsFolder: string;
  /**
   * FULL unless said otherwise. Only tests and the bench pass NORMAL, to show and measure what FULL buys;
   * no setting, flag or environment variable reaches it.
   */
  synchronous?: SynchronousSetting;
  /**
   * Called on the open connection before drizzle migrates it, so that an existing database can be
   * backed up as it was (backup/backup-service.ts decides whether any migration is pending).
   */
  beforeMigrating?: (sqlite: Database.Database) => void;
}

export type SynchronousSetting = 'FULL' | 'NORMAL';

/**
 * WAL needs its index file (`-shm`), which SQLite creates and sizes on opening. On a full disk that
 * fails; an exclusive lock keeps the index in memory instead, so that the station still starts, reads,
 * and writes again as soon as space is freed. Other connections (a backup, the report tool) cannot read
 * the file meanwhile: that lasts until the next start, by when there is room again.
 */
export function openInWal(file: string): Database.Database {
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (!isDiskFull(error, dirname(file))) throw error;
  }
  // A connection that failed to map the index stays failed: a fresh one, exclusive from the start.
  const exclusive = new Database(file);
  exclusive.pragma('locking_mode = EXCLUSIVE');
  exclusive.pragma('journal_mode = WAL');
  return exclusive;
}

/** Opens the database, switches on WAL and foreign keys, and applies pending migrations. */
export function openDatabase(options: OpenDatabaseOptions): SqliteDb {
  const { file, migrationsFolder, synchronous = 'FULL', beforeMigrating } = options;
  const sqlite = openInWal(file);
  // FULL syncs the WAL at every commit, so a sale the station answered survives a power cut too (NORMAL
  // syncs only at checkpoints: an OS crash or power loss could take the last sales with it). See
  // docs/durability.md for what it costs per sale.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as BetterSQLite3Database<BooksSchema> & {
    $client: Database.Database;
  };
  if (file !== ':memory:') beforeMigrating?.(sqlite);
  migrate(db, { migrationsFolder });
  return new SqliteStore(db);
}
