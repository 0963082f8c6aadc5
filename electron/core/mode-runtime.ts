import type { Environment, Mode } from '../../shared/contract';
import type { RuntimeBackupHooks } from './backup/station-backups';
import { createCallbackVerifier } from './bancontact/callback-verifier';
import { createBancontactClient, type BancontactClient } from './bancontact/client';
import { RateLimiter } from './bancontact/rate-limiter';
import { markerAfterZ, openBook } from './books/book-checks';
import { newId } from './db/ids';
import type { Db } from './db/open-database';
import type { StorageGuard } from './db/storage-errors';
import { createModeReaders, type ModeReaders } from './mode-readers';
import { databaseFileFor } from './modes/resolve-mode';
import { CallbackIntake } from './payments/callback-intake';
import { flushRejectionCounts } from './payments/rejected-callbacks';
import { SearchSweep } from './payments/search-sweep';
import { PaymentTracker } from './payments/tracker';
import { applyStatus, recordProblem } from './payments/transition';
import { VoidModeAcknowledger } from './payments/void-mode';
import { createReportServices, type ReportServices } from './reports/report-services';
import { GapRecovery } from './restore/gap-recovery';
import { SalesRepo } from './sales/sales-repo';
import { trainingTopupProfiles, type TopupProfile } from './settings/topup-profiles';
import type { StationConfig } from './station-config';
import { bookLocation, openBooks } from './station-storage';
import { TillService } from './till/till-service';
import { createTopupServices, type TopupServices } from './topup/topup-services';
import type { WristbandRow } from './topup/wristband-book';
import { createTrainingService, type TrainingService } from './training/training-service';

/** Everything that belongs to one mode: its own database file, its Bancontact client, its tracker. */
export interface ModeRuntime {
  mode: Mode;
  environment: Environment | null;
  profileId: string;
  /** The mode's database file in the data folder (`training.sqlite`, `kassa.sqlite`…). */
  databaseFile: string;
  /** The station's own wiring reads these (events, backups); handlers get `readers` and services instead. */
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
  readers: ModeReaders;
  /** Searches Bancontact for what a restore's gap lost, until it has (restore/gap-recovery.ts). */
  recovery: GapRecovery;
  /** Stops the mode's background work and closes its database (once its last unit of work is done). */
  close(): Promise<void>;
}

/** Which Bancontact a mode talks to, with which profile (runtime-host.ts decides it with `resolveMode`). */
export interface ModeConnection {
  mode: Mode;
  environment: Environment | null;
  baseUrl: string;
  apiKey: string;
  profileId: string;
  /** The simulator training mode uses; null when live. */
  simulatorUrl: string | null;
  /** Where Bancontact publishes the keys that sign this profile's callbacks. */
  jwksUrl: string;
}

/** What a mode takes of the station's validated configuration. */
export type ModeConfig = Pick<
  StationConfig,
  | 'dataDir'
  | 'migrationsFolder'
  | 'stationMigrationsFolder'
  | 'database'
  | 'logger'
  | 'now'
  | 'timings'
  | 'synchronous'
>;

export interface RuntimeOptions {
  config: ModeConfig;
  connection: ModeConnection;
  /** The till's sticker POS id: payments then go through `POST /v3/payments/pos`. */
  posId: string | null;
  /** Where Bancontact posts this profile's callbacks. */
  callbackUrl: string | null;
  /** Live top-up profiles from the settings; training mode has its own. */
  topupProfiles: TopupProfile[];
  /** Where Bancontact posts top-up callbacks (`…/callbacks/<ppid>` below it); null: sweeps alone. */
  topupCallbackBase: string | null;
  /** The station's judge of a full disk: background writers wait for space instead of crashing. */
  storage: StorageGuard;
  /** Absent in tools that open a database without backing it up (tests, the bench). */
  backups?: RuntimeBackupHooks;
  onSaleChanged: (repo: SalesRepo, saleId: string) => void;
  onWristbandChanged?: (repo: SalesRepo, wristband: WristbandRow) => void;
}

/** The pieces of an opening mode that its parts are built from. */
interface Opening {
  options: RuntimeOptions;
  databaseFile: string;
  db: Db;
  repo: SalesRepo;
  onSaleChanged: (saleId: string) => void;
}

