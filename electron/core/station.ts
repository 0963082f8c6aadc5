import type { SettingsView, StationRefusal } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { receivePproWebhook } from './agreements/ppro-webhooks';
import { createDispatcher } from './api/dispatcher';
import { createArticleLookup } from './articles/article-lookup';
import type { ArticleLookup } from './sales/catalogue';
import { salesSetupRules } from './articles/article-rules';
import { createArticleService } from './articles/article-service';
import { createEventBus, type EventBus } from './api/event-bus';
import type { StationPort } from './api/station-port';
import { createStationBackups, type RuntimeBackupHooks } from './backup/station-backups';
import { createHandlers } from './handlers';
import { stationInbox } from './inbox/station-inbox';
import { createReceiptHandlers } from './receipts/receipt-handlers';
import { registerParts, type RegisterParts } from './station-register-parts';
import { RuntimeHost } from './runtime-host';
import { openStationCoordination, type StationCoordination } from './site/station-coordination';
import type { SettingsFile } from './settings/settings-file';
import { StationSiteSettings } from './station-site-settings';
import { parseStationConfig, type StationConfig, type StationOptions } from './station-config';
import type { DeviceNetwork } from './devices/device-network';
import { stationHealth } from './station-health';
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
  const parsed = parseStationConfig(options);
  // Every part reads settings and secrets through these: the station's files, or on a site (once open
  // at start) the site's shared ones.
  const site = new StationSiteSettings(parsed);
  const config: StationConfig = { ...parsed, secrets: site.secrets };
  const { logger, now, dataDir } = config;
  const events = createEventBus((error) => logger.error('event listener failed', error));
  const file = site.file;
  const backups = stationBackups(config, file, events, () => host);
  const coordination = openStationCoordination({ ...config, ...config.timings });
  // Baskets are priced from the catalogue in the station database, opened with the people below.
  const catalogue = createArticleLookup(() => people.database());
  const hostParts = { coordination, events, backups: backups.hooks, articles: catalogue };
  const host = runtimeHost(config, {
    ...{ ...hostParts, book: () => book },
    startSaleRefunds: (ids) => extras.returns.bancontact.start(ids),
  });
  const book = stationBook(config, { file, host, events, backups: backups.service });
  const printing = printJobs(config, events);
  const { settings, topupProfiles, profiles } = settingsServices(config, { file, host, events, book });
  const { people, devices, articles } = openPeople(config, host, file, settings, events);
  followSite(site, { book, host, events, settings, people });
  const extras = registerParts(config, { host, people, settings, coordination, events, file, site });
  const { logo, refundKeys, receipts, returns, mail } = extras;
  const handlers = createHandlers({
    ...{ mode: () => host.current(), now, settings, topupProfiles, profiles, printing, book: book.handlers },
    onEventChanged: (state) => events.emit('topup.eventChanged', state),
    backups: backups.handlers,
    restore: stationRestore(config, { file, host, reopen: () => book.start() }),
    logo,
    refundKeys: refundKeys.handlers,
    ...{ people: people.handlers, reportNames: people.reportNames, articles },
    receipts: createReceiptHandlers(receipts),
    returns: returns.handlers,
    inbox: stationInbox(config, { host, people, receipts, backups: backups.service, mail }),
    mail: mail.handlers(),
    pproSettings: extras.pproSettings,
  });
  const dispatch = people.guard(book.refused.gate(createDispatcher(handlers, logger, storageFailures(host))));
  const built = { dataDir, dispatch, events, people, devices, book, host };
  return stationPort({ ...built, extras, printing, site, coordination, backups });
}

interface StationParts {
  dataDir: string;
  dispatch: Station['dispatch'];
  events: EventBus;
  people: ReturnType<typeof openPeople>['people'];
  devices: ReturnType<typeof openPeople>['devices'];
  book: ReturnType<typeof stationBook>;
  host: ReturnType<typeof runtimeHost>;
  extras: RegisterParts;
  printing: ReturnType<typeof printJobs>;
  site: StationSiteSettings;
  coordination: ReturnType<typeof openStationCoordination>;
  backups: ReturnType<typeof stationBackups>;
}

/** What the shells reach of a built station. */
function stationPort(parts: StationParts): Station {
  const { dataDir, dispatch, events, people, devices, book, host, printing, site, coordination } = parts;
  const { logo, refundKeys, receipts, returns, mail } = parts.extras;
  return {
    // While the start is refused, only the refusal screen's methods get through (books/refused-state.ts).
    dispatch,
    events,
    ...peoplePort(people, devices),
    // People can sign in even on a refused start: the refusal screen's remedies are an administrator's.
    start: () =>
      people
        .start()
        .then(() => book.start())
        .then(() => receipts.start())
        .then(() => mail.start()),
    // A refusal is held and answered (station.getStatus), never thrown: see `refusal()`.
    refusal: () => book.refused.current(),
    stop: () =>
      stopStation(
        dataDir,
        stopOrder({
          backups: parts.backups.service,
          printing,
          receipts,
          mail,
          returns,
          host,
          coordination,
          site,
          people,
        }),
      ),
    simulatorUrl: () => host.simulatorUrl(),
    health: () => stationHealth(host),
    setLocalUrl: (url) => host.setLocalUrl(url),
    receiveCallback: (ppid, rawBody, signature) => receiveCallback(host, ppid, rawBody, signature),
    logo: () => logo.readLogo(),
    receiptPdf: (saleId) => receipts.pdf(saleId),
    merchantJwks: (ppid) => refundKeys.jwks(ppid),
    receivePproWebhook: (rawBody) => receivePproWebhook(host.running()?.agreements ?? null, rawBody),
    ...downloads(host, printing),
  };
}

