import { eq } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract/errors';
import { allows, type Permission, type Role } from '../../../shared/domain/roles';
import type { CallerDevice } from '../api/dispatcher';
import type { AuditActor } from '../audit/audit-entry';
import type { StationDb } from '../db/open-station-database';
import { staff } from '../db/station-schema';
import type { StaffAudit } from './audit-trail';
import { afterWrongTry, attemptsLeft, isLocked } from './lock-rule';
import { verifySecret } from './secret-hash';
import type { SessionStore } from './session-store';
import { findStaff, type StaffRow } from './staff-rows';
import type { TrainingAdministrator } from './training-administrator';

export interface SignInDeps {
  db: StationDb;
  now: () => number;
  audit: StaffAudit;
  sessions: SessionStore;
  training: TrainingAdministrator;
}

export interface SignInAttempt {
  staffId: string;
  secret: string;
  /** The device signed in on (the caller's, never one the input names). */
  device: CallerDevice | null;
  /** Who is calling now (whoever is signed in on the device, or nobody). */
  actor: AuditActor;
}

export interface SignedIn {
  person: StaffRow;
  sessionId: string;
  token: string;
}

const WORKING_PERMISSIONS: readonly Permission[] = ['sell', 'close', 'report', 'refunds', 'administer'];

/**
 * Who may sign in on a device: anyone whose role can do some work there beyond looking. On a Manager
 * device (and the station's own window) everyone; on an Employee till or bar those who can sell
 * (cashiers, managers, administrators, not financial users); on a customer display nobody.
 */
export function maySignInOn(role: Role, device: CallerDevice): boolean {
  if (device.kind === 'display') return false;
  const rights = { session: 'staff', role, deviceRights: device.rights, deviceKind: device.kind } as const;
  return WORKING_PERMISSIONS.some((permission) => allows(rights, permission));
}

/**
 * Signing in with a PIN or a password. A wrong try counts towards a lock, a locked person's tries
 * change nothing, and every outcome is audited; the hash is spent before the answer is chosen, so an
 * unknown or blocked person takes as long as anyone else.
 */
export class SignIn {
  constructor(private readonly deps: SignInDeps) {}

  async signIn(attempt: SignInAttempt): Promise<SignedIn> {
    const { db, now } = this.deps;
    const { device } = attempt;
    if (!device || device.kind === 'display')
      return this.refuse(attempt, new ContractFailure('FORBIDDEN', 'Nobody signs in on a customer display'));
    const before = await findStaff(db, attempt.staffId);
    if (before && isLocked(before, now())) return this.refuse(attempt, lockedFailure(before));
    // The training administrator is never signed in with a secret: its hash is never tried.
    const matches = await verifySecret(attempt.secret, before && !before.training ? before.secretHash : null);
    const row = await findStaff(db, attempt.staffId);
    if (!row || row.training)
      return this.refuse(attempt, new ContractFailure('WRONG_SECRET', 'Wrong PIN or password'));
    if (row.status === 'blocked' || row.status === 'deleted')
      return this.refuse(attempt, new ContractFailure('STAFF_BLOCKED', 'This person is blocked'));
    if (!maySignInOn(row.role, device))
      return this.refuse(
        attempt,
        new ContractFailure('FORBIDDEN', `A ${row.role} does not sign in on this device`),
      );
    // Another try may have locked the person while this one was hashing.
    if (isLocked(row, now())) return this.refuse(attempt, lockedFailure(row));
    if (!matches || row.secretHash !== before?.secretHash) return this.wrongTry(attempt, row);
    return this.succeed(attempt, row, device);
  }

  private async refuse(attempt: SignInAttempt, failure: ContractFailure): Promise<never> {
    await this.deps.audit.refused('staff.signIn', attempt.actor, attempt.staffId, { code: failure.code });
    throw failure;
  }

  private async wrongTry(attempt: SignInAttempt, row: StaffRow): Promise<never> {
    const { db, now, audit } = this.deps;
    const next = afterWrongTry(row, now());
    const { failedAttempts, lockCount, lockedUntil } = next;
    await db.write(async (tx) => {
      await tx.update(staff).set({ failedAttempts, lockCount, lockedUntil }).where(eq(staff.id, row.id));
    });
    if (!next.locked)
      return this.refuse(
        attempt,
        new ContractFailure('WRONG_SECRET', 'Wrong PIN or password', {
          attemptsLeft: attemptsLeft(next, now()),
        }),
      );
    await audit.ok('staff.locked', attempt.actor, row.id, { lockedUntil, lockCount });
    return this.refuse(attempt, lockedFailure({ lockedUntil }));
  }

  private async succeed(attempt: SignInAttempt, row: StaffRow, device: CallerDevice): Promise<SignedIn> {
    const { db, now, audit, sessions, training } = this.deps;
    const at = now();
    // One unit of work: a person is never active with their count reset but no session, or the reverse.
    const session = await db.write(async (tx) => {
      await tx
        .update(staff)
        .set({
          status: 'active',
          failedAttempts: 0,
          lockCount: 0,
          lockedUntil: null,
          lastSignInAt: at,
          updatedAt: at,
        })
        .where(eq(staff.id, row.id));
      return sessions.open({ deviceId: device.id, staffId: row.id });
    });
    const actor = { staff: { id: row.id, name: row.name }, device: attempt.actor.device };
    await audit.ok('staff.signIn', actor, row.id, { firstSignIn: row.status === 'pending' });
    await training.retireIfReplaced();
    return { person: (await findStaff(db, row.id)) as StaffRow, ...session };
  }
}

function lockedFailure({ lockedUntil }: { lockedUntil: number | null }): ContractFailure {
  return new ContractFailure('STAFF_LOCKED', 'Locked after too many wrong tries', {
    lockedUntil: lockedUntil ?? 0,
  });
}
