import type { Credentials } from '../api/credentials';
import type { Caller, CallerDevice, CallerStaff } from '../api/dispatcher';
import type { LiveSession } from '../staff/session-store';

/** Linked devices as the access rule needs them (devices/device-registry.ts is the implementation). */
export interface DeviceAuthenticator {
  /** The device this credential names; `revoked` when its link ended (revoked, unlinked, expired); null when unknown. */
  authenticate(credential: string, address: string | undefined): Promise<CallerDevice | 'revoked' | null>;
  /** The station's own window: the device of every loopback and desktop call. */
  stationDevice(): Promise<CallerDevice>;
}

export interface AccessDeps {
  sessions: {
    resolve(token: string): Promise<LiveSession | null>;
    touch(sessionId: string, lastUsedAt?: number): Promise<void>;
  };
  devices: DeviceAuthenticator;
  /**
   * The built-in training administrator, signed in on the station's own window without a session while
   * the station runs in training and no real administrator exists (a fresh install opens on the till).
   */
  autoSignedIn(): Promise<CallerStaff | null>;
  /** Told when someone's access may have ended; without it, `changed()` tells this access's own listeners. */
  changed?: () => void;
}

export interface StationAccess {
  callerFor(credentials: Credentials): Promise<Caller>;
  /** Someone's access may have ended (a sign-out, a switch, a block, a revoke): open streams look again. */
  onChanged(listener: () => void): () => void;
  changed(): void;
}

/**
 * Who is calling, from the call's own credentials only. The loopback listener and the desktop window
 * are the station's own device; the device listener knows a device only by its credential. A session
 * counts only on the device it was opened on (a copied cookie is worth nothing elsewhere).
 */
export function createStationAccess(deps: AccessDeps): StationAccess {
  const listeners = new Set<() => void>();
  return {
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    changed() {
      if (deps.changed) return deps.changed();
      for (const listener of [...listeners]) listener();
    },
    async callerFor(credentials) {
      const device = await deviceOf(deps.devices, credentials);
      const base = {
        channel: credentials.channel,
        address: credentials.address,
        sessionId: null,
        staff: null,
      };
      if (device === 'revoked')
        return { ...base, device: null, rights: { session: 'none' }, deviceRevoked: true };
      if (!device) return { ...base, device: null, rights: { session: 'none' } };
      const session = credentials.sessionToken ? await deps.sessions.resolve(credentials.sessionToken) : null;
      if (session && session.deviceId === device.id && session.staff) {
        if (!credentials.passive) await deps.sessions.touch(session.sessionId, session.lastUsedAt);
        return staffCaller(base, device, session.staff, session.sessionId);
      }
      // A customer display's credential is its view-only session: it never holds a person's.
      if (device.kind === 'display') return { ...base, device, rights: displayRights(device) };
      const auto = device.kind === 'station' ? await deps.autoSignedIn() : null;
      if (auto) return staffCaller(base, device, auto, null);
      return { ...base, device, rights: { session: 'none' } };
    },
  };
}

async function deviceOf(
  devices: DeviceAuthenticator,
  credentials: Credentials,
): Promise<CallerDevice | 'revoked' | null> {
  if (credentials.channel !== 'device-https') return devices.stationDevice();
  if (!credentials.deviceCredential) return null;
  return devices.authenticate(credentials.deviceCredential, credentials.address);
}

function staffCaller(
  base: Pick<Caller, 'channel' | 'address'>,
  device: CallerDevice,
  staff: CallerStaff,
  sessionId: string | null,
): Caller {
  const { id, name, role } = staff;
  return {
    ...base,
    device,
    staff: { id, name, role },
    sessionId,
    rights: { session: 'staff', role, deviceRights: device.rights, deviceKind: device.kind },
  };
}

function displayRights(device: CallerDevice): Caller['rights'] {
  return { session: 'display', deviceRights: device.rights, deviceKind: device.kind };
}
