import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../../electron/core/db/open-database';
import { rawRow } from '../../electron/core/db/raw';
import { wristbands } from '../../electron/core/db/schema';
import { BatchService, type CreateBatchInput } from '../../electron/core/topup/batch-service';
import { trainingTopupProfiles } from '../../electron/core/settings/topup-profiles';
import { WRISTBAND_ALPHABET, wristbandIdFromData } from '../../shared/domain/wristband-id';
import { MIGRATIONS, tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let db: Db;

beforeEach(() => {
  folder = tempDir();
  db = openDatabase({ file: join(folder.dir, 'training.sqlite'), migrationsFolder: MIGRATIONS });
});
afterEach(async () => {
  await db.close();
  folder.remove();
});

/** A random source that draws exactly these ids' data symbols, in this order. */
function scripted(data: string[]): (count: number) => Uint8Array {
  const queue = [...data];
  return (count) => {
    const next = queue.shift();
    if (next === undefined) throw new Error('the script ran out of ids');
    const bytes = new Uint8Array(count);
    [...next].forEach((symbol, i) => (bytes[i] = WRISTBAND_ALPHABET.indexOf(symbol)));
    return bytes;
  };
}

const input: CreateBatchInput = {
  count: 3,
  amountMode: 'open',
  description: 'Top-up',
  eventName: 'Test',
  layout: 'label',
  legacyHost: false,
};

const idsOf = async (batchId: string): Promise<string[]> => {
  const rows = await db.read((q) =>
    q
      .select({ id: wristbands.id })
      .from(wristbands)
      .where(eq(wristbands.batchId, batchId))
      .orderBy(wristbands.position),
  );
  return rows.map((row) => row.id);
};

const countOf = async (table: string): Promise<number | undefined> =>
  (await db.read((q) => rawRow<{ n: number }>(q, sql.raw(`SELECT count(*) AS n FROM ${table}`))))?.n;

describe('wristband ids in the database', () => {
  it('draw again when an id is already taken, by this batch or by any earlier one', async () => {
    const profiles = trainingTopupProfiles('http://127.0.0.1:9');
    const make = (data: string[]) =>
      new BatchService({ db, profiles, now: () => 1_000, random: scripted(data) });
    const first = await make(['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC']).create(input);
    expect(await idsOf(first.id)).toEqual(
      ['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC'].map(wristbandIdFromData),
    );
    // The second batch draws B (taken by the first batch), D, D again (taken by itself), then E and F.
    const second = await make(['BBBBBBBBBB', 'DDDDDDDDDD', 'DDDDDDDDDD', 'EEEEEEEEEE', 'FFFFFFFFFF']).create(
      input,
    );
    expect(await idsOf(second.id)).toEqual(
      ['DDDDDDDDDD', 'EEEEEEEEEE', 'FFFFFFFFFF'].map(wristbandIdFromData),
    );
  });

  it('give up, and insert nothing, when the id source only ever repeats itself', async () => {
    const profiles = trainingTopupProfiles('http://127.0.0.1:9');
    await new BatchService({ db, profiles, now: () => 1, random: scripted(['AAAAAAAAAA']) }).create({
      ...input,
      count: 1,
    });
    const stuck = new BatchService({
      db,
      profiles,
      now: () => 2,
      random: scripted(Array(50).fill('AAAAAAAAAA')),
    });
    await expect(stuck.create({ ...input, count: 2 })).rejects.toThrow(/UNIQUE|PRIMARY/i);
    expect(await countOf('topup_batches')).toBe(1);
    expect(await countOf('wristbands')).toBe(1);
  });
});
