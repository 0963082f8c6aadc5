import { asc, desc, eq, isNull } from 'drizzle-orm';
import {
  CANNOT_COME_BACK,
  type RecoveredPaymentView,
  type RestoreView,
} from '../../../shared/contract/restore-methods';
import type { Db, Tx } from '../db/open-database';
import { recoveredPayments, restores } from '../db/schema';

/**
 * The search at Bancontact starts this long before the backup was taken. A payment is created before it
 * succeeds (it expires after 2 minutes), and the clocks of the station and of Bancontact may differ by a
 * little: 15 minutes covers both with room to spare, and a payment the book already knows is skipped.
 */
export const SAFETY_MARGIN_MS = 15 * 60_000;

export type RestoreRow = typeof restores.$inferSelect;
export type RecoveredRow = typeof recoveredPayments.$inferSelect;

export async function insertRestore(tx: Tx, row: Omit<RestoreRow, 'searchedAt'>): Promise<void> {
  await tx.insert(restores).values({ ...row, searchedAt: null });
}

/** Restores whose gap Bancontact has not been searched for yet, oldest first. */
export function unsearchedRestores(db: Db): Promise<RestoreRow[]> {
  return db.read((q) =>
    q.select().from(restores).where(isNull(restores.searchedAt)).orderBy(asc(restores.restoredAt)),
  );
}

export async function markSearched(db: Db, restoreId: string, at: number): Promise<void> {
  await db.write((tx) => tx.update(restores).set({ searchedAt: at }).where(eq(restores.id, restoreId)));
}

export async function isRecovered(q: Tx, bancontactId: string): Promise<boolean> {
  const [row] = await q
    .select()
    .from(recoveredPayments)
    .where(eq(recoveredPayments.bancontactId, bancontactId))
    .limit(1);
  return row !== undefined;
}

export async function insertRecovered(tx: Tx, row: RecoveredRow): Promise<void> {
  await tx.insert(recoveredPayments).values(row).onConflictDoNothing();
}

/** The newest restore of this database with everything it brought back; null when it was never restored. */
export async function lastRestoreView(db: Db): Promise<RestoreView | null> {
  const found = await db.read(async (q) => {
    const [row] = await q.select().from(restores).orderBy(desc(restores.restoredAt)).limit(1);
    if (!row) return null;
    const recovered = await q
      .select()
      .from(recoveredPayments)
      .where(eq(recoveredPayments.restoreId, row.id))
      .orderBy(asc(recoveredPayments.succeededAt));
    return { row, recovered };
  });
  if (!found) return null;
  const { row, recovered } = found;
  return {
    id: row.id,
    restoredAt: iso(row.restoredAt),
    fromFile: row.fromFile,
    backupTakenAt: iso(row.backupTakenAt),
    searchedFrom: iso(row.searchedFrom),
    searchedAt: row.searchedAt === null ? null : iso(row.searchedAt),
    recovered: recovered.map(recoveredView),
    cannotComeBack: [...CANNOT_COME_BACK],
  };
}

function recoveredView(row: RecoveredRow): RecoveredPaymentView {
  return {
    bancontactId: row.bancontactId,
    kind: row.kind,
    amountCents: row.amountCents,
    succeededAt: iso(row.succeededAt),
    saleId: row.saleId,
    wristbandId: row.wristbandId,
    recoveredAt: iso(row.recoveredAt),
  };
}

const iso = (at: number): string => new Date(at).toISOString();
