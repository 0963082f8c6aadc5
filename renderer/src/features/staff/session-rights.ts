import { allows, type CallerRights, type Permission } from '../../../../shared/domain/roles';
import type { Route } from '../../routes';
import type { SessionView } from './staff-api';

/**
 * What a screen needs before its nav item shows: any one of these. Only a convenience (the station
 * refuses the calls anyway); a route missing here shows to anyone signed in.
 */
const ROUTE_NEEDS: Partial<Record<Route, readonly Permission[]>> = {
  till: ['sell'],
  customer: ['signedIn'],
  // Printing and wristband tools need close; the refund files on the same screen need refunds.
  topup: ['close', 'refunds'],
  reports: ['report'],
  // Keeping the catalogue is a manager's: the same permission as closing.
  articles: ['close'],
  // Agreements are revoked and their charges refunded by managers, as returns at the till are.
  agreements: ['close'],
  // Sticker QR codes are printing material, like the top-up batches.
  stickers: ['close'],
  // Whoever sells at a device sets its payment sound there; the rest of Settings is an administrator's.
  settings: ['administer', 'sell'],
  staff: ['administer'],
  devices: ['close'],
  audit: ['administer'],
};

/** The rights the station will check, as far as the session view tells them; null: unknown. */
export function callerRights(view: SessionView | null): CallerRights | null {
  if (!view) return null;
  const deviceRights = view.device?.rights ?? 'manager';
  const deviceKind = view.device?.kind ?? 'station';
  if (view.staff) return { session: 'staff', role: view.staff.role, deviceRights, deviceKind };
  if (view.display) return { session: 'display', deviceRights, deviceKind };
  return { session: 'none' };
}

/** Unknown rights (a station without sessions) hide nothing. */
export function mayOpen(route: Route, rights: CallerRights | null): boolean {
  if (!rights) return true;
  const needs = ROUTE_NEEDS[route] ?? ['signedIn'];
  return needs.some((permission) => allows(rights, permission));
}
