import { randomUUID } from 'node:crypto';
import { ContractFailure } from '../../../shared/contract/errors';
import type { Locale } from '../../../shared/domain/money';
import type { Caller, CallerDevice, CallerStaff } from '../api/dispatcher';
import type { AuditActor } from '../audit/audit-entry';
import type { StationDb } from '../db/open-station-database';
import { staff } from '../db/station-schema';
import type { StaffAudit } from './audit-trail';
import { hashSecret } from './secret-hash';
import { assertSecretFits } from './secret-rule';
import type { SessionStore } from './session-store';
import {
  assertNameFree,
  findStaff,
  hasActiveRealAdministrator,
  TRAINING_ADMINISTRATOR_ID,
  type StaffRow,
} from './staff-rows';
import type { SignedIn } from './sign-in';
import type { TrainingAdministrator } from './training-administrator';

export interface FirstAdministratorDeps {
  db: StationDb;
  now: () => number;
  audit: StaffAudit;
  sessions: SessionStore;
  training: TrainingAdministrator;
}

export interface FirstAdministrator {
  name: string;
  locale: Locale;
  password: string;
  device: CallerDevice | null;
  actor: AuditActor;
}

/**
 * The station's administrators from nothing: the training administrator of a fresh install, the first
 * real administrator, and the rule that going live needs a real one.
 */
export class Administration {
  constructor(private readonly deps: FirstAdministratorDeps) {}

  /** Live without a real administrator: the station's window shows only *Create the first administrator*. */
  async needsFirstAdministrator(live: boolean): Promise<boolean> {
    return live && !(await hasActiveRealAdministrator(this.deps.db));
  }

  /**
   * The person the station's own window is signed in as without a session: the training administrator,
   * in training mode, while no real administrator exists (a fresh install opens on the till). Null
   * otherwise: then people sign in. The station creates the row at start (`training.ensure()`).
   */
  async autoSignedIn(live: boolean): Promise<CallerStaff | null> {
    if (live || (await hasActiveRealAdministrator(this.deps.db))) return null;
    const row = await findStaff(this.deps.db, TRAINING_ADMINISTRATOR_ID);
    // Not written yet (a fresh install whose disk was full at start): the same person, by the same rule.
    if (!row) return { id: TRAINING_ADMINISTRATOR_ID, name: 'Training administrator', role: 'administrator' };
    if (row.status !== 'active' || !row.training) return null;
    return { id: row.id, name: row.name, role: row.role };
  }

  /** Only on the station's own window and only while no real administrator exists; signs them in. */
  createFirstAdministrator(input: FirstAdministrator): Promise<SignedIn> {
    const { db, audit, sessions, training } = this.deps;
    return audit.guarded('staff.createFirstAdministrator', input.actor, null, async () => {
      const { device } = input;
      if (device?.kind !== 'station')
        throw new ContractFailure('FORBIDDEN', 'The first administrator is created on the station itself');
      await assertNoAdministratorYet(db);
      assertSecretFits('administrator', input.password);
      const secretHash = await hashSecret(input.password);
      // Checked again: another window may have created one while this password was hashing.
      await assertNoAdministratorYet(db);
      await assertNameFree(db, input.name, null);
      const person = await this.insertAdministrator(input, secretHash);
      const session = await sessions.open({ deviceId: device.id, staffId: person.id });
      const actor = { staff: { id: person.id, name: person.name }, device: input.actor.device };
      await audit.ok('staff.createFirstAdministrator', actor, person.id, {
        name: person.name,
        locale: person.locale,
      });
      await training.retireIfReplaced();
      return { person, ...session };
    });
  }

  /** Going live needs a real administrator, signed in with their password, doing it. */
  async assertMayGoLive(caller: Caller): Promise<void> {
    const row = caller.staff ? await findStaff(this.deps.db, caller.staff.id) : null;
    if (!row || row.role !== 'administrator' || row.status !== 'active' || row.training)
      throw new ContractFailure('ADMINISTRATOR_REQUIRED', 'Going live needs a real administrator signed in');
  }

  private async insertAdministrator(input: FirstAdministrator, secretHash: string): Promise<StaffRow> {
    const id = randomUUID();
    const at = this.deps.now();
    const { name, locale } = input;
    await this.deps.db.write(async (tx) => {
      await tx.insert(staff).values({
        id,
        name,
        locale,
        role: 'administrator',
        status: 'active',
        secretHash,
        createdAt: at,
        updatedAt: at,
        lastSignInAt: at,
      });
    });
    return (await findStaff(this.deps.db, id)) as StaffRow;
  }
}

async function assertNoAdministratorYet(db: StationDb): Promise<void> {
  if (await hasActiveRealAdministrator(db))
    throw new ContractFailure('FORBIDDEN', 'The station already has an administrator: sign in');
}
