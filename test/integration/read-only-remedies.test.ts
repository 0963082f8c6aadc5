import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, snapshot } from '../support/book-folders';
import { startTestStation } from '../support/station-in-process';
import { tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let mounted: string | null = null;
afterEach(() => {
  if (mounted) execFileSync('umount', [mounted]);
  mounted = null;
  folder.remove();
});

/** A data folder with a training book, then made read-only (root ignores file modes: a read-only bind mount). */
async function readOnlyFolder(): Promise<string> {
  folder = tempDir();
  const kassa = await startTestStation({ dataDir: folder.dir });
  await kassa.close();
  execFileSync('mount', ['--bind', '-o', 'ro', folder.dir, folder.dir]);
  mounted = folder.dir;
  return folder.dir;
}

describe('a read-only data folder', () => {
  it('is named as such by the commands that would write to it, and nothing changes', async () => {
    const dataDir = await readOnlyFolder();
    const before = snapshot(dataDir);
    const line = `Kassa refused to start: ${dataDir}: the folder is read-only. Make the folder writable, or choose another data folder with --data.`;

    const report = await runCli('report', [
      'x',
      '--date',
      '2026-12-03',
      '--data',
      dataDir,
      '--out',
      join(folder.dir, 'x.pdf'),
    ]);
    expect(report.code).toBe(1);
    expect(report.stderr.trim()).toBe(line);
    const newBook = await runCli('new-book', ['--data', dataDir]);
    expect(newBook.code).toBe(1);
    expect(newBook.stderr.trim()).toBe(line);
    expect(snapshot(dataDir)).toEqual(before);
  });
});
