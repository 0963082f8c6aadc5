import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../shared/domain/money';
import { allows } from '../../shared/domain/roles';
import { auditMethods } from '../../shared/contract/audit-methods';
import { deviceMethods } from '../../shared/contract/device-methods';
import { sessionMethods } from '../../shared/contract/session-methods';
import { staffMethods } from '../../shared/contract/staff-methods';
import type { Credentials } from './api/credentials';
import type { Caller, Dispatch, Handlers } from './api/dispatcher';
import type { FileDownload, StationPort } from './api/station-port';
import { createStationAccess, type StationAccess } from './access/station-access';
import { AuditExportFolder } from './audit/audit-export-folder';
import { createAuditHandlers } from './audit/audit-handlers';
import { createAuditLog, type AuditLog } from './audit/audit-log';
import { auditedDispatch } from './audit/audited-dispatch';
import {
  openStationDatabase,
  STATION_DATABASE_FILE,
  stationMigrationsFolder,
  type StationDb,
} from './db/open-station-database';
import { createDeviceHandlers } from './devices/device-handlers';
import type { DeviceNetwork } from './devices/device-network';
import { createDeviceRegistry, type DeviceRegistry } from './devices/device-registry';
import { methodTakesTillId, tillForCall } from './devices/till-binding';
import type { Logger } from './logging/logger';
import { stationReportNames, type ReportNames } from './reports/report-names';
import { readSalesSetupFile, SALES_SETUP_FILE } from './reports/sales-setup-store';
import { createStaff, type Staff } from './staff/staff';
import { createStaffHandlers } from './staff/staff-handlers';

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

export interface PeopleConfig {
  dataDir: string;
  migrationsFolder: string;
  logger: Logger;
  now: () => number;
}

export interface PeopleHooks {
  /** The mode the station runs in, or null while none is open (a refused start). */
  mode: () => 'training' | 'live' | null;
  locale: () => Locale;
  /** Till ids `sales-setup.json` already names, so a new device's till never takes one of theirs. */
  knownTillIds: () => readonly string[];
  onNetworkChanged?: (network: DeviceNetwork) => void | Promise<void>;
}

/** What the rest of the station holds of its people side (station.sqlite opened at start, closed at stop). */
export interface StationPeople {
  handlers: Pick<Handlers, PeopleMethod>;
  access: StationPort['access'];
  /** The dispatcher with the till binding before it and the audit log around it. */
  guard(dispatch: Dispatch): Dispatch;
  auditFile(fileName: string): FileDownload | null;
  /** People's and linked tills' names for the X and Z, from whatever station.sqlite is open. */
  reportNames: ReportNames;
  /** Opens station.sqlite, creates the training administrator while no real one exists, and the station's own device. */
  start(): Promise<void>;
  /** Writes what is pending and closes station.sqlite (a read-only or unmounted folder must be let go of). */
  stop(): void;
}

/** The parts built over one open station.sqlite. */
interface PeopleParts {
  db: StationDb;
  audit: AuditLog;
  staff: Staff;
  devices: DeviceRegistry;
  access: StationAccess;
  handlers: StationPeople['handlers'];
  timers: NodeJS.Timeout[];
}

type PeopleMethod = `${'session' | 'staff' | 'devices' | 'audit'}.${string}` & keyof Handlers;

const PEOPLE_METHODS = Object.keys({
  ...sessionMethods,
  ...staffMethods,
  ...deviceMethods,
  ...auditMethods,
}) as PeopleMethod[];

/**
 * The station's people, devices and audit log. Staff, devices and sessions live in `station.sqlite`
 * whatever the mode (a shop does not re-link its tablets when it goes live). A station can be stopped
 * and started again: the file is closed at stop and opened again at start, and what the shells hold
 * (the access rule, the handlers) always reaches the open one.
 */
export function openStationPeople(config: PeopleConfig, hooks: PeopleHooks): StationPeople {
  const listeners = new Set<() => void>();
  const changed = (): void => [...listeners].forEach((listener) => listener());
  let parts: PeopleParts | null = null;
  const current = (): PeopleParts => {
    if (!parts) throw new Error('the station database is not open');
    return parts;
  };
  const exports = new AuditExportFolder(join(config.dataDir, 'exports'));
  const handlers = delegating(current);
  return {
    handlers,
    access: {
      // Not open (a folder the station cannot write): nobody is signed in, only public methods answer.
      callerFor: (credentials) => (parts ? parts.access.callerFor(credentials) : noOne(credentials)),
      onChanged: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    },
    guard: (dispatch) => (method, input, caller) =>
      parts
        ? guarded(dispatch, parts, config.logger)(method, input, caller)
        : dispatch(method, input, caller),
    auditFile: (fileName) => exports.find(fileName),
    reportNames: stationReportNames(() => parts?.db ?? null),
    async start() {
      try {
        parts ??= openParts(config, hooks, { changed, exports });
      } catch (error) {
        // A read-only or damaged folder: the book's own checks refuse the start and say why; until the
        // station database opens, nobody can sign in and only the public methods answer.
        config.logger.error('the station database (station.sqlite) could not be opened', error);
        return;
      }
      await startParts(parts);
    },
    stop() {
      if (parts) stopParts(parts);
      parts = null;
    },
  };
}

