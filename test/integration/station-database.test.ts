import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../electron/core/db/open-station-database';
import { generateAgainst } from '../support/migrations-in-step';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';

/** The station's own database (staff, devices, sessions, audit log) beside the mode books. */
describe('the station database', () => {
  const folders: Array<{ dir: string; remove(): void }> = [];
  afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));
  const folder = () => {
    const made = tempDir();
    folders.push(made);
    return made.dir;
  };

  it('keeps its migrations in step with its schema: drizzle-kit finds nothing left to generate', () => {
    const run = generateAgainst('./electron/core/db/station-schema/index.ts', STATION_MIGRATIONS, folder());
    expect(run.output).toContain('No schema changes');
    expect(run.unchanged).toBe(true);
  });

  it('refuses to change or remove an audit entry, even through raw SQL', async () => {
    const db = openStationDatabase(join(folder(), 'station.sqlite'), STATION_MIGRATIONS);
    // The triggers are SQLite's own: straight on its connection.
    const sqlite = db.client;
    sqlite
      .prepare(
        `INSERT INTO audit_log (seq, at, action, outcome, detail, prev_hash, hash) VALUES (1, 1, 'staff.signIn', 'ok', '{}', 'a', 'b')`,
      )
      .run();
    expect(() => sqlite.prepare(`UPDATE audit_log SET outcome = 'refused'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(sqlite.prepare('SELECT outcome FROM audit_log').all()).toEqual([{ outcome: 'ok' }]);
    await db.close();
  });
});
