import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { StationDb } from '../db/open-station-database';
import { staff } from '../db/station-schema';
import type { StaffAudit } from './audit-trail';
import { hashSecret } from './secret-hash';
import type { SessionStore } from './session-store';
import {
  findStaff,
  hasActiveRealAdministrator,
  TRAINING_ADMINISTRATOR_ID,
  type StaffRow,
} from './staff-rows';

const SYSTEM_ACTOR = { staff: null, device: null };

export interface TrainingAdministratorDeps {
  db: StationDb;
  now: () => number;
  audit: StaffAudit;
  sessions: SessionStore;
}

/**
 * The built-in administrator a fresh install in training mode is signed in as on the station's own
 * window. It has a random password nobody knows (it is never signed in with a secret), exists only
 * while no real administrator has signed in, and once one has, it is deleted for good.
 */
export function trainingAdministrator({ db, now, audit, sessions }: TrainingAdministratorDeps) {
  /** Retires the training administrator as soon as a real administrator is active. */
  async function retireIfReplaced(): Promise<void> {
    const row = await findStaff(db, TRAINING_ADMINISTRATOR_ID);
    if (!row || row.status === 'deleted' || !(await hasActiveRealAdministrator(db))) return;
    await db.write(async (tx) => {
      await tx.update(staff).set({ status: 'deleted', updatedAt: now() }).where(eq(staff.id, row.id));
    });
    await sessions.endForStaff(row.id, 'revoked');
    await audit.ok('staff.trainingAdministratorRetired', SYSTEM_ACTOR, row.id);
  }

  /**
   * Creates (or keeps) the training administrator while no real administrator exists; null once one
   * has (then it is retired, and a retired one never comes back).
   */
  async function ensure(): Promise<StaffRow | null> {
    await retireIfReplaced();
    if (await hasActiveRealAdministrator(db)) return null;
    const existing = await findStaff(db, TRAINING_ADMINISTRATOR_ID);
    if (existing) return existing.status === 'active' ? existing : null;
    const secretHash = await hashSecret(randomBytes(32).toString('base64url'));
    const at = now();
    const row = {
      ...{ id: TRAINING_ADMINISTRATOR_ID, name: 'Training administrator', locale: 'en' as const },
      ...{ role: 'administrator' as const, status: 'active' as const, secretHash, training: true },
      ...{ createdAt: at, updatedAt: at },
    };
    await db.write(async (tx) => {
      await tx.insert(staff).values(row).onConflictDoNothing();
    });
    await audit.ok('staff.create', SYSTEM_ACTOR, TRAINING_ADMINISTRATOR_ID, {
      role: 'administrator',
      training: true,
    });
    return findStaff(db, TRAINING_ADMINISTRATOR_ID);
  }

  return { ensure, retireIfReplaced };
}

export type TrainingAdministrator = ReturnType<typeof trainingAdministrator>;
