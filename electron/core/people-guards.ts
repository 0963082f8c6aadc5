import { allows } from '../../shared/domain/roles';
import type { Dispatch } from './api/dispatcher';
import type { StationAccess } from './access/station-access';
import type { AuditLog } from './audit/audit-log';
import { auditedDispatch } from './audit/audited-dispatch';
import { methodTakesTillId, tillForCall } from './devices/till-binding';
import type { Logger } from './logging/logger';
import type { Staff } from './staff/staff';

/** Methods after which someone's access may have ended: open event streams look again at once. */
const ACCESS_CHANGING = new Set([
  'session.signIn',
  'session.signOut',
  'staff.block',
  'staff.delete',
  'staff.update',
  'staff.setIdleLock',
  'devices.revoke',
  'devices.unlinkSelf',
]);

/** Outermost first: the audit log sees every answer; going live, then the till binding, run before the dispatcher. */
export function guarded(
  dispatch: Dispatch,
  parts: { audit: AuditLog; staff: Staff; access: StationAccess },
  logger: Logger,
): Dispatch {
  const inner = bindingTills(goingLiveNeedsAnAdministrator(dispatch, parts.staff));
  return auditedDispatch(announcingAccessChanges(inner, parts.access), parts.audit, logger);
}

/** Going live needs a real administrator signed in: never the training one, never a manager. */
const GOING_LIVE = new Set(['settings.goLive', 'profiles.goLive']);

function goingLiveNeedsAnAdministrator(dispatch: Dispatch, staff: Staff): Dispatch {
  return async (method, input, caller) => {
    if (GOING_LIVE.has(method) && allows(caller.rights, 'administer')) {
      try {
        await staff.administration.assertMayGoLive(caller);
      } catch (error) {
        const failure = error as { code?: string; message?: string };
        return {
          ok: false,
          error: {
            code: 'ADMINISTRATOR_REQUIRED',
            message: failure.message ?? 'An administrator is required',
          },
        };
      }
    }
    return dispatch(method, input, caller);
  };
}

/** A device's till comes from its link: a missing tillId is filled in, another one refused (WRONG_TILL). */
function bindingTills(dispatch: Dispatch): Dispatch {
  return async (method, input, caller) => {
    let bound: unknown;
    try {
      bound = tillForCall(caller.device, input, methodTakesTillId(method));
    } catch (error) {
      const failure = error as { code?: string; message?: string };
      return { ok: false, error: { code: 'WRONG_TILL', message: failure.message ?? 'Wrong till' } };
    }
    return dispatch(method, bound, caller);
  };
}

function announcingAccessChanges(dispatch: Dispatch, access: StationAccess): Dispatch {
  return async (method, input, caller) => {
    const result = await dispatch(method, input, caller);
    if (result.ok && ACCESS_CHANGING.has(method)) access.changed();
    return result;
  };
}
