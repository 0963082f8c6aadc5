import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database';
import { topupBatches, wristbands } from '../db/schema';
import { SqliteStore } from '../db/unit-of-work';

export type BatchRow = typeof topupBatches.$inferSelect;

/** Batches made in the same millisecond keep the order they were made in. */
const NEWEST_FIRST = [desc(topupBatches.createdAt), sql`rowid desc`] as const;

/** A wristband id was drawn that some batch already holds: the caller draws again. */
const PRIMARY_KEY_CLASH = 'SQLITE_CONSTRAINT_PRIMARYKEY';
/** With 31^10 possible ids, this many clashes in a row means the id source is broken, not unlucky. */
const MAX_DRAWS_PER_ID = 20;

/**
 * Inserts a batch and its wristbands in one unit of work. Uniqueness across every batch ever printed
 * is the wristbands table's primary key: a clash draws a new id. One prepared statement, reused:
 * 100 000 rows take well under a second. better-sqlite3's statements run on the store's connection,
 * inside the unit's transaction; PostgreSQL's bulk insert comes with stage c.
 */
export async function insertBatchWithWristbands(
  db: Db,
  batch: BatchRow,
  nextId: () => string,
): Promise<void> {
  if (!(db instanceof SqliteStore)) throw new Error('Inserting wristbands on PostgreSQL comes with stage c');
  const sqlite = db.client;
  await db.write(async (tx) => {
    const insert = sqlite.prepare(
      "INSERT INTO wristbands (id, batch_id, position, status, balance_cents, created_at, updated_at) VALUES (?, ?, ?, 'active', 0, ?, ?)",
    );
    await tx.insert(topupBatches).values(batch);
    for (let position = 0; position < batch.count; position += 1) insertOne(insert, batch, position, nextId);
  });
}

function insertOne(
  insert: { run(...params: unknown[]): unknown },
  batch: BatchRow,
  position: number,
  nextId: () => string,
): void {
  for (let draw = 1; ; draw += 1) {
    try {
      insert.run(nextId(), batch.id, position, batch.createdAt, batch.createdAt);
      return;
    } catch (error) {
      const clash = (error as { code?: string }).code === PRIMARY_KEY_CLASH;
      if (!clash || draw >= MAX_DRAWS_PER_ID) throw error;
    }
  }
}

/** A re-issue prints the same ids: its row only, no wristbands of its own. */
export async function insertBatchRow(db: Db, batch: BatchRow): Promise<void> {
  await db.write((tx) => tx.insert(topupBatches).values(batch));
}

export async function findBatch(q: Tx, batchId: string): Promise<BatchRow | undefined> {
  const [row] = await q.select().from(topupBatches).where(eq(topupBatches.id, batchId)).limit(1);
  return row;
}

export function listBatchRows(q: Tx): Promise<BatchRow[]> {
  return q
    .select()
    .from(topupBatches)
    .orderBy(...NEWEST_FIRST);
}

/** The batch whose wristbands these are: the batch itself, or the one a re-issue reprints. */
export const rootOf = (batch: BatchRow): string => batch.reissueOf ?? batch.id;

/** The ids in printing order. */
export async function wristbandIdsOf(q: Tx, rootBatchId: string): Promise<string[]> {
  const rows = await q
    .select({ id: wristbands.id })
    .from(wristbands)
    .where(eq(wristbands.batchId, rootBatchId))
    .orderBy(wristbands.position);
  return rows.map((row) => row.id);
}

export async function firstAndLastIds(q: Tx, batch: BatchRow): Promise<{ first: string; last: string }> {
  const root = rootOf(batch);
  const at = async (position: number): Promise<string> => {
    const [row] = await q
      .select({ id: wristbands.id })
      .from(wristbands)
      .where(and(eq(wristbands.batchId, root), eq(wristbands.position, position)))
      .limit(1);
    return row?.id ?? '';
  };
  return { first: await at(0), last: await at(batch.count - 1) };
}

/** The batch a wristband was first printed in. */
export async function batchIdOfWristband(q: Tx, wristbandId: string): Promise<string | undefined> {
  const [row] = await q
    .select({ batchId: wristbands.batchId })
    .from(wristbands)
    .where(eq(wristbands.id, wristbandId))
    .limit(1);
  return row?.batchId;
}

/** The latest print of a batch's ids: the newest re-issue, or the batch itself. Its payload is current. */
export async function latestPrintOf(q: Tx, rootBatchId: string): Promise<BatchRow | undefined> {
  const [row] = await q
    .select()
    .from(topupBatches)
    .where(or(eq(topupBatches.id, rootBatchId), eq(topupBatches.reissueOf, rootBatchId)))
    .orderBy(...NEWEST_FIRST)
    .limit(1);
  return row;
}