export async function openModeRuntime(options: RuntimeOptions): Promise<ModeRuntime> {
  const { connection } = options;
  const opening = await openModeBook(options);
  const { databaseFile, db, repo } = opening;
  const reports = await openReports(opening);
  const limiter = new RateLimiter(options.config.timings.rateLimitPerSecond);
  const client = modeClient(options, limiter);
  const parts = buildParts(opening, client);
  const training = connection.simulatorUrl
    ? createTrainingService({ db, repo, simulatorUrl: connection.simulatorUrl, ppid: connection.profileId })
    : null;
  await abandonInterruptedCreations(db, repo, options.config.now, options.storage);
  const resumed = await parts.tracker.resume();
  if (resumed > 0) options.config.logger.info(`resumed ${resumed} unfinished payment(s)`);
  parts.sweep.start();
  const topup = openTopup(opening);
  const recovery = await openRecovery(opening, client, topup);
  const { mode, environment, profileId } = connection;
  options.backups?.opened(databaseFile, db);
  return {
    ...parts,
    ...{ mode, environment, profileId, databaseFile, db, repo, limiter, training, topup, reports, recovery },
    callbackUrl: options.callbackUrl,
    readers: createModeReaders(db, repo, () => topup.lanes.profiles()),
    get topupProfiles() {
      return topup.lanes.profiles();
    },
    async close() {
      recovery.stop();
      topup.close();
      parts.sweep.stop();
      parts.tracker.stop();
      await flushRejectionCounts(db);
      await db.close();
    },
  };
}

async function openModeBook(options: RuntimeOptions): Promise<Opening> {
  const databaseFile = databaseFileFor(options.connection.mode, options.connection.environment);
  const db = await openModeDatabase(options, databaseFile);
  const repo = new SalesRepo(db);
  return { options, databaseFile, db, repo, onSaleChanged: (id) => options.onSaleChanged(repo, id) };
}

/**
 * A live book that is not the one its marker remembers refuses (StartRefusal): a SQLite file before
 * SQLite opens it, the shared PostgreSQL books once opened (books/book-checks.ts).
 */
function openModeDatabase(options: RuntimeOptions, databaseFile: string): Promise<Db> {
  const { config } = options;
  const opening = {
    ...{ dataDir: config.dataDir, databaseFile, live: options.connection.mode === 'live' },
    ...{ logger: config.logger, at: config.now(), location: bookLocation(config, databaseFile) },
    onServer: config.database !== null,
  };
  return openBook(opening, () =>
    openBooks(config, databaseFile, (sqlite) =>
      options.backups?.beforeMigrating(sqlite, config.migrationsFolder, databaseFile),
    ),
  );
}

/** First of all: the sales setup is copied in (and an older database gets its report tables) before any hook runs. */
function openReports({ options, databaseFile, db, repo, onSaleChanged }: Opening): Promise<ReportServices> {
  const { dataDir, now, logger } = options.config;
  // The listeners of a Z: the book marker follows it durably (the Z is answered once it has), then the
  // backup starts in the background.
  const live = options.connection.mode === 'live';
  const bookMarker = markerAfterZ(db, { dataDir, databaseFile, live, logger, now });
  const onDayClosed = async (): Promise<void> => {
    await bookMarker();
    options.backups?.afterZ(databaseFile);
  };
  return createReportServices({ ...{ db, repo, dataDir, now, newId, onDayClosed }, onSaleChanged });
}

function modeClient({ connection, config }: RuntimeOptions, limiter: RateLimiter): BancontactClient {
  const { baseUrl, apiKey } = connection;
  return createBancontactClient({ baseUrl, apiKey, timeoutMs: config.timings.requestTimeoutMs, limiter });
}

/** After a restore, the gap's SUCCEEDED payments come back as sales and top-ups (retried until Bancontact answers). */
async function openRecovery(
  opening: Opening,
  client: BancontactClient,
  topup: TopupServices,
): Promise<GapRecovery> {
  const { now, logger } = opening.options.config;
  const recovery = new GapRecovery({
    ...{ db: opening.db, client, now, newId, logger, profileId: opening.options.connection.profileId },
    ...{ ledger: topup.ledger, topupClients: () => topup.lanes.clients() },
    onSaleChanged: opening.onSaleChanged,
  });
  await recovery.start();
  return recovery;
}

