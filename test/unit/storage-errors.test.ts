import { tmpdir } from 'node:os';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallbackVerification } from '../../electron/core/bancontact/callback-verifier';
import { openDatabase, type SqliteDb } from '../../electron/core/db/open-database';
import { rawRun } from '../../electron/core/db/raw';
import { isDiskFull, StorageGuard } from '../../electron/core/db/storage-errors';
import type { Logger } from '../../electron/core/logging/logger';
import { CallbackIntake } from '../../electron/core/payments/callback-intake';
import { applyStatus } from '../../electron/core/payments/transition';
import { SalesRepo } from '../../electron/core/sales/sales-repo';
import { MIGRATIONS, waitFor } from '../support/temp';

/**
 * SQLite's own limit on the file's size (`max_page_count`) gives a real SQLITE_FULL without a full disk;
 * the tmpfs test (test/integration/disk-full.test.ts) covers the real thing end to end.
 */
let db: SqliteDb;
const roomy = tmpdir();

beforeEach(() => {
  db = openDatabase({ file: ':memory:', migrationsFolder: MIGRATIONS });
});
afterEach(() => db.close());

/** From now on SQLite cannot grow the database by a single page. */
function fillUp(): void {
  const pages = db.client.pragma('page_count', { simple: true }) as number;
  db.client.pragma(`max_page_count = ${pages}`);
}

async function errorOf(write: () => unknown): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write did not fail');
}

const recordingLogger = () => {
  const lines: string[] = [];
  const logger: Logger = {
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
  return { lines, logger };
};

describe('telling a full disk apart', () => {
  it('recognises SQLITE_FULL from SQLite, also wrapped by drizzle, and ENOSPC from Node', async () => {
    db.client.exec('CREATE TABLE filler (x TEXT)');
    fillUp();
    const big = 'x'.repeat(64 * 1024);
    const raw = await errorOf(() => db.client.prepare('INSERT INTO filler VALUES (?)').run(big));
    const wrapped = await errorOf(() =>
      db.write((tx) => rawRun(tx, sql`INSERT INTO filler VALUES (${big})`)),
    );
    expect(isDiskFull(raw, roomy)).toBe(true);
    expect(isDiskFull(wrapped, roomy)).toBe(true);
    expect(
      isDiskFull(Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }), roomy),
    ).toBe(true);
  });

  it('does not take other failures for a full disk, nor an I/O error on a disk with room', async () => {
    const constraint = await errorOf(() =>
      db.write((tx) => rawRun(tx, sql`INSERT INTO sales (id) VALUES (NULL)`)),
    );
    expect(isDiskFull(constraint, roomy)).toBe(false);
    const io = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    expect(isDiskFull(io, roomy)).toBe(false);
    expect(isDiskFull(new Error('something else'), roomy)).toBe(false);
  });

  it('answers DISK_FULL naming the folder, logs once per episode, and says when space is back', async () => {
    const { lines, logger } = recordingLogger();
    const guard = new StorageGuard({ folder: roomy, logger, probeIntervalMs: 10 });
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    try {
      expect(guard.failureFor(full, 'answering till.payCash')?.toError()).toEqual({
        code: 'DISK_FULL',
        message: `The disk holding Kassa's data is full: free space on ${roomy}`,
        folder: roomy,
      });
      expect(guard.absorbs(full, 'saving payment X')).toBe(true);
      expect(guard.failureFor(new Error('other'), 'answering till.payCash')).toBeNull();
      expect(lines.filter((line) => line.startsWith('error'))).toHaveLength(1);
      // The temp folder has room: the probe ends the episode, and the next full disk is news again.
      await waitFor(() => !guard.full, 5_000, 'the end of the episode');
      expect(lines.at(-1)).toMatch(/^warn free space is back on /);
      guard.failureFor(full, 'answering till.payCash');
      expect(lines.filter((line) => line.startsWith('error'))).toHaveLength(2);
    } finally {
      guard.stop();
    }
  });
});

describe('a callback on a full disk', () => {
  it('is answered 503 so that Bancontact sends it again, and applied when it comes back with room', async () => {
    const repo = new SalesRepo(db);
    await repo.insertSaleWithPayment(
      { id: 'sale-1', tillId: 'till-1', amountCents: 1250, idempotencyKey: 'k-1', at: 1 },
      { id: 'pay-1', saleId: 'sale-1', profileId: 'p', posId: null, amountCents: 1250, at: 1 },
    );
    const created = {
      bancontactId: 'b'.repeat(24),
      deeplink: 'https://pay.bancontact.net/pay/2/b',
      expiresAt: 9,
    };
    await applyStatus(db, { paymentId: 'pay-1', status: 'PENDING', source: 'create', at: 2, created });
    const verified: CallbackVerification = {
      ok: true,
      callback: {
        jti: 'jti-1',
        iat: '3',
        kid: 'k',
        body: { paymentId: created.bancontactId, status: 'SUCCEEDED' },
      },
    };
    const { logger } = recordingLogger();
    const storage = new StorageGuard({ folder: roomy, logger });
    const intake = new CallbackIntake({
      ...{ db, profileId: 'p', now: () => 3, logger, onSaleChanged: () => {}, storage },
      verifier: { verify: () => Promise.resolve(verified) },
    });
    // The receipt keeps the raw body: one this long needs pages the full file cannot have.
    const rawBody = JSON.stringify({ padding: 'x'.repeat(64 * 1024) });
    try {
      fillUp();
      expect(await intake.receive(rawBody, 'sig')).toEqual({
        status: 503,
        body: { ok: false, reason: 'DISK_FULL' },
      });
      expect((await repo.saleView('sale-1'))?.status).toBe('open');
      db.client.pragma('max_page_count = 1000000');
      expect(await intake.receive(rawBody, 'sig')).toEqual({ status: 200, body: { ok: true } });
      expect((await repo.saleView('sale-1'))?.status).toBe('paid');
    } finally {
      storage.stop();
    }
  });
});
