import { defineConfig } from 'vitest/config';
import { leftOutOfPostgres } from './test/support/sqlite-only-tests';

const integration = {
  include: ['test/integration/**/*.test.ts'],
  pool: 'forks' as const,
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

export default defineConfig({
  test: {
    pool: 'forks',
    // Vitest's default on a 2-core machine is one worker (cores - 1), and the integration suite then
    // spends most of its time waiting on timers and child stations with one core idle: two workers
    // keep both busy. Timing in the tests allows for a loaded machine (they pass at load 9).
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], pool: 'forks' } },
      { test: { name: 'integration', ...integration } },
      {
        // The same suite on PostgreSQL: one throw-away server for the run, a cloned site per station
        // (test/support/postgres-site.ts). Tests about SQLite files by their nature are listed, with
        // why, in test/support/sqlite-only-tests.ts.
        test: {
          name: 'integration-pg',
          ...integration,
          exclude: leftOutOfPostgres(),
          env: { KASSA_TEST_ENGINE: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
