import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS } from './temp';

/**
 * Writes `file` as a Kassa that knew only the first `count` migrations left it: the migrations are
 * copied to `scratch` with a shortened journal and applied.
 */
export function writeOlderDatabase(file: string, count: number, scratch: string): void {
  const older = join(scratch, 'older-migrations');
  cpSync(MIGRATIONS, older, { recursive: true });
  const journalFile = join(older, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: older });
  sqlite.close();
}
