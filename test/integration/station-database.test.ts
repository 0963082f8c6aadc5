import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationDatabase } from '../../electron/core/db/open-station-database';
import { REPO_ROOT, STATION_MIGRATIONS, tempDir } from '../support/temp';

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
    const copy = join(folder(), 'station-migrations');
    cpSync(STATION_MIGRATIONS, copy, { recursive: true });
    const before = readdirSync(copy).sort();
    const output = execFileSync(
      join(REPO_ROOT, 'node_modules', '.bin', 'drizzle-kit'),
      [
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        './electron/core/db/station-schema/index.ts',
        '--out',
        relative(REPO_ROOT, copy),
      ],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(output).toContain('No schema changes');
    expect(readdirSync(copy).sort()).toEqual(before);
  });

  it('refuses to change or remove an audit entry, even through raw SQL', () => {
    const db = openStationDatabase(join(folder(), 'station.sqlite'), STATION_MIGRATIONS);
    const sqlite = db.$client;
    sqlite
      .prepare(
        `INSERT INTO audit_log (seq, at, action, outcome, detail, prev_hash, hash) VALUES (1, 1, 'staff.signIn', 'ok', '{}', 'a', 'b')`,
      )
      .run();
    expect(() => sqlite.prepare(`UPDATE audit_log SET outcome = 'refused'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(sqlite.prepare('SELECT outcome FROM audit_log').all()).toEqual([{ outcome: 'ok' }]);
    sqlite.close();
  });
});
