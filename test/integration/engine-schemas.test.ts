import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open-database';
import { openStationDatabase } from '../../electron/core/db/open-station-database';
import { PostgresStore } from '../../electron/core/db/pg/postgres-store';
import * as schema from '../../electron/core/db/schema';
import * as stationSchema from '../../electron/core/db/station-schema';

const { zReports } = schema;
const { auditLog } = stationSchema;
import { generateAgainst } from '../support/migrations-in-step';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { modelShape, postgresShape, sqliteShape } from '../support/schema-shape';
import { MIGRATIONS, REPO_ROOT, tempDir } from '../support/temp';

const PG_BOOKS = join(REPO_ROOT, 'resources', 'pg-migrations');
const PG_STATION = join(REPO_ROOT, 'resources', 'pg-station-migrations');
const SQLITE_STATION = join(REPO_ROOT, 'resources', 'station-migrations');

let server: PostgresServer;
const folder = tempDir();

beforeAll(async () => {
  server = await startThrowawayPostgres();
  psql(server.baseUrl, 'postgres', 'CREATE DATABASE shape_books');
  psql(server.baseUrl, 'postgres', 'CREATE DATABASE shape_station');
}, 60_000);

afterAll(() => {
  server?.remove();
  folder.remove();
});

async function migratedPostgres(database: string, migrations: string, s: Record<string, unknown>) {
  const store = new PostgresStore({ url: `${server.baseUrl}/${database}` }, s);
  await store.migrate(migrations, '__kassa_migrations');
  return store;
}

async function shapeOf(store: PostgresStore<Record<string, unknown>>) {
  const client = await store.pool.connect();
  try {
    return await postgresShape(client);
  } finally {
    client.release();
  }
}

describe('each engine’s migrations produce the schema the code expects', () => {
  it('the books: the model, a migrated SQLite file and a migrated PostgreSQL database agree', async () => {
    const sqlite = openDatabase({ file: join(folder.dir, 'books.sqlite'), migrationsFolder: MIGRATIONS });
    const postgres = await migratedPostgres('shape_books', PG_BOOKS, schema);
    const expected = modelShape(schema);
    expect(sqliteShape(sqlite.client)).toEqual(expected);
    expect(await shapeOf(postgres)).toEqual(expected);
    await sqlite.close();
    await postgres.close();
  });

  it('the station database: the model, SQLite and PostgreSQL agree', async () => {
    const sqlite = openStationDatabase(join(folder.dir, 'station.sqlite'), SQLITE_STATION);
    const postgres = await migratedPostgres('shape_station', PG_STATION, stationSchema);
    const expected = modelShape(stationSchema);
    expect(sqliteShape(sqlite.client)).toEqual(expected);
    expect(await shapeOf(postgres)).toEqual(expected);
    await sqlite.close();
    await postgres.close();
  });

  it('the PostgreSQL migrations are in step with the model (drizzle-kit has nothing to add)', () => {
    for (const [file, migrations] of [
      ['electron/core/db/pg/books-schema.ts', PG_BOOKS],
      ['electron/core/db/pg/station-schema.ts', PG_STATION],
    ] as const) {
      const scratch = tempDir();
      const { output, unchanged } = generateAgainst(file, migrations, scratch.dir, 'postgresql');
      scratch.remove();
      expect(output).toContain('No schema changes');
      expect(unchanged).toBe(true);
    }
  });
});

/** drizzle wraps the server's refusal; the refusal itself is its cause. */
const refusedWith = (message: RegExp) => ({ cause: expect.objectContaining({ message: expect.stringMatching(message) }) });

describe('what SQLite guarantees with triggers, PostgreSQL guarantees too', () => {
  const zRow = { number: 1, businessDay: 20261203, closedAt: 1, eventMark: 0, entryMark: 0, cashMark: 0, report: '{}' };

  it('a Z report cannot be changed, removed or truncated on PostgreSQL', async () => {
    const store = new PostgresStore({ url: `${server.baseUrl}/shape_books` }, schema);
    await store.write((tx) => tx.insert(zReports).values(zRow));
    await expect(store.write((tx) => tx.update(zReports).set({ report: '{"x":1}' }))).rejects.toMatchObject(refusedWith(/frozen/));
    await expect(store.write((tx) => tx.delete(zReports))).rejects.toMatchObject(refusedWith(/frozen/));
    expect(() => psql(server.baseUrl, 'shape_books', 'TRUNCATE z_reports')).toThrow(/frozen/);
    expect(await store.read((q) => q.select().from(zReports))).toEqual([{ ...zRow, staffId: null, deviceId: null, refundMark: 0 }]);
    await store.close();
  });

  it('an audit entry cannot be changed or removed on PostgreSQL', async () => {
    const store = new PostgresStore({ url: `${server.baseUrl}/shape_station` }, stationSchema);
    const entry = { seq: 1, at: 1, action: 'x', outcome: 'ok' as const, detail: '{}', prevHash: 'a', hash: 'b' };
    await store.write((tx) => tx.insert(auditLog).values(entry));
    await expect(store.write((tx) => tx.update(auditLog).set({ detail: '{"y":1}' }))).rejects.toMatchObject(refusedWith(/append-only/));
    await expect(store.write((tx) => tx.delete(auditLog))).rejects.toMatchObject(refusedWith(/append-only/));
    expect(() => psql(server.baseUrl, 'shape_station', 'TRUNCATE audit_log')).toThrow(/append-only/);
    await store.close();
  });
});
