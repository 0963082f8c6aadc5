import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { openStationDatabase, type StationDb } from '../../electron/core/db/open-station-database';
import { openPostgresBooks, openPostgresStation } from '../../electron/core/db/pg/site-databases';
import { psql, startThrowawayPostgres, type PostgresServer } from './postgres-server';
import { MIGRATIONS, STATION_MIGRATIONS, tempDir } from './temp';

/*
 * The same scenario on both engines: a real SQLite file and a fresh database on a throw-away
 * PostgreSQL server, opened and migrated the way a station opens them. Every call makes a new pair.
 */

export type EngineName = 'sqlite' | 'postgres';
export const ENGINES: EngineName[] = ['sqlite', 'postgres'];

export interface EnginePair {
  server: PostgresServer;
  /** A fresh training book on `engine`. */
  books(engine: EngineName): Promise<Db>;
  /** A fresh station database (staff, devices, audit log) on `engine`. */
  station(engine: EngineName): Promise<StationDb>;
  /** Closes what was opened and removes the server and the files. */
  end(): Promise<void>;
}

export async function startEnginePair(): Promise<EnginePair> {
  const server = await startThrowawayPostgres();
  const folder = tempDir();
  const opened: { close(): Promise<void> }[] = [];
  const freshSite = () => {
    const site = `p_${randomBytes(5).toString('hex')}`;
    psql(server.baseUrl, 'postgres', `CREATE DATABASE ${site}`);
    return { siteUrl: `${server.baseUrl}/${site}`, migrationsFolder: MIGRATIONS };
  };
  const keep = <T extends { close(): Promise<void> }>(store: T): T => (opened.push(store), store);
  const file = (name: string) => join(folder.dir, `${randomBytes(4).toString('hex')}-${name}`);
  return {
    server,
    books: async (engine) =>
      keep(
        engine === 'sqlite'
          ? openDatabase({ file: file('training.sqlite'), migrationsFolder: MIGRATIONS })
          : await openPostgresBooks(freshSite(), 'training'),
      ) as Db,
    station: async (engine) =>
      keep(
        engine === 'sqlite'
          ? openStationDatabase(file('station.sqlite'), STATION_MIGRATIONS)
          : await openPostgresStation(freshSite()),
      ) as StationDb,
    end: async () => {
      for (const store of opened) await store.close().catch(() => undefined);
      server.remove();
      folder.remove();
    },
  };
}
