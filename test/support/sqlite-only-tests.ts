/*
 * The integration tests `integration-pg` leaves out (vitest.config.mts), each with its one reason.
 * Every other integration test runs on both engines.
 */

const folder = 'test/integration/';

/** About SQLite files by their nature: on PostgreSQL there is no such file to back up, damage or fill. */
export const SQLITE_ONLY_TESTS: Record<string, string> = {
  'backups.test.ts': "SQLite's file backups (VACUUM INTO); PostgreSQL is backed up by pg_dump",
  'backup-folders.test.ts': 'where the SQLite backup files go',
  'inbox-backup.test.ts': "the inbox's message of a failed SQLite file backup",
  'backup-teardown.test.ts': "SQLite's file backups while the process exits or the book is replaced",
  'station-database-backup.test.ts': "station.sqlite's file backups",
  'restore.test.ts': 'restores a SQLite backup file over the book',
  'restore-cli.test.ts': '`npm run restore` copies a SQLite backup file',
  'restore-festival.test.ts': 'restores a SQLite backup file',
  'restore-recovery.test.ts': 'the gap after restoring a SQLite backup file',
  'station-lock-restore.test.ts':
    '`npm run restore` of a SQLite backup file refused beside a running station',
  'refuse-start.test.ts': 'deleted, truncated, damaged .sqlite files',
  'disk-full.test.ts': "SQLite on a full data folder's disk",
  'durability-fsync.test.ts': "SQLite's fsync trace (strace) and synchronous = FULL",
  'storage.test.ts': "the SQLite file, WAL mode and SQLite's migrations",
  'station-database.test.ts': "station.sqlite's file, its SQLite migrations and triggers",
  'migration-backfills.test.ts': 'books made by an older Kassa are SQLite files',
  'chaos.test.ts':
    "one station's chaos settles by reading its SQLite file; the site's chaos on PostgreSQL is its own test",
};

/** Run once already: they start no station, or try both engines themselves. */
export const ENGINE_FREE_TESTS: Record<string, string> = {
  'engine-*.test.ts': 'the engine twins: each tries SQLite and its own PostgreSQL side by side',
  'pg-*.test.ts': 'PostgreSQL itself, on a server the test starts',
  'site-*.test.ts': 'many stations of a site, on a PostgreSQL server the test starts',
  'station-on-postgres.test.ts': 'a station on a PostgreSQL server the test starts (and stops)',
  'simulator-*.test.ts': 'the Bancontact or PPRO simulator alone, which keeps no Kassa books',
};

/** The globs `integration-pg` excludes. */
export function leftOutOfPostgres(): string[] {
  return [...Object.keys(SQLITE_ONLY_TESTS), ...Object.keys(ENGINE_FREE_TESTS)].map((name) => folder + name);
}