function buildParts({ options, db, repo, onSaleChanged: announce }: Opening, client: BancontactClient) {
  const { now, logger, timings } = options.config;
  let acknowledger: VoidModeAcknowledger | null = null;
  const onSaleChanged = (saleId: string): void => {
    acknowledger?.consider(saleId);
    announce(saleId);
  };
  const isOnScreen = (paymentId: string): Promise<boolean> => repo.isOnScreen(paymentId);
  const shared = { db, repo, client, now, logger, onSaleChanged, storage: options.storage };
  const sweep = new SearchSweep({ ...shared, intervalMs: timings.sweepMs });
  // More open payments than requests per second: one search follows them all (see followBySearch).
  const followBySearch = {
    threshold: timings.rateLimitPerSecond,
    search: (windowMs: number) => sweep.run(windowMs, 'high'),
  };
  const tracker = new PaymentTracker({
    ...shared,
    isOnScreen,
    onScreenIntervalMs: timings.pollMs,
    followBySearch,
  });
  acknowledger = new VoidModeAcknowledger({ repo, client, tracker, logger });
  const { profileId } = options.connection;
  const { posId, callbackUrl } = options;
  const till = new TillService({ ...shared, tracker, profileId, posId, newId, callbackUrl });
  return { till, tracker, sweep, intake: buildIntake(options, db, onSaleChanged) };
}

function openTopup({ options, db, repo, onSaleChanged }: Opening): TopupServices {
  const { now, logger, timings } = options.config;
  const { simulatorUrl, jwksUrl } = options.connection;
  const callbackBase = options.topupCallbackBase;
  return createTopupServices({
    ...{ db, repo, now, logger, storage: options.storage, newId, jwksUrl, callbackBase, onSaleChanged },
    profiles: simulatorUrl ? trainingTopupProfiles(simulatorUrl) : options.topupProfiles,
    requestTimeoutMs: timings.requestTimeoutMs,
    rateLimitPerSecond: timings.rateLimitPerSecond,
    // Training without callbacks (the desktop app has no HTTP shell): the local simulator is cheap to
    // search, so a top-up still shows within seconds.
    sweepIntervalMs: timings.topupSweepMs ?? (simulatorUrl && !callbackBase ? 2_000 : undefined),
    onWristbandChanged: (band) => options.onWristbandChanged?.(repo, band),
  });
}

function buildIntake(
  options: RuntimeOptions,
  db: Db,
  onSaleChanged: (saleId: string) => void,
): CallbackIntake | null {
  const { callbackUrl, storage } = options;
  const { profileId, jwksUrl } = options.connection;
  const { now, logger } = options.config;
  if (!callbackUrl) return null;
  const verifier = createCallbackVerifier({ jwksUrl, ppid: profileId, callbackUrl });
  return new CallbackIntake({ db, profileId, now, logger, onSaleChanged, verifier, storage });
}

/**
 * A payment still CREATING at start-up was being created when the station stopped. Its QR was never
 * shown, so no customer can pay it; it is closed as failed and the cashier can retry the sale.
 */
async function abandonInterruptedCreations(
  db: Db,
  repo: SalesRepo,
  now: () => number,
  storage: StorageGuard,
): Promise<void> {
  // On a full disk they stay as they are (the station still starts), and are closed at the next start.
  try {
    await closeInterrupted(db, repo, now);
  } catch (error) {
    if (!storage.absorbs(error, 'closing payments a stop interrupted')) throw error;
  }
}

async function closeInterrupted(db: Db, repo: SalesRepo, now: () => number): Promise<void> {
  for (const payment of await repo.paymentsBeingCreated()) {
    await applyStatus(db, { paymentId: payment.id, status: 'CREATE_FAILED', source: 'recovery', at: now() });
    await recordProblem(
      db,
      payment.id,
      { code: 'NETWORK_DOWN', message: 'The station stopped while creating this payment' },
      now(),
    );
  }
}
