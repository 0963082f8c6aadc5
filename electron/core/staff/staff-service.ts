import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract/errors';
import type { StaffView } from '../../../shared/contract/staff-views';
import type { Locale } from '../../../shared/domain/money';
import { usesPin, type Role } from '../../../shared/domain/roles';
import type { AuditActor } from '../audit/audit-entry';
import type { StationDb } from '../db/open-station-database';
import { staff } from '../db/station-schema';
import type { StaffAudit } from './audit-trail';
import { hashSecret } from './secret-hash';
import { assertSecretFits } from './secret-rule';
import type { SessionEndReason, SessionStore } from './session-store';
import {
  activeRealAdministrators,
  assertNameFree,
  findStaff,
  listStaffRows,
  toStaffView,
  type StaffRow,
} from './staff-rows';
import type { TrainingAdministrator } from './training-administrator';

export interface StaffServiceDeps {
  db: StationDb;
  now: () => number;
  audit: StaffAudit;
  sessions: SessionStore;
  training: TrainingAdministrator;
}

export interface NewPerson {
  name: string;
  locale: Locale;
  role: Role;
  secret: string;
}

export interface PersonChange {
  staffId: string;
  name?: string;
  locale?: Locale;
  role?: Role;
  secret?: string;
}

/** Seed 000's user management for a till: every change audited with who made it. */
export class StaffService {
  constructor(private readonly deps: StaffServiceDeps) {}

  async list(includeDeleted = false): Promise<StaffView[]> {
    const rows = await listStaffRows(this.deps.db, includeDeleted);
    return rows.map((row) => toStaffView(row, this.deps.now()));
  }

  /** Pending until their first sign-in, with the PIN or password the administrator gave them. */
  create(person: NewPerson, actor: AuditActor): Promise<StaffView> {
    const { db, now, audit } = this.deps;
    return audit.guarded('staff.create', actor, null, async () => {
      assertSecretFits(person.role, person.secret);
      const secretHash = await hashSecret(person.secret);
      await assertNameFree(db, person.name, null);
      const id = randomUUID();
      const at = now();
      const { name, locale, role } = person;
      await db.write(async (tx) => {
        await tx
          .insert(staff)
          .values({ id, name, locale, role, status: 'pending', secretHash, createdAt: at, updatedAt: at });
      });
      await audit.ok('staff.create', actor, id, { name, role, locale });
      return this.view(id);
    });
  }

  /** Name, language, role; a role change to or from cashier needs a new secret of the other kind. */
  update(change: PersonChange, actor: AuditActor): Promise<StaffView> {
    return this.deps.audit.guarded('staff.update', actor, change.staffId, () =>
      this.applyChange(change, actor),
    );
  }

  setSecret(staffId: string, secret: string, actor: AuditActor): Promise<StaffView> {
    return this.deps.audit.guarded('staff.setSecret', actor, staffId, async () => {
      const row = await editable(this.deps.db, staffId);
      assertSecretFits(row.role, secret);
      await this.write(staffId, { secretHash: await hashSecret(secret) });
      await this.deps.audit.ok('staff.setSecret', actor, staffId, {
        kind: usesPin(row.role) ? 'pin' : 'password',
      });
      return this.view(staffId);
    });
  }

  /** Blocked people cannot sign in, and their sessions end at once. */
  block(staffId: string, actor: AuditActor): Promise<StaffView> {
    return this.deps.audit.guarded('staff.block', actor, staffId, async () => {
      const row = await editable(this.deps.db, staffId);
      await assertNotLastAdministrator(this.deps.db, row);
      await this.endAccess(staffId, 'blocked', 'blocked');
      await this.deps.audit.ok('staff.block', actor, staffId, { from: row.status });
      return this.view(staffId);
    });
  }

  /** Back to active, or to pending when they never signed in. */
  reactivate(staffId: string, actor: AuditActor): Promise<StaffView> {
    return this.deps.audit.guarded('staff.reactivate', actor, staffId, async () => {
      const row = await editable(this.deps.db, staffId);
      if (row.status !== 'blocked')
        throw new ContractFailure('CONFLICT', 'Only a blocked person can be reactivated');
      const status = row.lastSignInAt === null ? 'pending' : 'active';
      await this.write(staffId, { status });
      await this.deps.audit.ok('staff.reactivate', actor, staffId, { to: status });
      await this.deps.training.retireIfReplaced();
      return this.view(staffId);
    });
  }

  /** Kept for the audit log and the reports, gone everywhere else; their sessions end at once. */
  delete(staffId: string, actor: AuditActor): Promise<StaffView> {
    return this.deps.audit.guarded('staff.delete', actor, staffId, async () => {
      const row = await editable(this.deps.db, staffId);
      await assertNotLastAdministrator(this.deps.db, row);
      await this.endAccess(staffId, 'deleted', 'revoked');
      await this.deps.audit.ok('staff.delete', actor, staffId, { name: row.name, role: row.role });
      return this.view(staffId);
    });
  }

