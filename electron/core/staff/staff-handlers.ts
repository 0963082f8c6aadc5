import type { z } from 'zod';
import type { OutputMarker } from '../../../shared/contract/method-spec';
import { ContractFailure } from '../../../shared/contract/errors';
import type { preferenceMethods } from '../../../shared/contract/preference-methods';
import { sessionMethods } from '../../../shared/contract/session-methods';
import { staffMethods } from '../../../shared/contract/staff-methods';
import type { Caller } from '../api/dispatcher';
import type { AuditActor } from '../audit/audit-entry';
import { buildSessionView } from './session-view';
import type { Staff } from './staff';

type Slice = typeof staffMethods &
  typeof sessionMethods &
  Pick<typeof preferenceMethods, 'session.setMyLocale'>;
type OutputOf<M extends keyof Slice> = Slice[M]['output'] extends OutputMarker<infer T> ? T : never;
/** The handlers of the staff and session methods, shaped like the dispatcher's `Handlers`. */
export type StaffHandlers = {
  [M in keyof Slice]: (
    input: z.output<Slice[M]['input']>,
    caller: Caller,
  ) => Promise<OutputOf<M>> | OutputOf<M>;
};

export interface StaffHandlerDeps {
  staff: Staff;
  /** True in preprod or production (not training): the first administrator is then required. */
  live: () => boolean;
}

/** Who did it, as the audit log names them: the caller's person and device. */
export function auditActor(caller: Caller): AuditActor {
  return {
    staff: caller.staff && { id: caller.staff.id, name: caller.staff.name },
    device: caller.device && { id: caller.device.id, name: caller.device.name },
  };
}

type SessionHandlers = Pick<StaffHandlers, keyof typeof sessionMethods | 'session.setMyLocale'>;
type PeopleHandlers = Pick<StaffHandlers, keyof typeof staffMethods>;

/**
 * `session.*` and `staff.*`. Each reads the caller (the session the shell resolved), never a device or
 * person named in the input; a new session's token leaves only through `caller.session.set`.
 */
export function createStaffHandlers(deps: StaffHandlerDeps): StaffHandlers {
  return { ...sessionHandlers(deps), ...peopleHandlers(deps.staff) };
}

function sessionHandlers({ staff, live }: StaffHandlerDeps): SessionHandlers {
  const { sessions, administration } = staff;
  const viewDeps = {
    ...staff,
    needsFirstAdministrator: () => administration.needsFirstAdministrator(live()),
  };
  const view = (caller: Caller, staffId: string | null) => buildSessionView(viewDeps, caller.device, staffId);
  return {
    'session.get': (_input, caller) => view(caller, caller.staff?.id ?? null),
    'session.signIn': async ({ staffId, secret }, caller) => {
      const attempt = { staffId, secret, device: caller.device, actor: auditActor(caller) };
      const signed = await staff.signIn.signIn(attempt);
      caller.session?.set(signed.token);
      return view(caller, signed.person.id);
    },
    'session.signOut': async (_input, caller) => {
      if (caller.sessionId) {
        await sessions.end(caller.sessionId, 'signed-out');
        await staff.audit.ok('staff.signOut', auditActor(caller), caller.staff?.id ?? null);
      }
      caller.session?.clear();
      return view(caller, null);
    },
    'session.setMyLocale': async ({ locale }, caller) => {
      // Only a person has a language of their own; a customer display keeps the station's rules.
      if (!caller.staff) throw new ContractFailure('FORBIDDEN', 'No person is signed in on this device');
      await staff.service.setOwnLocale(caller.staff.id, locale, auditActor(caller));
      return view(caller, caller.staff.id);
    },
    'session.createFirstAdministrator': async ({ name, locale, password }, caller) => {
      const input = { name, locale, password, device: caller.device, actor: auditActor(caller) };
      const signed = await administration.createFirstAdministrator(input);
      caller.session?.set(signed.token);
      return view(caller, signed.person.id);
    },
  };
}

function peopleHandlers({ service }: Staff): PeopleHandlers {
  return {
    'staff.list': ({ includeDeleted }) => service.list(includeDeleted),
    'staff.create': (input, caller) => service.create(input, auditActor(caller)),
    'staff.update': (input, caller) => service.update(input, auditActor(caller)),
    'staff.setSecret': ({ staffId, secret }, caller) =>
      service.setSecret(staffId, secret, auditActor(caller)),
    'staff.block': ({ staffId }, caller) => service.block(staffId, auditActor(caller)),
    'staff.reactivate': ({ staffId }, caller) => service.reactivate(staffId, auditActor(caller)),
    'staff.delete': ({ staffId }, caller) => service.delete(staffId, auditActor(caller)),
    'staff.unlock': ({ staffId }, caller) => service.unlock(staffId, auditActor(caller)),
    'staff.setIdleLock': ({ minutes }, caller) => service.setIdleLock(minutes, auditActor(caller)),
  };
}
