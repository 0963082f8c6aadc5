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

/** Opens the database, switches on WAL and foreign keys, and applies pending migrations. */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const { file, migrationsFolder, synchronous = 'FULL', beforeMigrating } = options;
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL syncs the WAL at every commit, so a sale the station answered survives a power cut too (NORMAL
  // syncs only at checkpoints: an OS crash or power loss could take the last sales with it). See
  // docs/durability.md for what it costs per sale.
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as Db;
  if (file !== ':memory:') beforeMigrating?.(sqlite);
  migrate(db, { migrationsFolder });
  return db;
}
