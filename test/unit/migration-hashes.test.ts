import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareMigrationHashes,
  currentMigrationHashes,
  MIGRATION_FOLDERS,
  type MigrationHashes,
} from '../../electron/core/db/migration-hashes';
import { REPO_ROOT, tempDir } from '../support/temp';

const RESOURCES = join(REPO_ROOT, 'resources');
const recorded = JSON.parse(readFileSync(join(RESOURCES, 'migration-hashes.json'), 'utf8')) as MigrationHashes;

describe('migrations only ever add', () => {
  it('every migration is recorded, and none has changed since it was recorded', () => {
    const check = compareMigrationHashes(recorded, currentMigrationHashes(RESOURCES));
    // A new migration: `npm run db:hashes` records it. A changed or removed one: put it back.
    expect(check).toEqual({ changed: [], removed: [], added: [] });
  });

  it('an edited migration, a removed one and a new one are each told apart', () => {
    const copy = tempDir();
    for (const folder of MIGRATION_FOLDERS) cpSync(join(RESOURCES, folder), join(copy.dir, folder), { recursive: true });
    appendFileSync(join(copy.dir, 'migrations', '0004_z_frozen.sql'), '\nDROP TRIGGER `z_reports_frozen_update`;');
    rmSync(join(copy.dir, 'pg-migrations', '0001_z_frozen.sql'));
    appendFileSync(join(copy.dir, 'station-migrations', '9999_new.sql'), 'SELECT 1;');
    const check = compareMigrationHashes(recorded, currentMigrationHashes(copy.dir));
    copy.remove();
    expect(check).toEqual({
      changed: ['migrations/0004_z_frozen.sql'],
      removed: ['pg-migrations/0001_z_frozen.sql'],
      added: ['station-migrations/9999_new.sql'],
    });
  });
});
