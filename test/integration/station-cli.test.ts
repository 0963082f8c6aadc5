import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryBooks, testSiteFor } from '../support/postgres-site';
import { callHttp, spawnStation } from '../support/station-process';
import { REPO_ROOT, tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => (folder = tempDir()));
afterEach(() => folder.remove());

/** `npm run station -- …args`, run to its end. */
function station(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/station.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Whether the station keeps its training books where it was told: the file in its data folder, or
 * (on a PostgreSQL site) a connection of its own to the site's training database.
 */
function trainingBooksInUse(dataDir: string): boolean {
  const site = testSiteFor(dataDir);
  if (!site) return existsSync(join(dataDir, 'training.sqlite'));
  const sql = 'select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()';
  return queryBooks(site, 'training', sql, []).length > 0;
}

describe('npm run station', () => {
  it('prints its URL on one line once it serves, and serves at once', async () => {
    const running = await spawnStation({ dataDir: folder.dir });
    try {
      // spawnStation returns the moment the ready line appears: no retry, no wait.
      const status = await callHttp(running.url, 'station.getStatus', {});
      expect(status).toMatchObject({ ok: true, value: { mode: 'training' } });
      const ready = running
        .output()
        .split('\n')
        .filter((line) => line.startsWith('Kassa station ready at'));
      expect(ready).toEqual([
        `Kassa station ready at ${running.url} (training mode, simulator at ${running.simulatorUrl}, data in ${folder.dir})`,
      ]);
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(trainingBooksInUse(folder.dir)).toBe(true);
    } finally {
      await running.stop();
    }
    expect(running.process.exitCode).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be a whole number'],
    [['--colour', 'red'], "Unknown option '--colour'"],
  ])('refuses %j with exit code 2 and the usage', (args, reason) => {
    const run = station([...args, '--data', folder.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain('usage: npm run station --');
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const run = station(['--port', String(port), '--data', folder.dir]);
      expect(run.code).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/EADDRINUSE.*that port is taken/),
      ]);
    } finally {
      blocker.close();
    }
  });
});