/** Handlers that answer through whatever station.sqlite is open now. */
function delegating(current: () => PeopleParts): StationPeople['handlers'] {
  const entries = PEOPLE_METHODS.map((method) => [
    method,
    (input: never, caller: Caller) => current().handlers[method](input, caller),
  ]);
  return Object.fromEntries(entries) as StationPeople['handlers'];
}

function noOne(credentials: Credentials): Caller {
  return {
    channel: credentials.channel,
    rights: { session: 'none' },
    staff: null,
    device: null,
    sessionId: null,
  };
}

function openParts(
  config: PeopleConfig,
  hooks: PeopleHooks,
  shared: { changed: () => void; exports: AuditExportFolder },
): PeopleParts {
  const { now, logger } = config;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = openStationDatabase(
    join(config.dataDir, STATION_DATABASE_FILE),
    stationMigrationsFolder(config.migrationsFolder),
  );
  const audit = createAuditLog({ db, now, mode: hooks.mode });
  const staff = createStaff({ db, now, audit });
  const devices = createDeviceRegistry({ db, now, audit, knownTillIds: hooks.knownTillIds, logger });
  const access = createStationAccess({
    sessions: staff.sessions,
    devices,
    autoSignedIn: () => staff.administration.autoSignedIn(hooks.mode() !== 'training'),
    changed: shared.changed,
  });
  devices.onRevoked((deviceId) => {
    staff.sessions.endForDevice(deviceId, 'revoked');
    shared.changed();
  });
  const handlers = peopleHandlers(config, hooks, { db, audit, staff, devices, exports: shared.exports });
  return { db, audit, staff, devices, access, handlers, timers: [] };
}

async function startParts(parts: PeopleParts): Promise<void> {
  const { audit, staff, devices } = parts;
  await staff.training.ensure();
  devices.ensureStationDevice();
  devices.sweepExpired();
  // A minute's repeated refusals become one entry when the minute is over, even if nothing else is
  // written; a device unused for 30 days loses its access even if it never calls again.
  parts.timers = [
    setInterval(() => audit.flush(), 60_000),
    setInterval(() => devices.sweepExpired(), 3_600_000),
  ];
  for (const timer of parts.timers) timer.unref();
}

function stopParts(parts: PeopleParts): void {
  for (const timer of parts.timers) clearInterval(timer);
  parts.audit.flush();
  parts.db.$client.close();
}

function peopleHandlers(
  config: PeopleConfig,
  hooks: PeopleHooks,
  parts: Pick<PeopleParts, 'db' | 'audit' | 'staff' | 'devices'> & { exports: AuditExportFolder },
): StationPeople['handlers'] {
  const { db, audit, staff, devices, exports } = parts;
  return {
    ...createStaffHandlers({ staff, live: () => hooks.mode() === 'live' }),
    ...createDeviceHandlers({
      ...{ registry: devices, db, audit, dataFolder: config.dataDir, now: config.now },
      onNetworkChanged: hooks.onNetworkChanged,
    }),
    ...createAuditHandlers(audit, { exports, locale: hooks.locale }),
  };
}

/** Outermost first: the audit log sees every answer; going live, then the till binding, run before the dispatcher. */
function guarded(
  dispatch: Dispatch,
  parts: Pick<PeopleParts, 'audit' | 'staff' | 'access'>,
  logger: Logger,
): Dispatch {
  const inner = bindingTills(goingLiveNeedsAnAdministrator(dispatch, parts.staff));
  return auditedDispatch(announcingAccessChanges(inner, parts.access), parts.audit, logger);
}

/** Going live needs a real administrator signed in: never the training one, never a manager. */
function goingLiveNeedsAnAdministrator(dispatch: Dispatch, staff: Staff): Dispatch {
  return async (method, input, caller) => {
    if (method === 'settings.goLive' && allows(caller.rights, 'administer')) {
      try {
        staff.administration.assertMayGoLive(caller);
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

/** The till ids `sales-setup.json` names; none when it cannot be read (the start reports that file itself). */
export function tillsInSalesSetup(dataDir: string): string[] {
  try {
    return readSalesSetupFile(join(dataDir, SALES_SETUP_FILE)).tills.map((till) => till.tillId);
  } catch {
    return [];
  }
}
