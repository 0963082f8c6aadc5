import { desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database';
import { topupBatches } from '../db/schema';

export type BatchRow = typeof topupBatches.$inferSelect;

/** Batches made in the same millisecond keep the order they were made in. */
const NEWEST_FIRST = [desc(topupBatches.createdAt), sql`rowid desc`] as const;

/** A wristband id was drawn that some batch already holds: the caller draws again. */
const PRIMARY_KEY_CLASH = 'SQLITE_CONSTRAINT_PRIMARYKEY';
/** With 31^10 possible ids, this many clashes in a row means the id source is broken, not unlucky. */
const MAX_DRAWS_PER_ID = 20;

/**
 * Inserts a batch and its wristbands in one transaction. Uniqueness across every batch ever printed
 * is the wristbands table's primary key: a clash draws a new id. One prepared statement, reused:
 * 100 000 rows take well under a second.
 */
export function insertBatchWithWristbands(db: Db, batch: BatchRow, nextId: () => string): void {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    "INSERT INTO wristbands (id, batch_id, position, status, balance_cents, created_at, updated_at) VALUES (?, ?, ?, 'active', 0, ?, ?)",
  );
  sqlite.transaction(() => {
    db.insert(topupBatches).values(batch).run();
    for (let position = 0; position < batch.count; position += 1) insertOne(insert, batch, position, nextId);
  })();
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
export function insertBatchRow(db: Db, batch: BatchRow): void {
  db.insert(topupBatches).values(batch).run();
}

export function findBatch(db: Db, batchId: string): BatchRow | undefined {
  return db.select().from(topupBatches).where(eq(topupBatches.id, batchId)).get();
}

export function listBatchRows(db: Db): BatchRow[] {
  return db
    .select()
    .from(topupBatches)
    .orderBy(...NEWEST_FIRST)
    .all();
}

/** The batch whose wristbands these are: the batch itself, or the one a re-issue reprints. */
export const rootOf = (batch: BatchRow): string => batch.reissueOf ?? batch.id;

/** The ids in printing order. */
export function wristbandIdsOf(db: Db, rootBatchId: string): string[] {
  return db.$client
    .prepare('SELECT id FROM wristbands WHERE batch_id = ? ORDER BY position')
    .pluck()
    .all(rootBatchId) as string[];
}

export function firstAndLastIds(db: Db, batch: BatchRow): { first: string; last: string } {
  const at = db.$client.prepare('SELECT id FROM wristbands WHERE batch_id = ? AND position = ?').pluck();
  const root = rootOf(batch);
  return { first: (at.get(root, 0) as string) ?? '', last: (at.get(root, batch.count - 1) as string) ?? '' };
}

/** The batch a wristband was first printed in. */
export function batchIdOfWristband(db: Db, wristbandId: string): string | undefined {
  return db.$client.prepare('SELECT batch_id FROM wristbands WHERE id = ?').pluck().get(wristbandId) as
    string | undefined;
}

/** The latest print of a batch's ids: the newest re-issue, or the batch itself. Its payload is current. */
export function latestPrintOf(db: Db, rootBatchId: string): BatchRow | undefined {
  return db
    .select()
    .from(topupBatches)
    .where(or(eq(topupBatches.id, rootBatchId), eq(topupBatches.reissueOf, rootBatchId)))
    .orderBy(...NEWEST_FIRST)
    .limit(1)
    .get();
}
