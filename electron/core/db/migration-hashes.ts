import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Migrations only ever add. A migration that has run on a till or a festival's database must never
 * change: the database would not be what its migration record says. Every migration's SHA-256 is
 * recorded in resources/migration-hashes.json when it is written (`npm run db:hashes`, which only adds
 * lines), and a test fails when a recorded file changed or disappeared.
 */

/** The four migration folders: books and station database, on SQLite and on PostgreSQL. */
export const MIGRATION_FOLDERS = [
  'migrations',
  'station-migrations',
  'pg-migrations',
  'pg-station-migrations',
];

export type MigrationHashes = Record<string, string>;

/** `folder/file.sql` → SHA-256 of every migration under resources/. */
export function currentMigrationHashes(resources: string): MigrationHashes {
  const hashes: MigrationHashes = {};
  for (const folder of MIGRATION_FOLDERS) {
    for (const file of readdirSync(join(resources, folder))
      .filter((f) => f.endsWith('.sql'))
      .sort()) {
      const text = readFileSync(join(resources, folder, file));
      hashes[`${folder}/${file}`] = createHash('sha256').update(text).digest('hex');
    }
  }
  return hashes;
}

export interface HashCheck {
  /** Recorded, and no longer the same bytes. */
  changed: string[];
  /** Recorded, and gone. */
  removed: string[];
  /** Not recorded yet: new migrations. */
  added: string[];
}

export function compareMigrationHashes(recorded: MigrationHashes, current: MigrationHashes): HashCheck {
  const names = Object.keys(recorded);
  return {
    changed: names.filter((name) => current[name] !== undefined && current[name] !== recorded[name]),
    removed: names.filter((name) => current[name] === undefined),
    added: Object.keys(current).filter((name) => recorded[name] === undefined),
  };
}
