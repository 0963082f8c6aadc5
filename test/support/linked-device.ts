import type { Caller } from '../../electron/core/api/dispatcher';
import type { Credentials } from '../../electron/core/api/credentials';
import type { Station } from '../../electron/core/station';
import type { Result } from '../../shared/contract';
import type { DeviceNetworkView, DeviceView, PairingView } from '../../shared/contract/device-views';
import type { DeviceKind, DeviceRights } from '../../shared/domain/roles';

/** The station's "local network" address in tests: loopback only. */
export const STATION_LAN_ADDRESS = '127.0.0.2';
/** Where linked devices call from, unless a test says otherwise. */
export const DEVICE_ADDRESS = '127.0.0.3';

/** A device linked to an in-process station, holding its credential the way its browser holds the cookie. */
export interface LinkedDevice {
  device: DeviceView;
  /** What the device's HTTPS shell hands on every call: pass as `on` to `signInAs`. */
  credentials: Omit<Credentials, 'sessionToken'>;
  /** The device with nobody signed in: no session, or a customer display's own view-only one. */
  caller(): Promise<Caller>;
}

export interface LinkRequest {
  name: string;
  rights: DeviceRights;
  kind: Exclude<DeviceKind, 'station'>;
  /** A customer display names the till it shows; a till or bar gets a fresh one without it. */
  tillId?: string;
}

function value<T>(result: Result<unknown>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/**
 * Turns the device network on (no listener starts in-process: only a shell given `serveDevices` runs
 * one, so the port is never bound). `by` is an administrator's caller.
 */
export async function openDeviceNetwork(
  station: Station,
  by: Caller,
  port = 8443,
): Promise<DeviceNetworkView> {
  const network = { enabled: true, address: STATION_LAN_ADDRESS, port };
  return value(await station.dispatch('devices.setNetwork', network, by), 'devices.setNetwork');
}

/**
 * Links a device as a person would: `by` (an administrator or manager) creates a pairing code, and a
 * browser with no session opens it and keeps the credential the station sets. The network must be on
 * (`openDeviceNetwork`).
 */
export async function linkDevice(
  station: Station,
  by: Caller,
  request: LinkRequest,
  address: string = DEVICE_ADDRESS,
): Promise<LinkedDevice> {
  const pairing = value<PairingView>(
    await station.dispatch('devices.createPairing', request, by),
    'devices.createPairing',
  );
  let credential: string | undefined;
  const browser: Caller = {
    ...(await station.access.callerFor({ channel: 'device-https', address })),
    deviceCredential: { set: (secret) => (credential = secret), clear: () => (credential = undefined) },
  };
  const device = value<DeviceView>(
    await station.dispatch('devices.pair', { code: pairing.code }, browser),
    'devices.pair',
  );
  if (!credential) throw new Error('devices.pair set no device credential');
  const credentials = { channel: 'device-https' as const, deviceCredential: credential, address };
  return { device, credentials, caller: () => station.access.callerFor(credentials) };
}
