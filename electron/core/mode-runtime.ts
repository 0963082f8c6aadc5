import type { Environment, Mode } from '../../shared/contract';
import { openTillAgreements, type PproRuntime, type TillAgreements } from './agreements/till-agreements';
import type { RuntimeBackupHooks } from './backup/station-backups';
import { createBancontactClient, stationUserAgent, type BancontactClient } from './bancontact/client';
import type { RequestBudget } from './bancontact/rate-limiter';
import { markerAfterZ, openBook } from './books/book-checks';
import { newId } from './db/ids';
import type { Db } from './db/open-database';
import type { StorageGuard } from './db/storage-errors';
import { createModeReaders, type ModeReaders } from './mode-readers';
import { databaseFileFor } from './modes/resolve-mode';
import { profileIntake, type CallbackIntake } from './payments/callback-intake';
import { flushRejectionCounts } from './payments/rejected-callbacks';
import { closeInterruptedCreations, holdProfileWork, type FollowingOptions } from './payments/once-per-site';
import { SearchSweep } from './payments/search-sweep';
import { PaymentTracker } from './payments/tracker';
import { VoidModeAcknowledger } from './payments/void-mode';
import type { StationCoordination } from './site/station-coordination';
import type { ArticleLookup } from './sales/catalogue';
import { createReportServices, type ReportServices } from './reports/report-services';
import { GapRecovery } from './restore/gap-recovery';
import { SalesRepo } from './sales/sales-repo';
import { trainingTopupProfiles, type TopupProfile } from './settings/topup-profiles';
import type { StationConfig } from './station-config';
import { bookLocation, openBooks } from './station-storage';
import { TillService } from './till/till-service';
import { TillProfiles, type ShopPayment } from './till/till-profiles';
import { giveBackAllTenders } from './refunds/cancel-tenders';
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
  /** Which profile each shop's tills pay with; `replace` hands it changed profiles. */
  tillProfiles: TillProfiles;
  tracker: PaymentTracker;
  sweep: SearchSweep;
  limiter: RequestBudget;
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
  /** PPRO for payment agreements; null when the mode has none set up (live without PPRO settings). */
  ppro: PproRuntime | null;
  /** Agreements sold at the tills, followed until the consumer decided (agreements/till-agreements.ts). */
  agreements: TillAgreements;
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
  | 'version'
>;

