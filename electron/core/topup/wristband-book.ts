import { and, eq, gte, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { WristbandEntryKind } from '../../../shared/contract';
import type { Tx } from '../db/open-database';
import { wristbandEntries, wristbands } from '../db/schema';
import { normalizeWristbandId } from '../../../shared/domain/wristband-id';
import type { Actor } from '../ledger/actor';
import { recordWristbandEntry } from '../ledger/bookkeeper';
import { autoTopupAfterDebit } from './auto-topup-trigger';

export type WristbandRow = typeof wristbands.$inferSelect;

export interface Movement {
  kind: WristbandEntryKind;
  /** Signed: credits above zero, everything else below. */
  amountCents: number;
  bancontactId?: string;
  saleId?: string;
  payerName?: string | null;
  /** The top-up profile a top-up was paid to, for the transactions list. */
  profileId?: string;
  at: number;
  /** Who made it, on which device; none for a top-up Bancontact reported. */
  actor?: Actor;
}

/** The canonical id, or INVALID_WRISTBAND_ID: a typo or a foreign code never reaches the ledger. */
export function wristbandIdOrFail(input: string): string {
  const id = normalizeWristbandId(input);
  if (!id) throw new ContractFailure('INVALID_WRISTBAND_ID', 'This is not a valid wristband id');
  return id;
}

export async function findWristband(q: Tx, id: string): Promise<WristbandRow | undefined> {
  const [band] = await q.select().from(wristbands).where(eq(wristbands.id, id)).limit(1);
  return band;
}

/** The wristband, refused with a clear code when it is unknown or can no longer take movements. */
export async function usableWristband(q: Tx, id: string): Promise<WristbandRow> {
  const band = await findWristband(q, id);
  if (!band) throw new ContractFailure('NOT_FOUND', `No wristband ${id}`);
  if (band.status === 'blocked') throw new ContractFailure('WRISTBAND_BLOCKED', `Wristband ${id} is blocked`);
  if (band.status === 'closed') throw new ContractFailure('WRISTBAND_CLOSED', `Wristband ${id} is closed`);
  return band;
}

/**
 * Writes one movement and the balance it changes, in the caller's transaction. A debit only applies
 * while the balance covers it (the CHECK constraint is the last line behind that condition).
 * Returns the wristband as it now is, or null when a debit was not covered.
 */
export async function book(tx: Tx, wristbandId: string, movement: Movement): Promise<WristbandRow | null> {
  const covered = movement.amountCents >= 0 ? undefined : gte(wristbands.balanceCents, -movement.amountCents);
  const [updated] = await tx
    .update(wristbands)
    .set({
      balanceCents: sql`${wristbands.balanceCents} + ${movement.amountCents}`,
      updatedAt: movement.at,
    })
    .where(and(eq(wristbands.id, wristbandId), covered))
    .returning();
  if (!updated) return null;
  const [entry] = await tx
    .insert(wristbandEntries)
    .values({
      wristbandId,
      kind: movement.kind,
      amountCents: movement.amountCents,
      bancontactId: movement.bancontactId ?? null,
      saleId: movement.saleId ?? null,
      payerName: movement.payerName ?? null,
      at: movement.at,
      staffId: movement.actor?.staffId ?? null,
      deviceId: movement.actor?.deviceId ?? null,
    })
    .returning({ id: wristbandEntries.id });
  // The transactions list and the report totals move in this same transaction.
  await recordWristbandEntry(tx, entry!.id, movement.profileId);
  // Below its automatic top-up's threshold: the top-up's charge is due, with this debit or not at all.
  if (movement.kind === 'debit')
    await autoTopupAfterDebit(tx, wristbandId, updated.balanceCents, movement.at);
  return updated;
}
