import type { Locale } from '../domain/money';
import type { DeviceKind, DeviceRights, Role, StaffStatus } from '../domain/roles';

/** A person as an administrator's staff list shows them. Never their PIN, password or its hash. */
export interface StaffView {
  id: string;
  name: string;
  locale: Locale;
  role: Role;
  status: StaffStatus;
  /** Cashiers sign in with a PIN, everyone else with a password. */
  usesPin: boolean;
  /** The built-in training administrator of a fresh install (gone once a real administrator signs in). */
  training: boolean;
  /** While locked after five wrong tries: until when (ms since the epoch); null when not locked. */
  lockedUntil: number | null;
  /** Wrong tries left before the next lock. */
  attemptsLeft: number;
  createdAt: number;
  lastSignInAt: number | null;
}

/** Someone who may sign in on this device, for the sign-in screen and the two-tap cashier switch. */
export interface SignInPersonView {
  id: string;
  name: string;
  role: Role;
  usesPin: boolean;
  /** Shown, not hidden: the screen counts the lock down. */
  lockedUntil: number | null;
}

/** Who is signed in on the calling device, and who else may be. */
export interface SessionView {
  staff: { id: string; name: string; role: Role; locale: Locale; training: boolean } | null;
  device: { id: string; name: string; kind: DeviceKind; rights: DeviceRights; tillId: string | null } | null;
  /** A customer display's view-only session: no person, no navigation. */
  display: boolean;
  /** A person's session on any device ends after this many idle minutes (set by an administrator). */
  idleLockMinutes: number;
  /** Live without a real administrator: the station's own window shows only *Create the first administrator*. */
  needsFirstAdministrator: boolean;
  people: SignInPersonView[];
}

export interface IdleLockView {
  idleLockMinutes: number;
}
