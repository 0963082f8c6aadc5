import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../shared/domain/money';
import { auditMethods } from '../../shared/contract/audit-methods';
import { deviceMethods } from '../../shared/contract/device-methods';
import { preferenceMethods } from '../../shared/contract/preference-methods';
import { sessionMethods } from '../../shared/contract/session-methods';
import { staffMethods } from '../../shared/contract/staff-methods';
import type { Credentials } from './api/credentials';
import type { Caller, Dispatch, Handlers } from './api/dispatcher';
import type { FileDownload, StationPort } from './api/station-port';
import { createStationAccess, type StationAccess } from './access/station-access';
import { AuditExportFolder } from './audit/audit-export-folder';
import { createAuditHandlers } from './audit/audit-handlers';
import { createAuditLog, type AuditLog } from './audit/audit-log';
import { STATION_DATABASE_FILE, type StationDb } from './db/open-station-database';
import { createDeviceHandlers } from './devices/device-handlers';
import { createDeviceSoundHandlers } from './devices/device-sound';
import { DEFAULT_DEVICE_NETWORK, readDeviceNetwork, type DeviceNetwork } from './devices/device-network';
import { followNetwork } from './devices/followed-network';
import { createDeviceRegistry, type DeviceRegistry } from './devices/device-registry';
import type { Logger } from './logging/logger';
import { stationReportNames, type ReportNames } from './reports/report-names';
import { guarded } from './people-guards';
import { readSalesSetupFile, SALES_SETUP_FILE } from './reports/sales-setup-store';
import { createStaff, type Staff } from './staff/staff';
import { createStaffHandlers } from './staff/staff-handlers';
import { openPeopleStore, withoutCredentials, type StorageConfig } from './station-storage';

/** Where the people live (station.sqlite, or the site's PostgreSQL database), and the station's log and clock. */
export interface PeopleConfig extends StorageConfig {
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
  /** Where linked devices reach the station, as the administrator set it; null while station.sqlite is not open. */
  network(): DeviceNetwork | null;
  /** The station database (the site database on PostgreSQL) while it is open, else null. */
  database(): StationDb | null;
  /** On a site: another station changed the network; it is read again and served (devices/followed-network.ts). */
  followNetwork(): Promise<void>;
  /** Told after an administrator's network change here is stored (on a site, to tell the other stations). */
  onNetworkStored(listener: () => void): void;
  /** Opens station.sqlite, creates the training administrator while no real one exists, and the station's own device. */
  start(): Promise<void>;
  /** Writes what is pending and closes station.sqlite (a read-only or unmounted folder must be let go of). */
  stop(): Promise<void>;
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
  /** Where linked devices reach the station: read at start, kept as stored since (devices.setNetwork). */
  network: DeviceNetwork;
}

type PeopleMethod = `${'session' | 'staff' | 'devices' | 'audit'}.${string}` & keyof Handlers;

