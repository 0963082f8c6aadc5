import { join } from 'node:path';
import type { Environment, Mode } from '../../shared/contract';
import { createCallbackVerifier } from './bancontact/callback-verifier';
import { createBancontactClient, type BancontactClient } from './bancontact/client';
import { RateLimiter } from './bancontact/rate-limiter';
import { createTopupServices, type TopupServices } from './topup/topup-services';
import { trainingTopupProfiles, type TopupProfile } from './settings/topup-profiles';
import type { WristbandRow } from './topup/wristband-book';
import { newId } from './db/ids';
import { openDatabase, type Db, type SynchronousSetting } from './db/open-database';
import type { StorageGuard } from './db/storage-errors';
import { markerAfterZ, openBook } from './books/book-checks';
import type { Logger } from './logging/logger';
import { databaseFileFor } from './modes/resolve-mode';
import { CallbackIntake } from './payments/callback-intake';
import { flushRejectionCounts } from './payments/rejected-callbacks';
import { SearchSweep } from './payments/search-sweep';
import { PaymentTracker } from './payments/tracker';
import { createReportServices, type ReportServices } from './reports/report-services';
import { applyStatus, recordProblem } from './payments/transition';
import { VoidModeAcknowledger } from './payments/void-mode';
import { GapRecovery } from './restore/gap-recovery';
import { SalesRepo } from './sales/sales-repo';
import { TillService } from './till/till-service';
import { createTrainingService, type TrainingService } from './training/training-service';

/** Everything that belongs to one mode: its own database file, its Bancontact client, its tracker. */
export interface ModeRuntime {
  mode: Mode;
  environment: Environment | null;
  profileId: string;
  db: Db;
  repo: SalesRepo;
  till: TillService;
  tracker: PaymentTracker;
  sweep: SearchSweep;
  limiter: RateLimiter;
  /** Null when no public callback URL is known: the station then works by polling alone. */
  intake: CallbackIntake | null;
  callbackUrl: string | null;
  /** Present in training mode only. */
  training: TrainingService | null;
  /** The top-up (wristband) profiles of this mode; keys stay in the station. */
  readonly topupProfiles: TopupProfile[];
  /** The wristband ledger: top-up credits, bar payments, the manager's tools and refunds. */
  topup: TopupServices;
  /** Cash and drawers, the X/Z closing, summaries and exports. */
  reports: ReportServices;
  /** Searches Bancontact for what a restore's gap lost, until it has (restore/gap-recovery.ts). */
  recovery: GapRecovery;
  close(): void;
}

/** Backups of a mode's database before a migration and after every Z (backup/backup-service.ts). */
export interface RuntimeBackupHooks {
  beforeMigrating(sqlite: Db['$client'], migrationsFolder: string, databaseFile: string): void;
  afterZ(databaseFile: string): void;
  /** Once the mode is open: what it wrote while opening is not activity that calls for a backup. */
  opened(databaseFile: string, sqlite: Db['$client']): void;
}

export interface RuntimeOptions {
  /** Absent in tools that open a database without backing it up (tests, the bench). */
  backups?: RuntimeBackupHooks;
  mode: Mode;
  environment: Environment | null;
  dataDir: string;
  migrationsFolder: string;
  baseUrl: string;
  apiKey: string;
  profileId: string;
  /** The till's sticker POS id: payments then go through `POST /v3/payments/pos`. */
  posId: string | null;
  /** Where Bancontact posts this profile's callbacks, and where its signing keys are published. */
  callbackUrl: string | null;
  jwksUrl: string;
  simulatorUrl: string | null;
  logger: Logger;
  now: () => number;
  onSaleChanged: (repo: SalesRepo, saleId: string) => void;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
  /** Requests per second to Bancontact for this profile (5 by default). */
  rateLimitPerSecond?: number;
  sweepIntervalMs?: number;
  /** Live top-up profiles from the settings; training mode has its own. */
  topupProfiles?: TopupProfile[];
  /** Where Bancontact posts top-up callbacks (`…/callbacks/<ppid>` below it); null: sweeps alone. */
  topupCallbackBase?: string | null;
  topupSweepIntervalMs?: number;
  onWristbandChanged?: (repo: SalesRepo, wristband: WristbandRow) => void;
  /** Tests and the bench only (see StationOptions). */
  synchronous?: SynchronousSetting;
  /** The station's judge of a full disk: background writers wait for space instead of crashing. */
  storage: StorageGuard;
}

