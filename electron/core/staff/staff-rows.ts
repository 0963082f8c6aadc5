import { and, eq, ne } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract/errors';
import type { StaffView } from '../../../shared/contract/staff-views';
import { usesPin } from '../../../shared/domain/roles';
import type { StationDb } from '../db/open-station-database';
import { staff } from '../db/station-schema';
import { attemptsLeft, isLocked } from './lock-rule';

export type StaffRow = typeof staff.$inferSelect;

/** The built-in training administrator's id (the shells' station-window caller names it too). */
export const TRAINING_ADMINISTRATOR_ID = 'training-administrator';

export async function findStaff(db: StationDb, id: string): Promise<StaffRow | null> {
  const [row] = await db.read((q) => q.select().from(staff).where(eq(staff.id, id)).limit(1));
  return row ?? null;
}

/** A real (not training) administrator who has signed in: what going live and the last-one guard count. */
export function activeRealAdministrators(db: StationDb): Promise<StaffRow[]> {
  return db.read((q) =>
    q
      .select()
      .from(staff)
      .where(and(eq(staff.role, 'administrator'), eq(staff.status, 'active'), eq(staff.training, false))),
  );
}

export async function hasActiveRealAdministrator(db: StationDb): Promise<boolean> {
  return (await activeRealAdministrators(db)).length > 0;
}

/** Everyone not deleted (or everyone), by name. */
export async function listStaffRows(db: StationDb, includeDeleted: boolean): Promise<StaffRow[]> {
  const rows = await db.read((q) =>
    includeDeleted ? q.select().from(staff) : q.select().from(staff).where(ne(staff.status, 'deleted')),
  );
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function toStaffView(row: StaffRow, now: number): StaffView {
  return {
    id: row.id,
    name: row.name,
    locale: row.locale,
    role: row.role,
    status: row.status,
    usesPin: usesPin(row.role),
    training: row.training,
    lockedUntil: isLocked(row, now) ? row.lockedUntil : null,
    attemptsLeft: attemptsLeft(row, now),
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

/** Two people with one name would make the two-tap switch a guess. */
export async function assertNameFree(db: StationDb, name: string, exceptId: string | null): Promise<void> {
  const wanted = name.trim().toLocaleLowerCase();
  const clash = (await listStaffRows(db, false)).some(
    (row) => row.id !== exceptId && row.name.trim().toLocaleLowerCase() === wanted,
  );
  if (clash) throw new ContractFailure('CONFLICT', 'Someone already has this name');
}
