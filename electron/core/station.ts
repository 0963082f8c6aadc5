import type { StationRefusal } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { createDispatcher } from './api/dispatcher';
import { createEventBus } from './api/event-bus';
import type { StationPort } from './api/station-port';
import { createStationBackups } from './backup/station-backups';
import { createHandlers } from './handlers';
import { RuntimeHost } from './runtime-host';
import { createSettingsFile, type SettingsFile } from './settings/settings-file';
import { parseStationConfig, type StationConfig, type StationOptions } from './station-config';
import type { DeviceNetwork } from './devices/device-network';
import { openStationPeople, tillsInSalesSetup, type PeopleHooks, type StationPeople } from './station-people';
import {
  downloads,
  emitSale,
  emitWristband,
  openDatabaseOf,
  printJobs,
  receiveCallback,
  settingsServices,
  stationBook,
  stationRestore,
  stopStation,
  storageFailures,
} from './station-wiring';

export type { StationOptions } from './station-config';

/** The station as its shells hold it: the port they call (api/station-port.ts), and its life cycle. */
export interface Station extends StationPort {
  /** Opens the mode; a file that fails its check leaves the station refused (see `refusal`), not thrown. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Why the start was refused (the one line, the file, the remedies), or null while a mode runs. */
  refusal(): StationRefusal | null;
  /** The simulator training mode uses right now, or null when live. */
  simulatorUrl(): string | null;
  /** Tells the station where its HTTP shell listens, before `start`. */
  setLocalUrl(url: string): void;
  /**
   * The shell that can serve linked devices (an HTTPS listener) hands the station how to: it is applied
   * now (after `start`) and again whenever an administrator changes the network; a refusal (an address
   * the machine does not have, a port in use) answers the administrator's `devices.setNetwork`.
   */
  serveDevices(apply: (network: DeviceNetwork) => Promise<unknown>): Promise<void>;
}

/**
 * The composition root of the station: the options are validated once (station-config.ts, a bad one
 * throws here, before anything opens), then storage, Bancontact, tracker and services are built and
 * put behind one dispatcher.
 */
export function createStation(options: StationOptions): Station {
  const config = parseStationConfig(options);
  const { logger, now, dataDir } = config;
  const events = createEventBus((error) => logger.error('event listener failed', error));
  const file = createSettingsFile(dataDir);
  const backups = createStationBackups({
    ...{ dataDir, settingsFile: file, logger, now, checkEveryMs: config.timings.backupCheckMs },
    current: () => openDatabaseOf(host),
    emit: (status) => events.emit('backups.changed', status),
  });
  const host: RuntimeHost = new RuntimeHost(config, {
    // SQLite's file backups; on PostgreSQL the server's own tools back the books up.
    backups: config.database ? undefined : backups.hooks,
    onStorageChanged: () => book.announce(),
    onSaleChanged: (repo, saleId) => emitSale({ host, events, logger }, repo, saleId),
    onWristbandChanged: (repo, band) => emitWristband(host, events, repo, band),
  });
  const book = stationBook(config, { file, host, events, backups: backups.service });
  const printing = printJobs(config, events);
  const { settings, topupProfiles } = settingsServices(config, { file, host, events, book });
  const { people, devices } = openPeople(config, host, file, settings);
  const handlers = createHandlers({
    ...{ mode: () => host.current(), now, settings, topupProfiles, printing, book: book.handlers },
    onEventChanged: (state) => events.emit('topup.eventChanged', state),
    backups: backups.handlers,
    restore: stationRestore(config, { file, host, reopen: () => book.start() }),
    ...{ people: people.handlers, reportNames: people.reportNames },
  });
  return {
    // While the start is refused, only the refusal screen's methods get through (books/refused-state.ts).
    dispatch: people.guard(book.refused.gate(createDispatcher(handlers, logger, storageFailures(host)))),
    events,
    ...peoplePort(people, devices),
    // People can sign in even on a refused start: the refusal screen's remedies are an administrator's.
    start: () => people.start().then(() => book.start()),
    // A refusal is held and answered (station.getStatus), never thrown: see `refusal()`.
    refusal: () => book.refused.current(),
    stop: () => stopStation(dataDir, [backups.service, printing, { stop: () => host.close() }, people]),
    simulatorUrl: () => host.simulatorUrl(),
    setLocalUrl: (url) => host.setLocalUrl(url),
    receiveCallback: (ppid, rawBody, signature) => receiveCallback(host, ppid, rawBody, signature),
    ...downloads(host, printing),
  };
}

/** What the people side needs of the rest: the running mode, the language, the tills already set up. */
function peopleHooks(
  host: RuntimeHost,
  file: SettingsFile,
  settings: { view(): { locale: Locale } },
  dataDir: string,
): PeopleHooks {
  return {
    // A refused start runs no mode: the stored settings say which one it is (training if they cannot be read).
    mode: () => (host.isOpen() ? host.current().mode : storedMode(file)),
    locale: () => settings.view().locale,
    knownTillIds: () => tillsInSalesSetup(dataDir),
  };
}

function storedMode(file: SettingsFile): 'training' | 'live' {
  try {
    return file.read().mode;
  } catch {
    return 'training';
  }
}

/** Staff, devices and the audit log (station-people.ts), with the shell's way of serving devices. */
function openPeople(
  config: StationConfig,
  host: RuntimeHost,
  file: SettingsFile,
  settings: { view(): { locale: Locale } },
) {
  const devices = deviceServing();
  const hooks = { ...peopleHooks(host, file, settings, config.dataDir), onNetworkChanged: devices.apply };
  return { people: openStationPeople(config, hooks), devices };
}

/** What the shells reach of the people side: who is calling, audit exports, where devices connect. */
function peoplePort(
  people: StationPeople,
  devices: ReturnType<typeof deviceServing>,
): Pick<Station, 'access' | 'auditFile' | 'deviceAddress' | 'serveDevices'> {
  return {
    ...{ access: people.access, auditFile: people.auditFile },
    deviceAddress: () => addressOf(people.network()),
    serveDevices: (apply) => devices.serve(apply, people.network()),
  };
}

/** The shell's way of serving linked devices, once it has given one. */
function deviceServing() {
  let applier: ((network: DeviceNetwork) => Promise<unknown>) | null = null;
  return {
    apply: async (network: DeviceNetwork): Promise<void> => {
      await applier?.(network);
    },
    serve: async (
      apply: (network: DeviceNetwork) => Promise<unknown>,
      now: DeviceNetwork | null,
    ): Promise<void> => {
      applier = apply;
      if (now?.enabled) await apply(now);
    },
  };
}

function addressOf(network: DeviceNetwork | null): { address: string; port: number } | null {
  return network?.enabled && network.address ? { address: network.address, port: network.port } : null;
}
