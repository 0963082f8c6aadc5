import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBookIdentity, raiseZFloor, readBookIdentity } from '../../electron/core/books/book-identity';
import { silentLogger } from '../../electron/core/logging/logger';
import { callbackRejectionTallies } from '../../electron/core/db/schema';
import { HOUR_MS, RejectionTally } from '../../electron/core/payments/rejection-tally';
import { ENGINES, startEnginePair, type EnginePair } from '../support/engine-pair';

let pair: EnginePair;
beforeAll(async () => {
  pair = await startEnginePair();
}, 60_000);
afterAll(() => pair?.end());

const HOUR = 20 * HOUR_MS;

describe('the larger of two values (max on SQLite, greatest on PostgreSQL)', () => {
  it('a Z floor is only ever raised, on both engines', async () => {
    for (const engine of ENGINES) {
      const db = await pair.books(engine);
      const lastZ = await db.write(async (tx) => {
        await ensureBookIdentity(tx, 1);
        await raiseZFloor(tx, 7);
        await raiseZFloor(tx, 3);
        return (await readBookIdentity(tx))?.lastZ;
      });
      expect(lastZ, engine).toBe(7);
    }
  });

  it('refused callbacks add up across flushes and keep the latest time, on both engines', async () => {
    for (const engine of ENGINES) {
      const db = await pair.books(engine);
      const tally = new RejectionTally(db, silentLogger);
      await tally.add('PPID', 'bad-signature', HOUR + 500);
      await tally.flush();
      await tally.add('PPID', 'bad-signature', HOUR + 100);
      await tally.add('PPID', 'bad-signature', HOUR + 300);
      await tally.flush();
      const rows = await db.read((q) => q.select().from(callbackRejectionTallies));
      expect(rows, engine).toEqual([
        { profileId: 'PPID', reason: 'bad-signature', hourStart: HOUR, count: 3, lastAt: HOUR + 500 },
      ]);
    }
  });
});
