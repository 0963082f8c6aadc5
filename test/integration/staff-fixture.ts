import { join } from 'node:path';
import type { Result } from '../../shared/contract';
import type { AuditEntryInput } from '../../electron/core/audit/audit-entry';
import {
  createDispatcher,
  type Caller,
  type CallerDevice,
  type Dispatch,
  type Handlers,
} from '../../electron/core/api/dispatcher';
import { silentLogger } from '../../electron/core/logging/logger';
import {
  openStationDatabase,
  STATION_DATABASE_FILE,
  type StationDb,
} from '../../electron/core/db/open-station-database';
import { createStaff, type Staff } from '../../electron/core/staff/staff';
import { createStaffHandlers } from '../../electron/core/staff/staff-handlers';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';

/*
 * A real station.sqlite in a temp folder, the real staff service and handlers behind the real
 * dispatcher (permissions and input checks included), and "browsers" that keep their session token the
 * way a cookie would. Only the other methods of the contract are absent (they answer INTERNAL here).
 */

export const STATION_WINDOW: CallerDevice = {
  id: 'station',
  name: 'Station',
  kind: 'station',
  rights: 'manager',
  tillId: null,
};
export const MANAGER_TILL: CallerDevice = {
  id: 'till-a',
  name: 'Till A',
  kind: 'till',
  rights: 'manager',
  tillId: 'till-1',
};
export const EMPLOYEE_BAR: CallerDevice = {
  id: 'bar-a',
  name: 'Bar A',
  kind: 'bar',
  rights: 'employee',
  tillId: 'till-2',
};
export const DISPLAY: CallerDevice = {
  id: 'display-a',
  name: 'Display',
  kind: 'display',
  rights: 'employee',
  tillId: 'till-1',
};

export const GOOD_PASSWORD = 'Kassa-2026!pw';
export const START = Date.UTC(2026, 11, 3, 9, 0, 0);

export interface StaffStation {
  dir: string;
  clock: { now: number };
  audit: AuditEntryInput[];
  staff: Staff;
  db: StationDb;
  live: boolean;
  browser(device: CallerDevice): Browser;
  /** Closes station.sqlite and opens it again with a new service, as a station restart does. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface Browser {
  token: string | undefined;
  call<T = unknown>(method: string, input?: unknown): Promise<Result<T>>;
  /** The value, or throws with the error's code (for steps that must work). */
  ok<T = unknown>(method: string, input?: unknown): Promise<T>;
}

export async function startStaffStation(options: { live?: boolean } = {}): Promise<StaffStation> {
  const tmp = tempDir('kassa-staff-');
  const clock = { now: START };
  const audit: AuditEntryInput[] = [];
  const file = join(tmp.dir, STATION_DATABASE_FILE);
  let db = openStationDatabase(file, STATION_MIGRATIONS);
  const build = (database: StationDb) =>
    createStaff({ db: database, now: () => clock.now, audit: { record: (entry) => void audit.push(entry) } });
  let staff = build(db);
  let dispatch = dispatcherFor(staff, () => station.live);
  const station: StaffStation = {
    dir: tmp.dir,
    clock,
    audit,
    get staff() {
      return staff;
    },
    get db() {
      return db;
    },
    live: options.live ?? false,
    browser: (device) =>
      browserOn(
        device,
        () => staff,
        () => dispatch,
        () => station.live,
      ),
    async restart() {
      await db.close();
      db = openStationDatabase(file, STATION_MIGRATIONS);
      staff = build(db);
      dispatch = dispatcherFor(staff, () => station.live);
    },
    async close() {
      await db.close();
      tmp.remove();
    },
  };
  // As the station does at start: a fresh install has its training administrator.
  await staff.training.ensure();
  return station;
}

function dispatcherFor(staff: Staff, live: () => boolean): Dispatch {
  const handlers = createStaffHandlers({ staff, live });
  const all = new Proxy(handlers as unknown as Handlers, {
    get: (target, name: string) =>
      (target as unknown as Record<string, unknown>)[name] ??
      (() => {
        throw new Error(`${name} is not part of this test station`);
      }),
  });
  return createDispatcher(all, silentLogger);
}

/**
 * The caller a shell would build from this browser's cookie: the session counts only on its own device;
 * without one the station's window is the training administrator while that rule holds.
 */
async function callerOf(
  staff: Staff,
  device: CallerDevice,
  token: string | undefined,
  live: boolean,
): Promise<Caller> {
  const base = { channel: 'local-http' as const, device, staff: null, sessionId: null };
  const session = token ? await staff.sessions.resolve(token) : null;
  if (session && session.deviceId === device.id && session.staff) {
    await staff.sessions.touch(session.sessionId);
    const { id, name, role } = session.staff;
    const rights = { session: 'staff' as const, role, deviceRights: device.rights, deviceKind: device.kind };
    return { ...base, staff: { id, name, role }, sessionId: session.sessionId, rights };
  }
  if (device.kind === 'display')
    return { ...base, rights: { session: 'display', deviceRights: device.rights, deviceKind: device.kind } };
  const auto = device.kind === 'station' ? await staff.administration.autoSignedIn(live) : null;
  if (!auto) return { ...base, rights: { session: 'none' } };
  const rights = {
    session: 'staff' as const,
    role: auto.role,
    deviceRights: device.rights,
    deviceKind: device.kind,
  };
  return { ...base, staff: auto, rights };
}

function browserOn(
  device: CallerDevice,
  staff: () => Staff,
  dispatch: () => Dispatch,
  live: () => boolean,
): Browser {
  const browser: Browser = {
    token: undefined,
    async call<T>(method: string, input: unknown = {}) {
      const caller: Caller = {
        ...(await callerOf(staff(), device, browser.token, live())),
        session: { set: (token) => (browser.token = token), clear: () => (browser.token = undefined) },
      };
      return (await dispatch()(method, input, caller)) as Result<T>;
    },
    async ok<T>(method: string, input: unknown = {}) {
      const result = await browser.call<T>(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
  return browser;
}
