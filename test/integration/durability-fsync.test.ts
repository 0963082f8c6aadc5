import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SynchronousSetting } from '../../electron/core/db/open-database';
import { spawnDurableStation } from '../support/durable-station';
import { callHttp } from '../support/station-process';
import { answeredRequests, readTrace, type AnsweredRequest } from '../support/sync-trace';
import { tempDir } from '../support/temp';

/**
 * A copy of the files cannot show durability (unsynced writes are visible to every reader until the power
 * goes), so this test watches the station's system calls instead: for every cash sale answered over HTTP,
 * the commit's last write to training.sqlite(-wal) must be followed by a sync of that file before the first
 * byte of the answer is written. Each run starts on a fresh data folder, so the first commits of a new
 * database are held to it too.
 */
const SALES = 20;
const TRACED = ['fsync', 'fdatasync', 'pwrite64', 'pwritev', 'write', 'writev', 'read', 'sendto', 'sendmsg'];
const isTrainingDatabase = (path: string): boolean => /\/training\.sqlite(-wal)?$/.test(path);

async function must(url: string, method: string, input: unknown): Promise<void> {
  const result = await callHttp(url, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
}

/** A fresh data folder, a station under strace, a drawer and SALES cash sales; the sales' requests as traced. */
async function tracedCashSales(synchronous: SynchronousSetting): Promise<AnsweredRequest[]> {
  const folder = tempDir('kassa-durability-');
  const file = join(folder.dir, 'strace.log');
  try {
    const station = await spawnDurableStation({
      dataDir: join(folder.dir, 'data'),
      synchronous,
      trace: { file, syscalls: TRACED },
    });
    try {
      await must(station.url, 'drawer.open', { tillId: 'till-1', floatCents: 10_000 });
      for (let sale = 0; sale < SALES; sale++) {
        const input = { tillId: 'till-1', amountCents: 250 + sale, tenderedCents: 1_000 };
        await must(station.url, 'till.payCash', { ...input, idempotencyKey: `durable-sale-${sale}` });
      }
    } finally {
      await station.stop();
    }
    return answeredRequests(readTrace(file), 'POST /api/till.payCash', isTrainingDatabase);
  } finally {
    folder.remove();
  }
}

describe('durability of answered sales (strace)', () => {
  it('syncs the database log after every cash sale is committed and before it is answered', async () => {
    const sales = await tracedCashSales('FULL');
    expect(sales).toHaveLength(SALES);
    for (const sale of sales) {
      expect(sale.answer, 'each request got an answer on its connection').not.toBeNull();
      expect(sale.lastDatabaseWrite, 'each sale wrote its commit').not.toBeNull();
      expect(sale.syncsBeforeAnswer.length, 'a sync between the commit and the answer').toBeGreaterThan(0);
    }
    // The log the commit went to is the one synced (WAL: the -wal file).
    const synced = new Set(sales.flatMap((sale) => sale.syncsBeforeAnswer.map((sync) => sync.target)));
    expect([...synced].some((path) => path.endsWith('training.sqlite-wal'))).toBe(true);
  }, 180_000);

  it('finds far fewer syncs under the old setting (synchronous = NORMAL), so the check above can fail', async () => {
    const sales = await tracedCashSales('NORMAL');
    expect(sales).toHaveLength(SALES);
    // The sales did write their commits: the check looked at real commits and found them unsynced.
    expect(sales.every((sale) => sale.answer !== null && sale.lastDatabaseWrite !== null)).toBe(true);
    const synced = sales.filter((sale) => sale.syncsBeforeAnswer.length > 0).length;
    expect(synced).toBeLessThanOrEqual(SALES / 10);
  }, 180_000);
});
