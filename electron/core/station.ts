import { join } from 'node:path';
import { ContractFailure, type Environment, type SaleView, type StationRefusal } from '../../shared/contract';
import { createDispatcher, type ErrorTranslator } from './api/dispatcher';
import { createStationBackups } from './backup/station-backups';
import { createStationRestore } from './restore/station-restore';
import { claimStationLock, releaseStationLock } from './restore/station-lock';
import { createEventBus, type EventBus } from './api/event-bus';
import type { StationPort } from './api/station-port';
import { makeDataFolderPrivate } from './data-folder';
import { ENVIRONMENT_URLS } from './bancontact/environments';
import type { SynchronousSetting } from './db/open-database';
import { createStationBook } from './books/station-book';
import { openDatabase } from './db/open-database';
import { readSalesSetupFile, SALES_SETUP_FILE } from './reports/sales-setup-store';
import { createHandlers } from './handlers';
import { createConsoleLogger, type Logger } from './logging/logger';
import { RuntimeHost, type RuntimeHostOptions } from './runtime-host';
import { createFileSecretStore, type SecretStore } from './settings/secret-store';
import { createSettingsFile, type SettingsFile } from './settings/settings-file';
import { SettingsService } from './settings/settings-service';
import { TopupProfileSettings } from './settings/topup-profile-settings';
import { exportDownload } from './topup/refunds/refund-downloads';
import { PrintJobs } from './topup/print-jobs';
import type { WristbandRow } from './topup/wristband-book';
import type { SalesRepo } from './sales/sales-repo';
import type { CallbackAnswer } from './payments/callback-intake';

export interface StationOptions {
  dataDir: string;
  migrationsFolder: string;
  secrets?: SecretStore;
  logger?: Logger;
  now?: () => number;
  /** Training mode talks to this simulator; without it the station runs one embedded. */
  simulatorUrl?: string;
  /** Replaces the real Bancontact URLs, for tests against a simulator. */
  environmentUrls?: Partial<Record<Environment, string>>;
  /** Public base URL for callbacks; overrides the stored setting. */
  publicUrl?: string;
  pollIntervalMs?: number;
  rateLimitPerSecond?: number;
  sweepIntervalMs?: number;
  /** How often each top-up profile is searched for payments no callback brought (2 min by default). */
  topupSweepIntervalMs?: number;
  requestTimeoutMs?: number;
  /** How often the "every N minutes of activity" backup rule is checked (30 s by default). */
  backupCheckMs?: number;
  version?: string;
  /** Tests and the bench only: NORMAL, to measure what the default FULL costs (docs/durability.md). */
  synchronous?: SynchronousSetting;
}

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

/** A sale that ended this long ago no longer shows on the customer display. */
const CURRENT_SALE_LINGER_MS = 30_000;

/** The composition root of the station: storage, Bancontact, tracker and services behind one dispatcher. */
export function createStation(options: StationOptions): Station {
  const logger = options.logger ?? createConsoleLogger();
  const now = options.now ?? Date.now;
  const events = createEventBus((error) => logger.error('event listener failed', error));
  const file = createSettingsFile(options.dataDir);
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir);
  const environmentUrl = environmentUrlFor(options);
  const backups = createStationBackups({
    ...{ dataDir: options.dataDir, settingsFile: file, logger, now, checkEveryMs: options.backupCheckMs },
    current: () => host.current(),
    emit: (status) => events.emit('backups.changed', status),
  });
  const hostOptions = { ...options, secrets, logger, now, environmentUrl, backups: backups.hooks };
  const host: RuntimeHost = createHost({ ...hostOptions, onStorageChanged: () => book.announce() }, events);
  const book = stationBook(options, { file, secrets, host, logger, now, events, backups: backups.service });
  const parts = { file, secrets, environmentUrl, host, events, printing: printJobs(options, events), book };
  const handlers = createHandlers({
    printing: parts.printing,
    current: () => host.current(),
    settings: createSettings(options, parts),
    currentSale: (tillId) => findCurrentSale(host.current().repo, tillId, now()),
    book: book.handlers,
    topupProfiles: createTopupProfileSettings(options, parts),
    onEventChanged: (state) => events.emit('topup.eventChanged', state),
    backups: backups.handlers,
    restore: stationRestore(options, { file, host, now, logger, reopen: () => book.start() }),
  });
  return {
    // While the start is refused, only the refusal screen's methods get through (books/refused-state.ts).
    dispatch: book.refused.gate(createDispatcher(handlers, logger, storageFailures(host))),
    events,
    // A refusal is held and answered (station.getStatus), never thrown: see `refusal()`.
    start: () => book.start(),
    refusal: () => book.refused.current(),
    stop: () => stopAll(backups.service, host, parts.printing, options.dataDir),
    ...shellHooks(host),
    ...downloads(host, parts.printing),
  };
}

