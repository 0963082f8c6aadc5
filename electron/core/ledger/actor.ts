import type { CallerRights, Role } from '../../../shared/domain/roles';
import { TRAINING_ADMINISTRATOR_ID } from '../staff/staff-rows';

/**
 * Who did something and on which device, as written beside the row it changed (a sale, a payment, a
 * drawer movement, a Z…). Callbacks, sweeps and recovery act for nobody: every field is null.
 */
export interface Actor {
  staffId: string | null;
  staffName: string | null;
  deviceId: string | null;
  /** The signed-in person's role (a discount above the limit needs a manager); absent: nobody's. */
  role?: Role | null;
}

export const NO_ACTOR: Actor = { staffId: null, staffName: null, deviceId: null };

/** The part of the dispatcher's caller an actor is made of (kept structural: ledger/ sits below api/). */
export interface ActingCaller {
  staff: { id: string; name: string } | null;
  device: { id: string } | null;
  rights?: CallerRights;
}

export function actorOf(caller: ActingCaller | undefined): Actor {
  if (!caller) return NO_ACTOR;
  return {
    staffId: caller.staff?.id ?? null,
    staffName: caller.staff?.name ?? null,
    deviceId: caller.device?.id ?? null,
    role: caller.rights?.session === 'staff' ? caller.rights.role : null,
  };
}

/** The `staff_id` and `device_id` columns of a row this actor writes. */
export function actorColumns(actor: Actor): { staffId: string | null; deviceId: string | null } {
  return { staffId: actor.staffId, deviceId: actor.deviceId };
}

/**
 * The person a sale or a drawer is booked to. The built-in training administrator stands in while no
 * one has been made yet; its sales stay with the till's cashier setting, as before people existed.
 */
export function sellerOf(actor: Actor): string | null {
  return actor.staffId === TRAINING_ADMINISTRATOR_ID ? null : actor.staffId;
}
