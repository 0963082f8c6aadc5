import { join } from 'node:path';
import { ContractFailure } from '../../shared/contract';
import type { ErrorTranslator } from './api/dispatcher';
import type { EventBus } from './api/event-bus';
import type { CallbackReply, StationPort } from './api/station-port';
import type { OpenDatabase } from './backup/backup-service';
import { sqliteClientOf } from './backup/station-backups';
import { createStationBook } from './books/station-book';
import { makeDataFolderPrivate } from './data-folder';
import { openDatabase } from './db/open-database';
import { SqliteStore } from './db/unit-of-work';
import { readSalesSetupFile, SALES_SETUP_FILE } from './reports/sales-setup-store';
import { ConnectionTester } from './settings/connection-tests';
import { PaymentProfileService } from './settings/payment-profile-service';
import { claimStationLock, releaseStationLock } from './restore/station-lock';
import { createStationRestore, type RestorableHost } from './restore/station-restore';
import type { Logger } from './logging/logger';
import type { RuntimeHost } from './runtime-host';
import type { SalesRepo } from './sales/sales-repo';
import type { SettingsFile, StoredSettings } from './settings/settings-file';
import { SettingsService } from './settings/settings-service';
import { TopupProfileSettings } from './settings/topup-profile-settings';
import type { StationConfig } from './station-config';
import { withoutCredentials } from './station-storage';
import { readStored } from './tls/station-certificate';
import { PrintJobs } from './topup/print-jobs';
import { exportDownload } from './topup/refunds/refund-downloads';
import type { WristbandRow } from './topup/wristband-book';
import type { Locale } from '../../shared/domain/money';
import type { StationDb } from './db/open-station-database';
import type { PdfLogo } from './receipts/pdf-receipt';
import { ReceiptService } from './receipts/receipt-service';
import type { ReportNames } from './reports/report-names';
import type { StationCoordination } from './site/station-coordination';

/*
 * The pieces `createStation` (station.ts) wires together, each from the validated configuration and
 * the parts it needs; nothing here builds the station itself.
 */

export type StationBook = ReturnType<typeof createStationBook>;

/** The start's checks, the refused state and the new book, on this station's files and runtime. */
export function stationBook(
  config: StationConfig,
  parts: { file: SettingsFile; host: RuntimeHost; events: EventBus; backups: { start(): void } },
): StationBook {
  const { file, host, backups, events } = parts;
  const { dataDir, migrationsFolder, synchronous, logger, now, secrets } = config;
  return createStationBook({
    ...{ dataDir, logger, now, version: config.version },
    prepareFolder: () => {
      makeDataFolderPrivate(dataDir, logger);
      // One station per data folder, and `npm run restore` refuses while this lock names a living process.
      // A full disk may leave no room even for it: the station still starts, and answers DISK_FULL.
      host.storage.attempt('writing the station lock', () => claimStationLock(dataDir, now()));
    },
    onRunning: () => {
      logger.info(`station started in ${host.current().mode} mode${engineNote(config)}`);
      backups.start();
    },
    onStatusChanged: (status) => events.emit('station.changed', status),
    // The files checked at every start, in order (books/refused-state.ts).
    readers: {
      settings: () => file.read(),
      secrets,
      salesSetup: () => readSalesSetupFile(join(dataDir, SALES_SETUP_FILE)),
    },
    httpUrl: () => host.httpUrl(),
    tlsFingerprint: () => readStored(config.dataDir)?.fingerprint() ?? null,
    diskFull: () => (host.storage.full ? host.storage.folder : null),
    openMode: (stored) => host.open(stored),
    closeMode: () => host.closeRuntime(),
    isRunning: () => host.isOpen(),
    running: () => ({ mode: host.current().mode, environment: host.current().environment }),
    assertNoOpenPayment: () => assertNoOpenPayment(host),
    openDatabase: (databaseFile) => {
      if (config.database) throw new ContractFailure('NOT_CONFIGURED', NEW_BOOK_ON_SERVER);
      return openDatabase({ file: databaseFile, migrationsFolder, synchronous });
    },
  });
}

const NEW_BOOK_ON_SERVER =
  "A new book on PostgreSQL is started on the database server by the site's administrator, not from one station";