/** A backup being written is finished first: the station must not let go of the folder mid-copy. */
async function stopAll(
  backups: { stop(): Promise<void> },
  host: RuntimeHost,
  printing: PrintJobs,
  dataDir: string,
): Promise<void> {
  await backups.stop();
  await stopStation(host, printing);
  releaseStationLock(dataDir);
}

/** What the shells ask of the station besides methods: where it is, and Bancontact's callbacks. */
function shellHooks(host: RuntimeHost): Pick<Station, 'simulatorUrl' | 'setLocalUrl' | 'receiveCallback'> {
  return {
    simulatorUrl: () => host.simulatorUrl(),
    setLocalUrl: (url) => host.setLocalUrl(url),
    receiveCallback: (ppid, rawBody, signature) => receiveCallback(host, ppid, rawBody, signature),
  };
}

/** The start's checks, the refused state and the new book, on this station's files and runtime. */
function stationBook(
  options: StationOptions,
  parts: {
    file: SettingsFile;
    secrets: SecretStore;
    host: RuntimeHost;
    logger: Logger;
    now: () => number;
  } & {
    backups: { start(): void };
    events: EventBus;
  },
) {
  const { file, secrets, host, logger, now, backups, events } = parts;
  const { dataDir, migrationsFolder, synchronous } = options;
  return createStationBook({
    ...{ dataDir, logger, now, version: options.version ?? '0.0.0' },
    prepareFolder: () => {
      makeDataFolderPrivate(dataDir, logger);
      // One station per data folder, and `npm run restore` refuses while this lock names a living process.
      // A full disk may leave no room even for it: the station still starts, and answers DISK_FULL.
      host.storage.attempt('writing the station lock', () => claimStationLock(dataDir, now()));
    },
    onRunning: () => {
      logger.info(`station started in ${host.current().mode} mode`);
      backups.start();
    },
    onStatusChanged: (status) => events.emit('station.changed', status),
    readers: startFileReaders(file, secrets, dataDir),
    httpUrl: () => host.httpUrl(),
    diskFull: () => (host.storage.full ? host.storage.folder : null),
    openMode: (stored) => host.open(stored),
    closeMode: () => host.closeRuntime(),
    isRunning: () => host.isOpen(),
    running: () => ({ mode: host.current().mode, environment: host.current().environment }),
    assertNoOpenPayment: () => assertNoOpenPayment(host),
    openDatabase: (databaseFile) => openDatabase({ file: databaseFile, migrationsFolder, synchronous }),
  });
}

/** The files checked at every start, in order (books/refused-state.ts). */
function startFileReaders(file: SettingsFile, secrets: SecretStore, dataDir: string) {
  return {
    settings: () => file.read(),
    secrets,
    salesSetup: () => readSalesSetupFile(join(dataDir, SALES_SETUP_FILE)),
  };
}

/**
 * `backups.restore` replaces a mode's database and opens the mode again (restore/station-restore.ts),
 * through the same checked start as at launch: a refused station that the restore repaired starts.
 */
function stationRestore(
  options: StationOptions,
  parts: {
    file: SettingsFile;
    host: RuntimeHost;
    now: () => number;
    logger: Logger;
    reopen: () => Promise<void>;
  },
) {
  const { file, host, now, logger, reopen } = parts;
  return createStationRestore({
    ...{ dataDir: options.dataDir, migrationsFolder: options.migrationsFolder, now, logger },
    ...{ settingsFile: file, host, reopen },
  });
}

/** A full disk answers DISK_FULL naming the data folder, instead of an internal error. */
function storageFailures(host: RuntimeHost): ErrorTranslator {
  return (error, method) => host.storage.failureFor(error, `answering ${method}`);
}

/** The station's current mode and runtime; sale and wristband changes go out as events. */
function createHost(
  options: Omit<RuntimeHostOptions, 'onSaleChanged' | 'onWristbandChanged'>,
  events: EventBus,
): RuntimeHost {
  const host: RuntimeHost = new RuntimeHost({
    ...options,
    onSaleChanged: (repo, saleId) => emitSale(host, events, repo, saleId),
    onWristbandChanged: (repo, band) => emitWristband(host, events, repo, band),
  });
  return host;
}

