import type { StationRefusal } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { createDispatcher } from './api/dispatcher';
import { createEventBus } from './api/event-bus';
import type { StationPort } from './api/station-port';
import { createStationBackups } from './backup/station-backups';
import { createHandlers } from './handlers';
import { RuntimeHost } from './runtime-host';
import { createSettingsFile, type SettingsFile } from './settings/settings-file';
import { parseStationConfig, type StationOptions } from './station-config';
import { openStationPeople, tillsInSalesSetup, type PeopleHooks } from './station-people';
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
    backups: backups.hooks,
    onStorageChanged: () => book.announce(),
    onSaleChanged: (repo, saleId) => emitSale(host, events, repo, saleId),
    onWristbandChanged: (repo, band) => emitWristband(host, events, repo, band),
  });
  const book = stationBook(config, { file, host, events, backups: backups.service });
  const printing = printJobs(config, events);
  const { settings, topupProfiles } = settingsServices(config, { file, host, events, book });
  const people = openStationPeople(config, peopleHooks(host, file, settings, dataDir));
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
    ...{ access: people.access, auditFile: people.auditFile },
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
