import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/open-database';
import {
  insertBatchRow,
  insertBatchWithWristbands,
  latestPrintOf,
  listBatchRows,
  wristbandIdsOf,
  type BatchRow,
} from '../../electron/core/topup/batch-repo';
import { ENGINES, startEnginePair, type EngineName, type EnginePair } from '../support/engine-pair';

let pair: EnginePair;
beforeAll(async () => {
  pair = await startEnginePair();
}, 60_000);
afterAll(() => pair?.end());

const AT = Date.UTC(2026, 6, 4, 18);

function batch(id: string, count: number, extra: Partial<BatchRow> = {}): BatchRow {
  return {
    id,
    profileId: 'PPID-1',
    count,
    amountMode: 'open',
    amountCents: null,
    description: 'Top-up',
    eventName: 'Feest',
    logo: null,
    payloadHost: 'pay.bancontact.net',
    reissueOf: null,
    staffId: null,
    deviceId: null,
    createdAt: AT,
    ...extra,
  };
}

/** Ids from a script, then numbered ones: the same draws on both engines. */
function source(script: string[]): () => string {
  const queue = [...script];
  let n = 0;
  return () => queue.shift() ?? `ID-${String((n += 1)).padStart(7, '0')}`;
}

/** The scenario: two batches whose draws clash with each other and within themselves, a re-issue in the same ms. */
async function scenario(db: Db) {
  await insertBatchWithWristbands(db, batch('b1', 4), source(['A', 'B', 'B', 'C', 'D']));
  await insertBatchWithWristbands(db, batch('b2', 3), source(['C', 'A', 'E', 'E', 'D', 'F', 'G']));
  const reissue = batch('b3', 4, { reissueOf: 'b1' });
  await insertBatchRow(db, reissue);
  return db.read(async (q) => ({
    b1: await wristbandIdsOf(q, 'b1'),
    b2: await wristbandIdsOf(q, 'b2'),
    order: (await listBatchRows(q)).map((row) => [row.id, row.createdAt]),
    latestOfB1: (await latestPrintOf(q, 'b1'))?.id,
    storedReissueAt: reissue.createdAt,
  }));
}

describe('wristband batches on SQLite and PostgreSQL', () => {
  it('draw the same ids, skip the same clashes and order batches of one millisecond alike', async () => {
    const results = [];
    for (const engine of ENGINES) results.push(await scenario(await pair.books(engine)));
    const [sqlite, postgres] = results;
    expect(sqlite).toEqual({
      b1: ['A', 'B', 'C', 'D'],
      b2: ['E', 'F', 'G'],
      order: [
        ['b3', AT + 2],
        ['b2', AT + 1],
        ['b1', AT],
      ],
      latestOfB1: 'b3',
      storedReissueAt: AT + 2,
    });
    expect(postgres).toEqual(sqlite);
  });

  it('refuse an id source that keeps repeating itself, leaving nothing behind', async () => {
    for (const engine of ENGINES) {
      const db = await pair.books(engine);
      await insertBatchWithWristbands(db, batch('b1', 1), source(['X']));
      const stuck = insertBatchWithWristbands(db, batch('b2', 2), () => 'X');
      await expect(stuck, engine).rejects.toThrow();
      expect(await db.read((q) => listBatchRows(q)), engine).toHaveLength(1);
    }
  });

  it('insert 100 000 wristbands in one unit of work on each engine', async () => {
    const took: Record<EngineName, number> = { sqlite: 0, postgres: 0 };
    for (const engine of ENGINES) {
      const db = await pair.books(engine);
      const started = performance.now();
      await insertBatchWithWristbands(db, batch('big', 100_000), source([]));
      took[engine] = Math.round(performance.now() - started);
      const ids = await db.read((q) => wristbandIdsOf(q, 'big'));
      expect(ids, engine).toHaveLength(100_000);
      expect(ids.at(-1), engine).toBe('ID-0100000');
    }
    console.info(`100 000 wristbands: SQLite ${took.sqlite} ms, PostgreSQL ${took.postgres} ms`);
    expect(took.postgres).toBeLessThan(10_000);
  }, 60_000);
});
