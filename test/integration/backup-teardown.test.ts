import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { listBackups } from '../../electron/core/backup/backup-folder';
import { BackupService } from '../../electron/core/backup/backup-service';
import { silentLogger } from '../../electron/core/logging/logger';
import { REPO_ROOT, tempDir, waitFor } from '../support/temp';

/*
 * A backup must never hurt the books, nor the process that keeps them, when the station stops while a
 * copy is being written: after the station has stopped, its process exits (a shell closed, a bench or a
 * test that ends and removes its data folder), and exiting stops a backup's worker thread wherever it
 * is. A copy still running then, that gets an error from SQLite (its folder removed, its disk full or
 * gone), aborted the whole process (better-sqlite3: FATAL ERROR v8::ToLocalChecked Empty MaybeLocal).
 */

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A book in WAL mode, as the station keeps it, large enough that its copy takes a while (~120 MB). */
function largeBook(): { dir: string; db: Database.Database } {
  const folder = tempDir('kassa-backup-teardown-');
  cleanups.push(folder.remove);
  const db = new Database(join(folder.dir, 'training.sqlite'));
  cleanups.push(() => db.open && db.close());
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB);
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
    INSERT INTO filler SELECT i, randomblob(4000) FROM n;
    CREATE TABLE sales (id TEXT PRIMARY KEY);
    INSERT INTO sales VALUES ('before')`);
  return { dir: folder.dir, db };
}

const partials = (folder: string) =>
  existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.partial')) : [];
const growing = (folder: string) => partials(folder).some((name) => statSync(join(folder, name)).size > 0);

describe('a station that stops while a backup is being written', () => {
  it('waits for that copy, which ends whole, and starts no copy after it has stopped', async () => {
    const book = largeBook();
    const backups = new BackupService({
      dataDir: book.dir,
      settings: () => ({ folder: null, intervalMinutes: 5, previousFolders: [] }),
      current: () => ({ databaseFile: 'training.sqlite', sqlite: book.db }),
      now: Date.now,
      logger: silentLogger,
      onChanged: () => undefined,
    });
    let firstEnded = false;
    const first = backups.backUp('z').finally(() => (firstEnded = true));
    await waitFor(() => growing(backups.folder()), 20_000, 'the copy to grow');
    await backups.stop();
    expect(firstEnded).toBe(true);
    expect(await first).toMatchObject({ ok: true, reason: 'z' });
    // Asked after the stop (a Z's hook, a manager's last click): no copy starts behind the station's back.
    expect(await backups.backUp('manual')).toMatchObject({
      ok: false,
      message: 'The station stopped before this backup could start',
    });
    expect(partials(backups.folder())).toEqual([]);
    const listed = listBackups(backups.folder());
    expect(listed.map((b) => b.reason)).toEqual(['z']);
    const copy = new Database(listed[0]!.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT id FROM sales').all()).toEqual([{ id: 'before' }]);
    copy.close();
  }, 60_000);

  it('lets its process exit cleanly after it has stopped, even when the data folder goes at once', async () => {
    const book = largeBook();
    book.db.close();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'test/support/backup-exit-child.ts'), book.dir],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    expect(output).not.toMatch(/FATAL|Aborted|core dumped/);
    expect(output).toContain('stopping while the copy is written');
    // The copy ended (written) before the station's stop answered and the folder went.
    expect(output.indexOf('backup written')).toBeGreaterThan(-1);
    expect(output.indexOf('backup written')).toBeLessThan(output.indexOf('stopped, data folder removed'));
    expect(ended).toEqual({ code: 0, signal: null });
  }, 60_000);
});
