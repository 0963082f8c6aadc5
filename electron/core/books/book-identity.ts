import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/open-database';
import { bookIdentity, zReports } from '../db/schema';

/** Which book a database holds, and the last Z number it has issued or must stay above. */
export interface BookIdentity {
  bookId: string;
  lastZ: number;
}

/** The book's identity, or null for a database that has none yet (a fresh one). */
export function readBookIdentity(db: Db | Tx): BookIdentity | null {
  const row = db.select().from(bookIdentity).where(eq(bookIdentity.id, 1)).get();
  if (!row) return null;
  return { bookId: row.bookId, lastZ: Math.max(row.zFloor, highestZ(db)) };
}

/** Gives a database its identity the first time it opens; later calls answer the one it has. */
export function ensureBookIdentity(db: Db, at: number): BookIdentity {
  const known = readBookIdentity(db);
  if (known) return known;
  const bookId = randomBytes(16).toString('hex');
  db.insert(bookIdentity).values({ id: 1, bookId, createdAt: at, zFloor: 0 }).onConflictDoNothing().run();
  return readBookIdentity(db) ?? { bookId, lastZ: highestZ(db) };
}

/** The next Z may not go below `floor + 1` (after a restore, or in a new book that follows an old one). */
export function raiseZFloor(db: Db, floor: number): void {
  db.update(bookIdentity)
    .set({ zFloor: sql`max(${bookIdentity.zFloor}, ${floor})` })
    .where(eq(bookIdentity.id, 1))
    .run();
}

function highestZ(db: Db | Tx): number {
  const row = db
    .select({ n: sql<number | null>`max(${zReports.number})` })
    .from(zReports)
    .get();
  return row?.n ?? 0;
}