/** Said once at start: which engine keeps the books, and that SQLite's file backups do not apply to it. */
function engineNote(config: StationConfig): string {
  if (!config.database) return '';
  return (
    ` on PostgreSQL (${withoutCredentials(config.database)}); the station's SQLite backups are skipped, ` +
    "back the site's databases up with PostgreSQL's own tools (pg_dump)"
  );
}

/**
 * `backups.restore` replaces a mode's database and opens the mode again (restore/station-restore.ts),
 * through the same checked start as at launch: a refused station that the restore repaired starts.
 */
export function stationRestore(
  config: StationConfig,
  parts: { file: SettingsFile; host: RuntimeHost; reopen: () => Promise<void> },
) {
  const { dataDir, migrationsFolder, now, logger } = config;
  const { host } = parts;
  const restorable: RestorableHost = {
    running: () => {
      const runtime = host.running();
      if (!runtime) return null;
      return {
        databaseFile: runtime.databaseFile,
        hasOpenSale: async () => (await runtime.repo.findAnyOpenSale()) !== undefined,
        lastRestore: () => runtime.readers.lastRestore(),
      };
    },
    closeRuntime: () => host.closeRuntime(),
  };
  return createStationRestore({
    ...{ dataDir, migrationsFolder, now, logger },
    ...{ settingsFile: parts.file, host: restorable, reopen: parts.reopen },
  });
}

/**
 * The current mode's database for the backups, or null while none runs. The backups copy SQLite files;
 * on PostgreSQL there is none to copy (the server's own tools back it up).
 */
export function openDatabaseOf(host: RuntimeHost): OpenDatabase | null {
  const runtime = host.running();
  if (!runtime || !(runtime.db instanceof SqliteStore)) return null;
  return { databaseFile: runtime.databaseFile, sqlite: sqliteClientOf(runtime.db) };
}

/**
 * Stops in the order given: a backup being written is finished first, then the print workers, then
 * the mode, so that none is left writing into a data folder the station has let go of.
 */
export async function stopStation(
  dataDir: string,
  parts: Array<{ stop(): Promise<void> | void }>,
): Promise<void> {
  for (const part of parts) await part.stop();
  releaseStationLock(dataDir);
}

/** A full disk answers DISK_FULL naming the data folder, instead of an internal error. */
export function storageFailures(host: RuntimeHost): ErrorTranslator {
  return (error, method) => host.storage.failureFor(error, `answering ${method}`);
}

/** Batch PDFs render in worker threads; their progress goes out as `jobs.progressed`. */
export function printJobs(config: StationConfig, events: EventBus): PrintJobs {
  return new PrintJobs({ dataDir: config.dataDir, emit: (job) => events.emit('jobs.progressed', job) });
}

/** Files the HTTP shell serves: refund exports (from the database), report exports (from the export folder), batch PDFs. */
export function downloads(
  host: RuntimeHost,
  printing: PrintJobs,
): Pick<StationPort, 'download' | 'reportFile' | 'printFile'> {
  return {
    printFile: (jobId) => printing.downloadFile(jobId),
    // Nothing is served from a book the station refused to open.
    download: async (fileName) =>
      host.isOpen() ? exportDownload(host.current().topup.refunds, fileName) : null,
    reportFile: (fileName) => (host.isOpen() ? host.current().reports.folder.find(fileName) : null),
  };
}

/**
 * Going live and back, the public URL, the top-up profiles and each shop's payment profiles; the
 * first and the last share one ConnectionTester, the one home of the going-live rule.
 */
