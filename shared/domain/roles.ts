/**
 * Who may do what at a Kassa station. A call is allowed only when both the signed-in person's role and
 * the device's rights allow its permission (a cashier on a Manager device is still a cashier).
 * docs/staff.md maps these onto the Bancontact portal's roles and the app's Manager/Employee rights.
 */
export const ROLES = ['administrator', 'manager', 'financial', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_STATUSES = ['pending', 'active', 'blocked', 'deleted'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** A linked device's rights (seed 001): Manager, or Employee (takes payments at its till only). */
export const DEVICE_RIGHTS = ['manager', 'employee'] as const;
export type DeviceRights = (typeof DEVICE_RIGHTS)[number];

/** What a device is: the station's own window, a till, a bar, or the customer display of a till. */
export const DEVICE_KINDS = ['station', 'till', 'bar', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * What a contract method needs:
 * - `public`: anyone who reaches the listener (the status, signing in, pairing);
 * - `signedIn`: any session, a customer display's view-only one included;
 * - `sell`: the till and the bar; `close`: closing, drawers, returns, wristband tools, printing;
 * - `report`: reports and exports; `refunds`: refund files; `administer`: going live, credentials,
 *   staff, devices, settings, backups and the audit log.
 */
export const PERMISSIONS = [
  'public',
  'signedIn',
  'sell',
  'close',
  'report',
  'refunds',
  'administer',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  manager: ['public', 'signedIn', 'sell', 'close', 'report'],
  financial: ['public', 'signedIn', 'report', 'refunds'],
  cashier: ['public', 'signedIn', 'sell'],
};

/** A customer display holds a view-only session of its own, never a person's. */
const DISPLAY_SESSION_PERMISSIONS: readonly Permission[] = ['public', 'signedIn'];

const DEVICE_PERMISSIONS: Record<DeviceRights, readonly Permission[]> = {
  manager: PERMISSIONS,
  employee: ['public', 'signedIn', 'sell'],
};

/** The session a call carries (a person's, a customer display's view-only one, or none) and its device. */
export type CallerRights =
  | { session: 'none' }
  | { session: 'staff'; role: Role; deviceRights: DeviceRights; deviceKind: DeviceKind }
  | { session: 'display'; deviceRights: DeviceRights; deviceKind: DeviceKind };

/** True when both the session and the device grant this permission. No session: public only. */
export function allows(caller: CallerRights, permission: Permission): boolean {
  if (permission === 'public') return true;
  if (caller.session === 'none') return false;
  const device =
    caller.deviceKind === 'display' ? DISPLAY_SESSION_PERMISSIONS : DEVICE_PERMISSIONS[caller.deviceRights];
  const session = caller.session === 'staff' ? ROLE_PERMISSIONS[caller.role] : DISPLAY_SESSION_PERMISSIONS;
  return device.includes(permission) && session.includes(permission);
}

/** The portal's password rule: at least 10 characters, a capital, a digit and a special character. */
export function passwordProblems(password: string): Array<'length' | 'capital' | 'digit' | 'special'> {
  const problems: Array<'length' | 'capital' | 'digit' | 'special'> = [];
  if ([...password].length < 10) problems.push('length');
  if (!/\p{Lu}/u.test(password)) problems.push('capital');
  if (!/\d/.test(password)) problems.push('digit');
  if (!/[^\p{L}\p{N}\s]/u.test(password)) problems.push('special');
  return problems;
}

/** A cashier's PIN: 4 to 6 digits. */
export function isValidPin(pin: string): boolean {
  return /^\d{4,6}$/.test(pin);
}

/** Cashiers sign in with a PIN, everyone else with a password. */
export function usesPin(role: Role): boolean {
  return role === 'cashier';
}
