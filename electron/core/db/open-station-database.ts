import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openInWal } from './open-database';
import * as stationSchema from './station-schema';
import { SqliteStore, type QueryHandle, type Store } from './unit-of-work';

export type StationSchema = typeof stationSchema;
/** The station database on either engine: every access is a unit of work (`db.read`, `db.write`). */
export type StationDb = Store<StationSchema>;
export type StationTx = QueryHandle<StationSchema>;
export type SqliteStationDb = SqliteStore<StationSchema>;

/** The station's own database file in the data folder: staff, linked devices, sessions and the audit log. */
export const STATION_DATABASE_FILE = 'station.sqlite';

/** The station database's migrations sit beside the mode databases' ones (`resources/station-migrations`). */
export function stationMigrationsFolder(modeMigrationsFolder: string): string {
  return join(dirname(modeMigrationsFolder), 'station-migrations');
}

/**
 * Opens (creating if need be) the station database with the same durability as a mode's book: WAL,
 * synchronous FULL (a sign-in lock or an audit entry the station answered survives a power cut).
 */
export function openStationDatabase(file: string, migrationsFolder: string): SqliteStationDb {
  // Like a mode's book: on a full disk WAL's index stays in memory, so the station still starts and
  // people already there can still sign in (open-database.ts says why).
  const sqlite = openInWal(file);
  try {
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    const db = drizzle(sqlite, { schema: stationSchema }) as BetterSQLite3Database<StationSchema> & {
      $client: Database.Database;
    };
    migrate(db, { migrationsFolder });
    return new SqliteStore(db);
  } catch (error) {
    // A folder that cannot be written (read-only, full) must not be held open by a failed attempt.
    sqlite.close();
    throw error;
  }
}
