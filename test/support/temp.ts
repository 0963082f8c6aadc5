import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const MIGRATIONS = join(REPO_ROOT, 'resources', 'migrations');

/** A fresh data folder per test; removed by the returned function. */
export function tempDir(prefix = 'kassa-test-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Waits until `check` returns a value that is not undefined/false; fails with the last value seen. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 5_000,
  label = 'condition',
): Promise<Exclude<T, false | undefined | null>> {
  const started = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await check();
    if (last !== undefined && last !== false && last !== null)
      return last as Exclude<T, false | undefined | null>;
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${label}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
export const STATION_MIGRATIONS = join(REPO_ROOT, 'resources', 'station-migrations');