export function settingsServices(
  config: StationConfig,
  parts: { file: SettingsFile; host: RuntimeHost; events: EventBus; book: StationBook },
): { settings: SettingsService; topupProfiles: TopupProfileSettings; profiles: PaymentProfileService } {
  const { file, host, events, book } = parts;
  const { secrets, now } = config;
  const environmentUrl = (env: keyof StationConfig['environmentUrls']) => config.environmentUrls[env];
  const timeoutMs = config.timings.requestTimeoutMs;
  const tester = new ConnectionTester({ environmentUrl, timeoutMs, now });
  const settings: SettingsService = new SettingsService({
    ...{ file, secrets, environmentUrl, timeoutMs, now, tester },
    assertNoOpenPayment: () => assertNoOpenPayment(host),
    switchMode: (next) => book.switchMode(next),
    onChanged: (view) => events.emit('settings.changed', { settings: view }),
    currentCallbackUrl: () => host.running()?.callbackUrl ?? null,
    goingLive: ({ environment, ppid }) => profiles.mainWentLive(environment, ppid),
  });
  const shopIds = () => readSalesSetupFile(join(config.dataDir, SALES_SETUP_FILE)).shops.map((shop) => shop.id);
  // A shop's top-up profiles are the top-up workshop's: a change reaches both the tills and the lanes.
  const apply = (stored: StoredSettings) => (host.applyPaymentProfiles(stored), host.applyTopupProfiles(stored));
  const profiles: PaymentProfileService = new PaymentProfileService({
    ...{ file, secrets, tester, shopIds },
    goLiveMain: (input) => settings.goLive(input),
    apply: async (stored) => apply(stored),
  });
  const topupProfiles = new TopupProfileSettings({
    ...{ file, secrets, environmentUrl, timeoutMs, shopIds, apply },
    publicUrl: () => config.publicUrl ?? file.read().publicUrl,
  });
  return { settings, topupProfiles, profiles };
}

/**
 * Only the current till profile's URL, the shops' other display profiles' and this mode's top-up
 * profiles' URLs take callbacks; anything else is a 404 Bancontact will not retry.
 */
export async function receiveCallback(
  host: RuntimeHost,
  ppid: string,
  rawBody: string,
  signature: string | undefined,
): Promise<CallbackReply> {
  // No mode runs (a refused start, a book being replaced): Bancontact retries a 503 later.
  const runtime = host.running();
  if (!runtime) return { status: 503, body: { ok: false, reason: 'STATION_REFUSED' } };
  if (runtime.intake && runtime.profileId === ppid) return runtime.intake.receive(rawBody, signature);
  const shop = runtime.tillProfiles.intake(ppid);
  if (shop) return shop.receive(rawBody, signature);
  const topup = runtime.topup.lanes.receive(ppid, rawBody, signature);
  return topup ?? { status: 404, body: { ok: false, reason: 'UNKNOWN_PROFILE' } };
}

/** The sale as it is once its change committed; a mode swapped out meanwhile has no news to tell. */
export function emitSale(
  to: { host: RuntimeHost; events: EventBus; logger: Logger },
  repo: SalesRepo,
  saleId: string,
): void {
  const { host, events, logger } = to;
  if (!host.isCurrent(repo)) return;
  repo.saleView(saleId).then(
    (sale) => {
      if (sale && host.isCurrent(repo)) events.emit('payments.changed', { sale });
    },
    (error: unknown) => {
      // A mode closed while its sale was read has nothing to tell; anything else is worth a line.
      if (host.isCurrent(repo)) logger.error('a changed sale could not be told to the screens', error);
    },
  );
}

export function emitWristband(
  host: RuntimeHost,
  events: EventBus,
  repo: SalesRepo,
  band: WristbandRow,
): void {
  if (!host.isCurrent(repo)) return;
  events.emit('wristbands.changed', {
    wristbandId: band.id,
    balanceCents: band.balanceCents,
    status: band.status,
  });
}

export async function assertNoOpenPayment(host: RuntimeHost): Promise<void> {
  if (await host.current().repo.findAnyOpenSale()) {
    throw new ContractFailure('PAYMENT_OPEN', 'Finish or cancel the open payment before changing mode');
  }
}

/**
 * Receipts: the printers' set-up in the station database, the running mode's receipts and their print
 * queue (sent by the station holding `print:receipts`, the one station on SQLite).
 */
export function receiptService(
  config: StationConfig,
  parts: {
    host: RuntimeHost;
    people: { database(): StationDb | null; reportNames: ReportNames };
    locale: () => Locale;
    logo?: () => Promise<PdfLogo | null>;
    coordination: StationCoordination;
    events: EventBus;
  },
): ReceiptService {
  const { host, people, events } = parts;
  return new ReceiptService({
    books: () => {
      const runtime = host.running();
      return runtime ? { db: runtime.db, training: runtime.mode === 'training' } : null;
    },
    ...{ stationDb: () => people.database(), names: people.reportNames, locale: parts.locale },
    ...{ logo: parts.logo, leases: parts.coordination.leases },
    emit: (view) => events.emit('receipts.queue', view),
    ...{
      now: config.now,
      logger: config.logger,
      timings: { intervalMs: 250, firstBackoffMs: 500, maxBackoffMs: 10_000 },
    },
  });
}