  /** Lifts a lock early; the next lock still lasts longer, until a good sign-in. */
  unlock(staffId: string, actor: AuditActor): Promise<StaffView> {
    return this.deps.audit.guarded('staff.unlock', actor, staffId, async () => {
      await editable(this.deps.db, staffId);
      await this.write(staffId, { failedAttempts: 0, lockedUntil: null });
      await this.deps.audit.ok('staff.unlock', actor, staffId);
      return this.view(staffId);
    });
  }

  /**
   * A person's own language, changed by themself (the header's language buttons while signed in).
   * Anyone active may, the training administrator too: it changes nothing but how their screens read.
   */
  setOwnLocale(staffId: string, locale: Locale, actor: AuditActor): Promise<void> {
    return this.deps.audit.guarded('staff.setOwnLocale', actor, staffId, async () => {
      const row = await findStaff(this.deps.db, staffId);
      if (!row || row.status !== 'active') throw new ContractFailure('NOT_SIGNED_IN', 'Sign in first');
      if (row.locale === locale) return;
      await this.write(staffId, { locale });
      await this.deps.audit.ok('staff.setOwnLocale', actor, staffId, { from: row.locale, to: locale });
    });
  }

  async setIdleLock(minutes: number, actor: AuditActor): Promise<{ idleLockMinutes: number }> {
    const from = await this.deps.sessions.idleLockMinutes();
    await this.deps.sessions.setIdleLockMinutes(minutes);
    await this.deps.audit.ok('staff.setIdleLock', actor, null, { from, to: minutes });
    return { idleLockMinutes: minutes };
  }

  private async applyChange(change: PersonChange, actor: AuditActor): Promise<StaffView> {
    const { db, audit } = this.deps;
    const row = await editable(db, change.staffId);
    const role = change.role ?? row.role;
    if (role !== row.role && row.role === 'administrator') await assertNotLastAdministrator(db, row);
    if (usesPin(role) !== usesPin(row.role) && change.secret === undefined)
      throw new ContractFailure(
        usesPin(role) ? 'INVALID_PIN' : 'WEAK_PASSWORD',
        `Changing the role to ${role} needs a new ${usesPin(role) ? 'PIN' : 'password'}`,
      );
    if (change.secret !== undefined) assertSecretFits(role, change.secret);
    const secretHash = change.secret === undefined ? undefined : await hashSecret(change.secret);
    if (change.name !== undefined) await assertNameFree(db, change.name, row.id);
    const values = { name: change.name, locale: change.locale, role: change.role, secretHash };
    await this.write(row.id, values);
    const changed = Object.entries(values)
      .filter(([, value]) => value !== undefined)
      .map(([key]) => key);
    const roleChange = role !== row.role ? { role: { from: row.role, to: role } } : {};
    await audit.ok('staff.update', actor, row.id, { changed, ...roleChange });
    await this.deps.training.retireIfReplaced();
    return this.view(row.id);
  }

  /** The status and the end of every session of the person in one unit of work. */
  private async endAccess(
    staffId: string,
    status: 'blocked' | 'deleted',
    reason: SessionEndReason,
  ): Promise<void> {
    await this.deps.db.write(async () => {
      await this.write(staffId, { status });
      await this.deps.sessions.endForStaff(staffId, reason);
    });
  }

  private async view(id: string): Promise<StaffView> {
    return toStaffView((await findStaff(this.deps.db, id)) as StaffRow, this.deps.now());
  }

  private async write(id: string, values: Partial<StaffRow>): Promise<void> {
    await this.deps.db.write(async (tx) => {
      await tx
        .update(staff)
        .set({ ...values, updatedAt: this.deps.now() })
        .where(eq(staff.id, id));
    });
  }
}

/** A person an administrator may change: not deleted, and not the built-in training administrator. */
async function editable(db: StationDb, staffId: string): Promise<StaffRow> {
  const row = await findStaff(db, staffId);
  if (!row || row.status === 'deleted') throw new ContractFailure('NOT_FOUND', 'No such person');
  if (row.training) throw new ContractFailure('FORBIDDEN', 'The training administrator cannot be changed');
  return row;
}

/** Once a real administrator is active, the station always keeps one. */
async function assertNotLastAdministrator(db: StationDb, row: StaffRow): Promise<void> {
  if (row.role !== 'administrator' || row.status !== 'active' || row.training) return;
  if ((await activeRealAdministrators(db)).some((other) => other.id !== row.id)) return;
  throw new ContractFailure('LAST_ADMINISTRATOR', 'This is the last active administrator');
}