export function openModeRuntime(options: RuntimeOptions): ModeRuntime {
  const databaseFile = databaseFileFor(options.mode, options.environment);
  const db = openModeDatabase(options, databaseFile);
  const repo = new SalesRepo(db);
  const reports = openReports(options, db, repo);
  const limiter = new RateLimiter(options.rateLimitPerSecond ?? 5);
  const client = modeClient(options, limiter);
  const parts = buildParts(options, db, repo, client);
  const { simulatorUrl } = options;
  const training = simulatorUrl
    ? createTrainingService({ db, repo, simulatorUrl, ppid: options.profileId })
    : null;
  abandonInterruptedCreations(db, repo, options.now, options.storage);
  const resumed = parts.tracker.resume();
  if (resumed > 0) options.logger.info(`resumed ${resumed} unfinished payment(s)`);
  parts.sweep.start();
  const topup = openTopup(options, db, repo);
  const recovery = openRecovery(options, { db, repo, client, topup });
  const { mode, environment, profileId, callbackUrl } = options;
  options.backups?.opened(databaseFile, db.$client);
  return {
    ...parts,
    ...{ mode, environment, profileId, db, repo, limiter, callbackUrl, training, topup, reports, recovery },
    get topupProfiles() {
      return topup.lanes.profiles();
    },
    close() {
      recovery.stop();
      topup.close();
      parts.sweep.stop();
      parts.tracker.stop();
      flushRejectionCounts(db);
      db.$client.close();
    },
  };
}

/** A live book that is not the one its marker remembers refuses (StartRefusal) before SQLite opens it. */
function openModeDatabase(options: RuntimeOptions, databaseFile: string): Db {
  const { dataDir, logger } = options;
  const opening = { dataDir, databaseFile, live: options.mode === 'live', logger, at: options.now() };
  return openBook(opening, () =>
    openDatabase({
      file: join(options.dataDir, databaseFile),
      migrationsFolder: options.migrationsFolder,
      beforeMigrating: (sqlite) => options.backups?.beforeMigrating(sqlite, options.migrationsFolder, databaseFile),
      synchronous: options.synchronous,
    }),
  );
}

/** First of all: the sales setup is copied in (and an older database gets its report tables) before any hook runs. */
function openReports(options: RuntimeOptions, db: Db, repo: SalesRepo): ReportServices {
  const { dataDir, now, logger } = options;
  const databaseFile = databaseFileFor(options.mode, options.environment);
  // The listeners of a Z: the book marker follows it durably, then the backup starts in the background.
  const bookMarker = markerAfterZ(db, { dataDir, databaseFile, live: options.mode === 'live', logger, now });
  const onDayClosed = (): void => {
    bookMarker();
    options.backups?.afterZ(databaseFile);
  };
  return createReportServices({
    ...{ db, repo, dataDir, now, newId, onDayClosed },
    onSaleChanged: (saleId) => options.onSaleChanged(repo, saleId),
  });
}

function modeClient(options: RuntimeOptions, limiter: RateLimiter): BancontactClient {
  const { baseUrl, apiKey } = options;
  return createBancontactClient({ baseUrl, apiKey, timeoutMs: options.requestTimeoutMs ?? 10_000, limiter });
}

/** After a restore, the gap's SUCCEEDED payments come back as sales and top-ups (retried until Bancontact answers). */
function openRecovery(
  options: RuntimeOptions,
  parts: { db: Db; repo: SalesRepo; client: BancontactClient; topup: TopupServices },
): GapRecovery {
  const { db, repo, client, topup } = parts;
  const recovery = new GapRecovery({
    ...{ db, client, now: options.now, newId, logger: options.logger, profileId: options.profileId },
    ...{ ledger: topup.ledger, topupClients: () => topup.lanes.clients() },
    onSaleChanged: (saleId) => options.onSaleChanged(repo, saleId),
  });
  recovery.start();
  return recovery;
}

