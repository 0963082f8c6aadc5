import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/open-database';
import { greatest } from '../db/dialect';
import { bookIdentity, zReports } from '../db/schema';

/** Which book a database holds, and the last Z number it has issued or must stay above. */
export interface BookIdentity {
  bookId: string;
  lastZ: number;
}

/** The book's identity, or null for a database that has none yet (a fresh one). */
export async function readBookIdentity(q: Tx): Promise<BookIdentity | null> {
  const [row] = await q.select().from(bookIdentity).where(eq(bookIdentity.id, 1)).limit(1);
  if (!row) return null;
  return { bookId: row.bookId, lastZ: Math.max(row.zFloor, await highestZ(q)) };
}

/**
 * Gives a database its identity the first time it opens; later calls answer the one it has. Called
 * inside a unit of work (`db.write`), so that the read and the insert are one.
 */
export async function ensureBookIdentity(tx: Tx, at: number): Promise<BookIdentity> {
  const known = await readBookIdentity(tx);
  if (known) return known;
  const bookId = randomBytes(16).toString('hex');
  await tx.insert(bookIdentity).values({ id: 1, bookId, createdAt: at, zFloor: 0 }).onConflictDoNothing();
  return (await readBookIdentity(tx)) ?? { bookId, lastZ: await highestZ(tx) };
}

/** The next Z may not go below `floor + 1` (after a restore, or in a new book that follows an old one). */
export async function raiseZFloor(tx: Tx, floor: number): Promise<void> {
  await tx
    .update(bookIdentity)
    .set({ zFloor: greatest(tx, sql`${bookIdentity.zFloor}`, floor) })
    .where(eq(bookIdentity.id, 1));
}

async function highestZ(q: Tx): Promise<number> {
  const [row] = await q
    .select({ n: sql<number | null>`max(${zReports.number})` })
    .from(zReports)
    .limit(1);
  return row?.n ?? 0;
}
