import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase, type Db, type SynchronousSetting } from './db/open-database';
import { openStationDatabase, STATION_DATABASE_FILE, type StationDb } from './db/open-station-database';
import { booksNameFor, booksUrl, openPostgresBooks, openPostgresStation } from './db/pg/site-databases';

/*
 * Where the station keeps its books and its people: SQLite files in the data folder, or the site's
 * PostgreSQL databases when `database` names one (docs/storage-engines.md). Everything above this
 * file holds a Store and does not care which.
 */

export interface StorageConfig {
  dataDir: string;
  migrationsFolder: string;
  stationMigrationsFolder: string;
  /** The site's PostgreSQL address (credentials included), or null for SQLite files. */
  database: string | null;
  synchronous?: SynchronousSetting;
}

/** What a mode's book is called in messages: its file, or its database's address without credentials. */
export function bookLocation(
  config: Pick<StorageConfig, 'dataDir' | 'database'>,
  databaseFile: string,
): string {
  if (!config.database) return join(config.dataDir, databaseFile);
  return withoutCredentials(booksUrl(config.database, booksNameFor(databaseFile)));
}

/** A PostgreSQL address fit for a log line or a screen: user and password left out. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  return parsed.toString();
}

/** The station's name in pg_stat_activity: which data folder's station holds a connection. */
const applicationName = 'kassa-station';

/**
 * Opens (creating and migrating) a mode's books. `beforeMigrating` sees the SQLite connection first,
 * so that a database can be backed up as it was; PostgreSQL's backups are its own tools'.
 */
export async function openBooks(
  config: StorageConfig,
  databaseFile: string,
  beforeMigrating?: (sqlite: Database.Database) => void,
): Promise<Db> {
  const { database, dataDir, migrationsFolder, synchronous } = config;
  if (database) {
    const opening = { siteUrl: database, migrationsFolder, applicationName };
    return openPostgresBooks(opening, booksNameFor(databaseFile));
  }
  return openDatabase({ file: join(dataDir, databaseFile), migrationsFolder, beforeMigrating, synchronous });
}

/** Opens (creating and migrating) the station's staff, devices, sessions and audit log. */
export async function openPeopleStore(config: StorageConfig): Promise<StationDb> {
  if (config.database) {
    const opening = { siteUrl: config.database, migrationsFolder: config.migrationsFolder, applicationName };
    return openPostgresStation(opening);
  }
  return openStationDatabase(join(config.dataDir, STATION_DATABASE_FILE), config.stationMigrationsFolder);
}