function environmentUrlFor(options: StationOptions): (env: Environment) => string {
  return (env) => options.environmentUrls?.[env] ?? ENVIRONMENT_URLS[env];
}

/** Batch PDFs render in worker threads; their progress goes out as `jobs.progressed`. */
function printJobs(options: StationOptions, events: EventBus): PrintJobs {
  return new PrintJobs({ dataDir: options.dataDir, emit: (job) => events.emit('jobs.progressed', job) });
}

/** Print workers first, so that none is left writing into a data folder the station has let go of. */
async function stopStation(host: RuntimeHost, printing: PrintJobs): Promise<void> {
  await printing.stop();
  await host.close();
}

/** Files the HTTP shell serves: refund exports (from the database), report exports (from the export folder), batch PDFs. */
function downloads(
  host: RuntimeHost,
  printing: PrintJobs,
): Pick<Station, 'download' | 'reportFile' | 'printFile'> {
  return {
    printFile: (jobId) => printing.downloadFile(jobId),
    // Nothing is served from a book the station refused to open.
    download: (fileName) => (host.isOpen() ? exportDownload(host.current().topup.refunds, fileName) : null),
    reportFile: (fileName) => (host.isOpen() ? host.current().reports.folder.find(fileName) : null),
  };
}

function createSettings(
  options: StationOptions,
  parts: {
    file: SettingsFile;
    secrets: SecretStore;
    environmentUrl: (env: Environment) => string;
    host: RuntimeHost;
    events: EventBus;
    book: ReturnType<typeof createStationBook>;
  },
): SettingsService {
  const { file, secrets, environmentUrl, host, events } = parts;
  return new SettingsService({
    file,
    secrets,
    environmentUrl,
    timeoutMs: options.requestTimeoutMs,
    now: options.now,
    assertNoOpenPayment: () => assertNoOpenPayment(host),
    switchMode: (next) => parts.book.switchMode(next),
    onChanged: (view) => events.emit('settings.changed', { settings: view }),
    currentCallbackUrl: () => (host.isOpen() ? host.current().callbackUrl : null),
  });
}

function createTopupProfileSettings(
  options: StationOptions,
  { file, secrets, environmentUrl, host }: Parameters<typeof createSettings>[1],
): TopupProfileSettings {
  return new TopupProfileSettings({
    ...{ file, secrets, environmentUrl, timeoutMs: options.requestTimeoutMs },
    publicUrl: () => options.publicUrl ?? file.read().publicUrl,
    apply: (stored) => host.applyTopupProfiles(stored),
  });
}

/**
 * Only the current till profile's URL and this mode's top-up profiles' URLs take callbacks; anything
 * else is a 404 Bancontact will not retry.
 */
async function receiveCallback(
  host: RuntimeHost,
  ppid: string,
  rawBody: string,
  signature: string | undefined,
): Promise<CallbackAnswer> {
  // No mode runs (a refused start, a book being replaced): Bancontact retries a 503 later.
  if (!host.isOpen()) return { status: 503, body: { ok: false, reason: 'STATION_REFUSED' } };
  const runtime = host.current();
  if (runtime.intake && runtime.profileId === ppid) return runtime.intake.receive(rawBody, signature);
  const topup = runtime.topup.lanes.receive(ppid, rawBody, signature);
  return topup ?? { status: 404, body: { ok: false, reason: 'UNKNOWN_PROFILE' } };
}

function emitSale(host: RuntimeHost, events: EventBus, repo: SalesRepo, saleId: string): void {
  if (!host.isCurrent(repo)) return;
  const sale = repo.saleView(saleId);
  if (sale) events.emit('payments.changed', { sale });
}

function emitWristband(host: RuntimeHost, events: EventBus, repo: SalesRepo, band: WristbandRow): void {
  if (!host.isCurrent(repo)) return;
  events.emit('wristbands.changed', {
    wristbandId: band.id,
    balanceCents: band.balanceCents,
    status: band.status,
  });
}

function assertNoOpenPayment(host: RuntimeHost): void {
  if (host.current().repo.findAnyOpenSale()) {
    throw new ContractFailure('PAYMENT_OPEN', 'Finish or cancel the open payment before changing mode');
  }
}

/** The sale the customer display shows: the open one, or the last one for a short while after it ended. */
function findCurrentSale(repo: SalesRepo, tillId: string, at: number): SaleView | null {
  const latest = repo.latestSale(tillId);
  if (!latest) return null;
  if (latest.status !== 'open' && at - latest.updatedAt > CURRENT_SALE_LINGER_MS) return null;
  return repo.saleView(latest.id);
}
