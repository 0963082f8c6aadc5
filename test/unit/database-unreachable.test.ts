import { describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Logger } from '../../electron/core/logging/logger';
import { isDatabaseUnreachable, StorageGuard } from '../../electron/core/db/storage-errors';
import { freePort } from '../support/postgres-server';

/** What node-postgres throws when nothing listens where the site's database should be. */
async function refusedConnection(): Promise<unknown> {
  const client = new pg.Client({ connectionString: `postgres://kassa@127.0.0.1:${await freePort()}/kassa` });
  return client.connect().then(
    () => new Error('connected'),
    (error: unknown) => error,
  );
}

/** A logger that keeps what it was told. */
function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string) => void lines.push(message);
  return { lines, info: keep, warn: keep, error: keep };
}

describe('an unreachable PostgreSQL server', () => {
  it('is told apart from other failures: a refused connection, a server shutting down, a dropped link', async () => {
    expect(isDatabaseUnreachable(await refusedConnection())).toBe(true);
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(isDatabaseUnreachable(new Error('Failed query', { cause: shutdown }))).toBe(true);
    expect(isDatabaseUnreachable(new Error('Connection terminated unexpectedly'))).toBe(true);
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(isDatabaseUnreachable(unique)).toBe(false);
    expect(isDatabaseUnreachable(new Error('INSUFFICIENT_FUNDS'))).toBe(false);
  });

  it('answers DATABASE_UNREACHABLE on PostgreSQL only, and says it once in the log, without credentials', async () => {
    const logger = memoryLogger();
    const guard = new StorageGuard({ folder: '/tmp', logger, database: 'postgres://db.example/kassa' });
    const error = await refusedConnection();
    expect(guard.failureFor(error, 'answering till.startSale')?.code).toBe('DATABASE_UNREACHABLE');
    expect(guard.failureFor(error, 'answering till.startSale')?.code).toBe('DATABASE_UNREACHABLE');
    const said = logger.lines.filter((line) => line.includes('cannot be reached'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('postgres://db.example/kassa');
    const onSqlite = new StorageGuard({ folder: '/tmp', logger });
    expect(onSqlite.failureFor(error, 'answering till.startSale')).toBeNull();
  });
});