/** The catalogue in the station database (the site's on PostgreSQL), with the current mode's shops. */
function stationArticles(
  config: StationConfig,
  parts: { host: RuntimeHost; events: EventBus; people: StationPeople },
) {
  const { host, events, people } = parts;
  return createArticleService({
    db: () => {
      const db = people.database();
      if (!db) throw new Error('the station database is not open');
      return db;
    },
    now: config.now,
    ...salesSetupRules(() => host.current().reports.setup.read(), config.now),
    changed: () => events.emit('articles.changed', { changedAt: config.now() }),
  });
}

/** The holder of the running mode, telling the screens what changed in it. */
function runtimeHost(
  config: StationConfig,
  parts: {
    coordination: StationCoordination;
    events: EventBus;
    backups: RuntimeBackupHooks;
    book: () => { announce(): void };
    articles: ArticleLookup;
    startSaleRefunds: (refundIds: number[]) => Promise<void>;
  },
): RuntimeHost {
  const { coordination, events, articles, startSaleRefunds } = parts;
  const host: RuntimeHost = new RuntimeHost(config, {
    ...{ coordination, events, articles, startSaleRefunds },
    // SQLite's file backups; on PostgreSQL the server's own tools back the books up.
    backups: config.database ? undefined : parts.backups,
    onStorageChanged: () => parts.book().announce(),
    onSaleChanged: (repo, saleId) => emitSale({ host, events, logger: config.logger }, repo, saleId),
    onWristbandChanged: (repo, band) => emitWristband(host, events, repo, band),
  });
  return host;
}

/** SQLite's file backups of the running mode (on PostgreSQL the server's own tools back the books up). */
function stationBackups(
  config: StationConfig,
  file: SettingsFile,
  events: EventBus,
  host: () => RuntimeHost,
) {
  const { dataDir, logger, now } = config;
  return createStationBackups({
    ...{ dataDir, settingsFile: file, logger, now, checkEveryMs: config.timings.backupCheckMs },
    current: () => openDatabaseOf(host()),
    emit: (status) => events.emit('backups.changed', status),
  });
}

type Stoppable = { stop(): Promise<void> | void };

/** What the station stops, in order. */
function stopOrder(parts: {
  backups: Stoppable;
  printing: Stoppable;
  receipts: Stoppable;
  mail: Stoppable;
  returns: Stoppable;
  host: RuntimeHost;
  coordination: { close(): Promise<void> };
  site: { close(): Promise<void> };
  people: Stoppable;
}): Stoppable[] {
  return [
    parts.backups,
    parts.printing,
    // The print queue's last job ends before the books close.
    parts.receipts,
    // Likewise the receipt being mailed: it is marked sent before the books close.
    parts.mail,
    // Refunds being followed at Bancontact stop asking before the books they write to close.
    parts.returns,
    { stop: () => parts.host.close() },
    { stop: () => parts.coordination.close() },
    // Its last changes reach the site database before that connection closes with the people's.
    { stop: () => parts.site.close() },
    parts.people,
  ];
}

/**
 * On a site, the shared settings open at every checked start, once the site database is open; a change
 * another station made is applied the way this station applies its own.
 */
function followSite(
  site: StationSiteSettings,
  parts: {
    book: ReturnType<typeof stationBook>;
    host: RuntimeHost;
    events: ReturnType<typeof createEventBus>;
    settings: { view(): SettingsView };
    people: StationPeople;
  },
): void {
  const { book, host, events, settings, people } = parts;
  book.beforeChecks(() => site.open(people.database()));
  site.follow({
    reopen: (stored) => book.switchMode(stored),
    topupProfiles: (stored) => (host.applyTopupProfiles(stored), host.applyPaymentProfiles(stored)),
    changed: () => events.emit('settings.changed', { settings: settings.view() }),
    network: () => people.followNetwork(),
  });
  // The site address set here reaches the stations already running (their `network` above).
  people.onNetworkStored(() => site.announceNetwork());
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

/**
 * Staff, devices and the audit log (station-people.ts), with the shell's way of serving devices; and
 * the article catalogue, which lives in the same station database.
 */
function openPeople(
  config: StationConfig,
  host: RuntimeHost,
  file: SettingsFile,
  settings: { view(): { locale: Locale } },
  events: EventBus,
) {
  const devices = deviceServing();
  const hooks = { ...peopleHooks(host, file, settings, config.dataDir), onNetworkChanged: devices.apply };
  const people = openStationPeople(config, hooks);
  return { people, devices, articles: stationArticles(config, { host, events, people }) };
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
