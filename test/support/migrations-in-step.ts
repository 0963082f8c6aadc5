import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from './temp';

/**
 * Runs drizzle-kit on a copy of a migrations folder against a schema: what it prints, and whether it
 * wrote anything. In step means "No schema changes" and the same files as before.
 */
export function generateAgainst(
  schema: string,
  migrations: string,
  scratch: string,
  dialect: 'sqlite' | 'postgresql' = 'sqlite',
): { output: string; unchanged: boolean } {
  const copy = join(scratch, 'migrations-copy');
  cpSync(migrations, copy, { recursive: true });
  const before = readdirSync(copy).sort();
  const output = execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'drizzle-kit'),
    ['generate', '--dialect', dialect, '--schema', schema, '--out', relative(REPO_ROOT, copy)],
    { cwd: REPO_ROOT, encoding: 'utf8' },
  );
  return { output, unchanged: JSON.stringify(readdirSync(copy).sort()) === JSON.stringify(before) };
}
