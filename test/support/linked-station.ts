import type { Role } from '../../shared/domain/roles';
import { linkDevice, openDeviceNetwork, type LinkedDevice } from './linked-device';
import { signInAs, type SignedIn } from './sign-in';
import { startTestStation, type TestStation } from './station-in-process';

/** Where a person signs in: the station's own window (a Manager device), a linked Manager till, an Employee bar. */
export type Place = 'station window' | 'Manager till' | 'Employee bar';

/** A place as its shell knows it: the credentials it hands on every call, and the till it sells at. */
export type PlaceDevice = Omit<LinkedDevice, 'device'> & { tillId: string | null };

/**
 * One station with a Manager till, an Employee bar, a customer display of the till and an office laptop
 * (a Manager till) where a real administrator stays signed in to set things up and read the audit log.
 * A device holds one session at a time, so a test signs each person in on their place when their turn comes.
 */
export interface LinkedStation {
  kassa: TestStation;
  admin: SignedIn;
  places: Record<Place, PlaceDevice>;
  display: LinkedDevice;
  /** Creates a person with this role (as the administrator) and signs them in at that place. */
  signIn(role: Role, on: Place): Promise<SignedIn>;
  /** Moves the station's clock a minute on: refusals are written once per caller, action and minute. */
  nextMinute(): void;
}

export async function startLinkedStation(): Promise<LinkedStation> {
  let offset = 0;
  const kassa = await startTestStation({ now: () => Date.now() + offset });
  const { station } = kassa;
  const training = await station.access.callerFor({ channel: 'local-http' });
  // A minute's step of the clock must never end a session: the longest idle lock.
  await kassa.must('staff.setIdleLock', { minutes: 240 });
  await openDeviceNetwork(station, training);
  const link = (name: string, rights: 'manager' | 'employee', kind: 'till' | 'bar') =>
    linkDevice(station, training, { name, rights, kind });
  const office = await link('Office laptop', 'manager', 'till');
  const till = await link('Till 2', 'manager', 'till');
  const bar = await link('Bar tablet', 'employee', 'bar');
  const display = await linkDevice(station, training, {
    ...{ name: 'Customer display', rights: 'employee', kind: 'display' },
    tillId: till.device.tillId ?? undefined,
  });
  // The first real administrator signs in: the training one is retired from here on.
  const admin = await signInAs(station, 'administrator', { name: 'Ans Admin', on: office.credentials });
  const windowCredentials = { channel: 'local-http' as const };
  const places: LinkedStation['places'] = {
    'station window': {
      credentials: windowCredentials,
      tillId: null,
      caller: () => station.access.callerFor(windowCredentials),
    },
    'Manager till': { ...till, tillId: till.device.tillId },
    'Employee bar': { ...bar, tillId: bar.device.tillId },
  };
  return {
    ...{ kassa, admin, places, display },
    signIn: async (role, on) =>
      signInAs(station, role, { by: await admin.caller(), on: places[on].credentials }),
    nextMinute: () => void (offset += 61_000),
  };
}
