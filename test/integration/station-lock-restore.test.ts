import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnStation, type StationProcess } from '../support/station-process';
import { REPO_ROOT, tempDir } from '../support/temp';

/*
 * `npm run restore` copies a SQLite backup file over the books, so it is about SQLite files by its
 * nature (listed in sqlite-only-tests.ts); the lock itself is station-lock.test.ts, on both engines.
 */

let folder: ReturnType<typeof tempDir>;
let first: StationProcess | null = null;
afterEach(async () => {
  await first?.stop();
  first = null;
  folder.remove();
});

describe('one station per data folder, and restoring', () => {
  it('refuses to restore a backup while a station runs on the folder, naming its process', async () => {
    folder = tempDir();
    first = await spawnStation({ dataDir: folder.dir });
    const pid = first.process.pid!;
    const backup = join(folder.dir, 'training-20261203T101500123Z-manual.sqlite');
    const source = new Database(join(folder.dir, 'training.sqlite'), { readonly: true });
    source.exec(`VACUUM INTO '${backup}'`);
    source.close();
    const restore = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/restore.ts'), '--from', backup, '--data', folder.dir],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(restore.status).toBe(1);
    expect(restore.stderr).toMatch(new RegExp(`process ${pid}`));
  });
});