export interface RuntimeOptions {
  config: ModeConfig;
  connection: ModeConnection;
  /** The till's sticker POS id: payments then go through `POST /v3/payments/pos`. */
  posId: string | null;
  /** Where Bancontact posts this profile's callbacks. */
  callbackUrl: string | null;
  /** Below which a shop's other profiles take their callbacks (`…/callbacks/<ppid>`); null: polling. */
  callbackBase: string | null;
  /** What each shop's tills pay with (till/shop-payments.ts); a shop not in it uses `connection`. */
  shopPayments: Map<string, ShopPayment>;
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
  /** Leases (work done once per site) and each profile's request budget (site/station-coordination.ts). */
  coordination: StationCoordination;
  /** The article catalogue (station database) baskets are priced from; absent in tools and some tests. */
  articles?: ArticleLookup;
  /** Asks Bancontact for sale refunds written `pending` (station-returns.ts), after their commit. */
  startSaleRefunds?: (refundIds: number[]) => Promise<void>;
  /** PPRO for payment agreements (runtime-host.ts builds it); null: none set up. */
  ppro: PproRuntime | null;
  /** Training: the PPRO simulator (its control API plays the consumer), and the merchant's terms. */
  agreementSetup: { pproSimulatorUrl: (() => Promise<string>) | null; agreementTermsVersion: string };
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
  const limiter = options.coordination.budget(connection.profileId);
  const client = modeClient(options, limiter);
  const parts = buildParts(opening, client);
  const training = connection.simulatorUrl
    ? createTrainingService({ db, repo, simulatorUrl: connection.simulatorUrl, ppid: connection.profileId })
    : null;
  // Alone (SQLite) the station closes its interrupted creations before anything; on a shared site the
  // holder of the `poll:` lease does, by age (once-per-site.ts).
  const { now } = options.config;
  if (!options.coordination.shared)
    await closeInterruptedCreations({ db, repo, now, storage: options.storage });
  const giveUpProfileWork = await holdProfileWork(followingOptions(opening, parts));
  const topup = openTopup(opening);
  const recovery = await openRecovery(opening, client, topup);
  const { mode, environment, profileId } = connection;
  options.backups?.opened(databaseFile, db);
  return {
    ...parts,
    ...{ mode, environment, profileId, databaseFile, db, repo, limiter, training, topup, reports, recovery },
    callbackUrl: options.callbackUrl,
    ppro: options.ppro,
    readers: createModeReaders(db, repo, () => topup.lanes.profiles()),
    get topupProfiles() {
      return topup.lanes.profiles();
    },
    async close() {
      recovery.stop();
      topup.close();
      await giveUpProfileWork();
      parts.agreements.close();
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
  const { articles } = options;
  return createReportServices({ ...{ db, repo, dataDir, now, newId, onDayClosed }, onSaleChanged, articles });
}

/** The mode's client, or (`profile`) one for another profile of the same Bancontact. */
function modeClient(
  { connection, config, coordination }: RuntimeOptions,
  limiter: RequestBudget,
  profile?: { apiKey: string },
): BancontactClient {
  const { baseUrl } = connection;
  const apiKey = profile?.apiKey ?? connection.apiKey;
  const userAgent = stationUserAgent(config.version, coordination.station);
  const timeoutMs = config.timings.requestTimeoutMs;
  return createBancontactClient({ baseUrl, apiKey, timeoutMs, limiter, userAgent });
}

/**
 * After a restore, the gap's SUCCEEDED payments come back as sales and top-ups (retried until Bancontact
 * answers). Per station, not behind a lease: it runs only after a restore, recovers each payment at
 * most once (keyed by its Bancontact id, in one unit of work), and asks through the profiles' budgets.
 */
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
  // Per station: it acts on a change this station booked (a poll at the `poll:` holder, a callback
  // wherever it arrived), once per change. So is the rejected-callback tally: each station's own counts.
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
  const tillProfiles = openTillProfiles({ options, db, onSaleChanged }, client);
  const tracker = new PaymentTracker({
    ...shared,
    otherClient: (profileId) => tillProfiles.otherClient(profileId),
    // Following is work once per site: it starts when this station holds `poll:<profileId>`.
    leased: true,
    isOnScreen,
    onScreenIntervalMs: timings.pollMs,
    followBySearch,
  });
  acknowledger = new VoidModeAcknowledger({ repo, client, tracker, logger });
  const { profileId } = options.connection;
  const { posId, callbackUrl } = options;
  const { articles } = options;
  const till = new TillService({
    ...{ ...shared, tracker, profileId, profiles: tillProfiles, posId, newId, callbackUrl, articles },
    giveBackTenders: giveBackAllTenders,
    // A cancel's Bancontact parts become refunds at Bancontact once the cancel has committed.
    startRefunds: async (given) =>
      options.startSaleRefunds?.(given.filter((g) => g.paymentId !== null).map((g) => g.refundId)),
  });
  const agreements = openTillAgreements(options, db, onSaleChanged);
  return { till, tillProfiles, tracker, sweep, agreements, intake: buildIntake(options, db, onSaleChanged) };
}

/** Which profile each shop's tills pay with, with its own client and callback intake (till-profiles.ts). */
function openTillProfiles(
  parts: { options: RuntimeOptions; db: Db; onSaleChanged: (saleId: string) => void },
  client: BancontactClient,
): TillProfiles {
  const { options, db } = parts;
  const tillProfiles = new TillProfiles({
    db,
    main: { profileId: options.connection.profileId, client, callbackUrl: options.callbackUrl },
    clientFor: (ppid, apiKey) => modeClient(options, options.coordination.budget(ppid), { apiKey }),
    callbackBase: options.callbackBase,
    intakeFor: (ppid, callbackUrl) => intakeOf(parts, ppid, callbackUrl),
  });
  tillProfiles.replace(options.shopPayments);
  return tillProfiles;
}

function followingOptions(
  { options, db, repo }: Opening,
  { tracker, sweep }: { tracker: PaymentTracker; sweep: SearchSweep },
): FollowingOptions {
  const { now, logger, timings } = options.config;
  const { coordination, storage } = options;
  const { profileId } = options.connection;
  return {
    ...{ coordination, profileId, db, repo, tracker, sweep, now, logger, storage },
    ...{ discoverEveryMs: timings.pollMs, requestTimeoutMs: timings.requestTimeoutMs },
  };
}

function openTopup({ options, db, repo, onSaleChanged }: Opening): TopupServices {
  const { now, logger, timings } = options.config;
  const { simulatorUrl, jwksUrl } = options.connection;
  const callbackBase = options.topupCallbackBase;
  return createTopupServices({
    ...{ db, repo, now, logger, storage: options.storage, newId, jwksUrl, callbackBase, onSaleChanged },
    articles: options.articles,
    profiles: simulatorUrl ? trainingTopupProfiles(simulatorUrl) : options.topupProfiles,
    requestTimeoutMs: timings.requestTimeoutMs,
    coordination: options.coordination,
    userAgent: stationUserAgent(options.config.version, options.coordination.station),
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
  const { callbackUrl } = options;
  if (!callbackUrl) return null;
  return intakeOf({ options, db, onSaleChanged }, options.connection.profileId, callbackUrl);
}

/** The callbacks of one profile (the mode's own, or a shop's), verified for its PPID and URL. */
function intakeOf(
  parts: { options: RuntimeOptions; db: Db; onSaleChanged: (saleId: string) => void },
  profileId: string,
  callbackUrl: string,
): CallbackIntake {
  const { options, db, onSaleChanged } = parts;
  const { now, logger } = options.config;
  const { jwksUrl } = options.connection;
  return profileIntake(
    { db, now, logger, onSaleChanged, storage: options.storage, jwksUrl },
    profileId,
    callbackUrl,
  );
}
