import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/core/logging/logger';
import { closeDay, goLive, liveOptions, testClock, type Simulator } from '../support/book-folders';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { startTestSimulator, startTestStation } from '../support/station-in-process';
import { tempDir } from '../support/temp';

/*
 * What is particular to a station whose books are on PostgreSQL (docs/storage-engines.md): the data
 * folder's marker checked against the shared live books, an unreachable server, and its password kept
 * out of every message. It starts its own server, so it runs once, in the SQLite project's run too.
 */

let server: PostgresServer;
let sim: Simulator;
const PASSWORD = 'not-for-logs-7731';

beforeAll(async () => {
  server = await startThrowawayPostgres();
  sim = await startTestSimulator();
}, 60_000);
afterAll(async () => {
  await sim.close();
  server.remove();
});

let sites = 0;
/** A new site database; the address carries a password (trust authentication ignores it). */
function newSite(): string {
  const name = `station_pg_${++sites}`;
  psql(server.baseUrl, 'postgres', `CREATE DATABASE ${name}`);
  return `postgres://postgres:${PASSWORD}@127.0.0.1:${server.port}/${name}`;
}

/** A logger that keeps every line, to prove what it never says. */
function keptLogger(): Logger & { text(): string } {
  const lines: string[] = [];
  const keep = (message: string, error?: unknown) => void lines.push(`${message} ${String(error ?? '')}`);
  return { info: keep, warn: keep, error: keep, text: () => lines.join('\n') };
}

describe('a station on PostgreSQL', () => {
  it('refuses a data folder whose marker remembers another live book, naming the database without its password', async () => {
    const clock = testClock();
    const [ours, theirs] = [tempDir(), tempDir()];
    const [site, otherSite] = [newSite(), newSite()];
    const logger = keptLogger();
    const open = (dir: string, database: string) =>
      startTestStation({ ...liveOptions(sim, dir, clock.now), database, logger });
    const kassa = await open(ours.dir, site);
    await goLive(kassa);
    expect(await closeDay(kassa, clock)).toBe(1);
    await kassa.close();
    const other = await open(theirs.dir, otherSite);
    await goLive(other);
    await other.close();
    // The folder now remembers the other site's book.
    cpSync(join(theirs.dir, 'books.json'), join(ours.dir, 'books.json'));
    const refused = await open(ours.dir, site);
    const { refusal } = await refused.must('station.getStatus', {});
    await refused.close();
    const location = `postgres://127.0.0.1:${server.port}/station_pg_${sites - 1}_live`;
    expect(refusal).toMatchObject({ problem: 'other-book', file: location, databaseFile: 'kassa.sqlite' });
    expect(refusal?.line).not.toContain(PASSWORD);
    expect(logger.text()).toMatch(/on PostgreSQL .*SQLite backups are skipped/);
    expect(logger.text()).not.toContain(PASSWORD);
    for (const made of [ours, theirs]) made.remove();
  });

  // A sale's first read meets the stopped server and is tried again for a second only
  // (db/pg/connection-loss.ts), so the answer is the refusal. After the restart, the pool's connections
  // from before are dead: the next sale must still go through, not meet one of them.
  it('refuses sales with DATABASE_UNREACHABLE while the server is down, loses nothing, and sells again once it is back', async () => {
    const logger = keptLogger();
    const kassa = await startTestStation({ simulatorUrl: sim.baseUrl, database: newSite(), logger });
    try {
      await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
      const sale = { amountCents: 1250, tenderedCents: 2000, tillId: 'till-1' };
      await kassa.must('till.payCash', { ...sale, idempotencyKey: 'before-the-outage' });
      server.stop('immediate');
      const during = await kassa.call('till.payCash', { ...sale, idempotencyKey: 'during-the-outage' });
      server.start();
      expect(during).toMatchObject({ ok: false, error: { code: 'DATABASE_UNREACHABLE' } });
      await kassa.must('till.payCash', { ...sale, idempotencyKey: 'after-the-outage' });
      expect((await kassa.must('drawer.get', { tillId: 'till-1' }))?.cashSalesCents).toBe(2500);
      expect(logger.text()).toMatch(/cannot be reached/);
      expect(logger.text()).not.toContain(PASSWORD);
    } finally {
      await kassa.close();
    }
  }, 60_000);
});
