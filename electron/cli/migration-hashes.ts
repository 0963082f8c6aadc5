import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  compareMigrationHashes,
  currentMigrationHashes,
  type MigrationHashes,
} from '../core/db/migration-hashes';

/*
 * `npm run db:hashes`: records the hash of each new migration. It never changes a recorded one: an
 * edited migration is refused here as it is in the tests (write a new migration instead).
 */
const resources = resolve(__dirname, '..', '..', 'resources');
const file = join(resources, 'migration-hashes.json');
const recorded = JSON.parse(readFileSync(file, 'utf8')) as MigrationHashes;
const current = currentMigrationHashes(resources);
const check = compareMigrationHashes(recorded, current);
if (check.changed.length > 0 || check.removed.length > 0) {
  console.error(`Migrations only ever add. Changed: ${check.changed.join(', ') || 'none'}; removed: ${check.removed.join(', ') || 'none'}.`);
  console.error('Put those files back as they were and write a new migration instead.');
  process.exit(1);
}
const next = { ...recorded, ...Object.fromEntries(check.added.map((name) => [name, current[name]!])) };
writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
console.log(check.added.length > 0 ? `Recorded ${check.added.join(', ')}.` : 'Every migration was already recorded.');
