import type { SessionView, SignInPersonView } from '../../../shared/contract/staff-views';
import { usesPin } from '../../../shared/domain/roles';
import type { CallerDevice } from '../api/dispatcher';
import type { StationDb } from '../db/open-station-database';
import { isLocked } from './lock-rule';
import type { SessionStore } from './session-store';
import { findStaff, listStaffRows } from './staff-rows';
import { maySignInOn } from './sign-in';

export interface SessionViewDeps {
  db: StationDb;
  now: () => number;
  sessions: SessionStore;
  needsFirstAdministrator: () => Promise<boolean>;
}

/** What the calling device shows: who is signed in, the idle lock, and who may sign in here. */
export async function buildSessionView(
  deps: SessionViewDeps,
  device: CallerDevice | null,
  staffId: string | null,
): Promise<SessionView> {
  return {
    staff: staffId ? await signedInPerson(deps.db, staffId) : null,
    device: device && {
      id: device.id,
      name: device.name,
      kind: device.kind,
      rights: device.rights,
      tillId: device.tillId,
    },
    display: device?.kind === 'display',
    idleLockMinutes: await deps.sessions.idleLockMinutes(),
    needsFirstAdministrator: await deps.needsFirstAdministrator(),
    people: device ? await signInPeople(deps, device) : [],
  };
}

async function signedInPerson(db: StationDb, staffId: string): Promise<SessionView['staff']> {
  const row = await findStaff(db, staffId);
  if (!row || row.status !== 'active') return null;
  const { id, name, role, locale, training } = row;
  return { id, name, role, locale, training };
}

/**
 * Active and pending people whose role can work on this device (sign-in.ts `maySignInOn`), with their
 * lock shown; never blocked, deleted or training people, and nobody on a customer display.
 */
async function signInPeople({ db, now }: SessionViewDeps, device: CallerDevice): Promise<SignInPersonView[]> {
  const at = now();
  return (await listStaffRows(db, false))
    .filter((row) => (row.status === 'active' || row.status === 'pending') && !row.training)
    .filter((row) => maySignInOn(row.role, device))
    .map((row) => ({
      id: row.id,
      name: row.name,
      role: row.role,
      usesPin: usesPin(row.role),
      lockedUntil: isLocked(row, at) ? row.lockedUntil : null,
    }));
}
