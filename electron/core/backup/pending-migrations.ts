import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';

interface Journal {
  entries: Array<{ tag: string; when: number }>;
}

/**
 * The migrations drizzle is about to apply to an existing database, by tag; none for a file that has
 * no tables yet (a new database has nothing to lose). Drizzle's own rule: a migration is applied when
 * its journal time (`when`) is later than the newest `created_at` in `__drizzle_migrations`.
 */
export function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): string[] {
  if (!hasTables(sqlite)) return [];
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
  const applied = lastAppliedAt(sqlite);
  return journal.entries
    .filter((entry) => applied === null || entry.when > applied)
    .map((entry) => entry.tag);
}

function hasTables(sqlite: Database.Database): boolean {
  return sqlite.prepare("select 1 from sqlite_master where type = 'table' limit 1").get() !== undefined;
}

function lastAppliedAt(sqlite: Database.Database): number | null {
  const known = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'")
    .get();
  if (!known) return null;
  const row = sqlite.prepare('select max(created_at) as at from __drizzle_migrations').get() as {
    at: number | string | null;
  };
  return row.at === null ? null : Number(row.at);
}