function buildParts(options: RuntimeOptions, db: Db, repo: SalesRepo, client: BancontactClient) {
  const { now, logger, profileId, posId, callbackUrl } = options;
  let acknowledger: VoidModeAcknowledger | null = null;
  const onSaleChanged = (saleId: string): void => {
    acknowledger?.consider(saleId);
    options.onSaleChanged(repo, saleId);
  };
  const isOnScreen = (paymentId: string): boolean => repo.isOnScreen(paymentId);
  const shared = { db, repo, client, now, logger, onSaleChanged, storage: options.storage };
  const sweep = new SearchSweep({ ...shared, intervalMs: options.sweepIntervalMs });
  // More open payments than requests per second: one search follows them all (see followBySearch).
  const followBySearch = {
    threshold: options.rateLimitPerSecond ?? 5,
    search: (windowMs: number) => sweep.run(windowMs, 'high'),
  };
  const tracker = new PaymentTracker({
    ...shared,
    isOnScreen,
    onScreenIntervalMs: options.pollIntervalMs,
    followBySearch,
  });
  acknowledger = new VoidModeAcknowledger({ repo, client, tracker, logger });
  const till = new TillService({ ...shared, tracker, profileId, posId, newId, callbackUrl });
  return { till, tracker, sweep, intake: buildIntake(options, db, onSaleChanged) };
}

function openTopup(options: RuntimeOptions, db: Db, repo: SalesRepo): TopupServices {
  const { simulatorUrl, now, logger } = options;
  return createTopupServices({
    db,
    repo,
    now,
    logger,
    storage: options.storage,
    newId,
    profiles: simulatorUrl ? trainingTopupProfiles(simulatorUrl) : (options.topupProfiles ?? []),
    jwksUrl: options.jwksUrl,
    callbackBase: options.topupCallbackBase ?? null,
    requestTimeoutMs: options.requestTimeoutMs,
    rateLimitPerSecond: options.rateLimitPerSecond,
    // Training without callbacks (the desktop app has no HTTP shell): the local simulator is cheap to
    // search, so a top-up still shows within seconds.
    sweepIntervalMs:
      options.topupSweepIntervalMs ?? (simulatorUrl && !options.topupCallbackBase ? 2_000 : undefined),
    onWristbandChanged: (band) => options.onWristbandChanged?.(repo, band),
    onSaleChanged: (saleId) => options.onSaleChanged(repo, saleId),
  });
}

function buildIntake(
  options: RuntimeOptions,
  db: Db,
  onSaleChanged: (saleId: string) => void,
): CallbackIntake | null {
  const { callbackUrl, profileId, jwksUrl, now, logger } = options;
  if (!callbackUrl) return null;
  const verifier = createCallbackVerifier({ jwksUrl, ppid: profileId, callbackUrl });
  return new CallbackIntake({ db, profileId, now, logger, onSaleChanged, verifier, storage: options.storage });
}

/**
 * A payment still CREATING at start-up was being created when the station stopped. Its QR was never
 * shown, so no customer can pay it; it is closed as failed and the cashier can retry the sale.
 */
function abandonInterruptedCreations(db: Db, repo: SalesRepo, now: () => number, storage: StorageGuard): void {
  // On a full disk they stay as they are (the station still starts), and are closed at the next start.
  storage.attempt('closing payments a stop interrupted', () => closeInterrupted(db, repo, now));
}

function closeInterrupted(db: Db, repo: SalesRepo, now: () => number): void {
  for (const payment of repo.paymentsBeingCreated()) {
    applyStatus(db, { paymentId: payment.id, status: 'CREATE_FAILED', source: 'recovery', at: now() });
    recordProblem(
      db,
      payment.id,
      { code: 'NETWORK_DOWN', message: 'The station stopped while creating this payment' },
      now(),
    );
  }
}