const PEOPLE_METHODS = Object.keys({
  ...sessionMethods,
  ...staffMethods,
  ...deviceMethods,
  ...auditMethods,
  ...preferenceMethods,
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
  const network = followingNetwork(config, hooks, () => parts);
  const current = (): PeopleParts => {
    if (!parts) throw new Error('the station database is not open');
    return parts;
  };
  const exports = new AuditExportFolder(join(config.dataDir, 'exports'));
  return {
    handlers: delegating(current),
    access: {
      // Not open (a folder the station cannot write): nobody is signed in, only public methods answer.
      callerFor: async (credentials) => (parts ? parts.access.callerFor(credentials) : noOne(credentials)),
      onChanged: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    },
    guard: (dispatch) => (method, input, caller) =>
      parts
        ? guarded(dispatch, parts, config.logger)(method, input, caller)
        : dispatch(method, input, caller),
    auditFile: (fileName) => exports.find(fileName),
    reportNames: stationReportNames(() => parts?.db ?? null),
    database: () => parts?.db ?? null,
    ...network.port,
    async start() {
      try {
        parts ??= await openParts(config, hooks, { changed, exports, networkStored: network.stored });
      } catch (error) {
        // A read-only or damaged folder, an unreachable server: the book's own checks refuse the start
        // and say why; until the station database opens, nobody can sign in and only the public methods answer.
        config.logger.error(`the station database (${peopleLocation(config)}) could not be opened`, error);
        return;
      }
      await startParts(parts, config.logger);
    },
    async stop() {
      const stopping = parts;
      parts = null;
      if (stopping) await stopParts(stopping, config.logger);
    },
  };
}

/** On a site, the device network follows the other stations' changes, and this station's are told. */
function followingNetwork(
  config: PeopleConfig,
  hooks: PeopleHooks,
  open: () => PeopleParts | null,
): { stored: () => void; port: Pick<StationPeople, 'network' | 'followNetwork' | 'onNetworkStored'> } {
  const listeners = new Set<() => void>();
  const followed = async (): Promise<void> => {
    const parts = open();
    if (!parts) return;
    const { dataDir: dataFolder, logger } = config;
    const current = parts.network;
    parts.network = await followNetwork({
      db: parts.db,
      dataFolder,
      logger,
      current,
      apply: hooks.onNetworkChanged,
    });
  };
  return {
    stored: () => [...listeners].forEach((listener) => listener()),
    port: {
      network: () => open()?.network ?? null,
      followNetwork: followed,
      onNetworkStored: (listener) => void listeners.add(listener),
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

/** Named in the log: the file, or the site database's address without credentials. */
function peopleLocation(config: PeopleConfig): string {
  return config.database ? withoutCredentials(config.database) : STATION_DATABASE_FILE;
}

async function openParts(
  config: PeopleConfig,
  hooks: PeopleHooks,
  shared: { changed: () => void; exports: AuditExportFolder; networkStored: () => void },
): Promise<PeopleParts> {
  const { now, logger } = config;
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const db = await openPeopleStore(config);
  const audit = createAuditLog({ db, now, mode: hooks.mode });
  const staff = createStaff({ db, now, audit });
  const devices = createDeviceRegistry({ db, now, audit, knownTillIds: hooks.knownTillIds, logger });
  const access = createStationAccess({
    sessions: staff.sessions,
    devices,
    autoSignedIn: () => staff.administration.autoSignedIn(hooks.mode() !== 'training'),
    changed: shared.changed,
  });
  devices.onRevoked(async (deviceId) => {
    await staff.sessions.endForDevice(deviceId, 'revoked');
    shared.changed();
  });
  const parts = { db, audit, staff, devices, access, timers: [], network: DEFAULT_DEVICE_NETWORK };
  // The network is read at start and, after that, kept as `devices.setNetwork` stored it.
  const stored = (network: DeviceNetwork): void => {
    parts.network = network;
    shared.networkStored();
  };
  const handlers = peopleHandlers(config, hooks, { ...parts, exports: shared.exports, stored });
  return Object.assign(parts, { handlers });
}

async function startParts(parts: PeopleParts, logger: Logger): Promise<void> {
  const { audit, staff, devices } = parts;
  try {
    parts.network = await readDeviceNetwork(parts.db);
    await staff.training.ensure();
    await devices.ensureStationDevice();
    await devices.sweepExpired();
  } catch (error) {
    // A full disk at start: the book still opens and answers DISK_FULL; people already there can sign in.
    logger.error('the station database could not be brought up to date at start', error);
  }
  // A minute's repeated refusals become one entry when the minute is over, even if nothing else is
  // written; a device unused for 30 days loses its access even if it never calls again.
  parts.timers = [
    setInterval(() => void quietly(audit.flush, logger), 60_000),
    setInterval(() => void quietly(devices.sweepExpired, logger), 3_600_000),
  ];
  for (const timer of parts.timers) timer.unref();
}

async function quietly(work: () => Promise<unknown>, logger: Logger): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.error('station database upkeep failed', error);
  }
}

async function stopParts(parts: PeopleParts, logger: Logger): Promise<void> {
  for (const timer of parts.timers) clearInterval(timer);
  await quietly(parts.audit.flush, logger);
  await parts.db.close();
}

function peopleHandlers(
  config: PeopleConfig,
  hooks: PeopleHooks,
  parts: Pick<PeopleParts, 'db' | 'audit' | 'staff' | 'devices'> & {
    exports: AuditExportFolder;
    stored: (network: DeviceNetwork) => void;
  },
): StationPeople['handlers'] {
  const { db, audit, staff, devices, exports } = parts;
  return {
    ...createStaffHandlers({ staff, live: () => hooks.mode() === 'live' }),
    ...createDeviceHandlers({
      ...{ registry: devices, db, audit, dataFolder: config.dataDir, now: config.now },
      onNetworkChanged: hooks.onNetworkChanged,
      onNetworkStored: parts.stored,
    }),
    ...createDeviceSoundHandlers({ db, audit }),
    ...createAuditHandlers(audit, { exports, locale: hooks.locale }),
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
