import { join } from 'node:path';
import { ContractFailure } from '../../shared/contract';
import { merchantJwksPath } from '../../shared/contract/refund-key-methods';
import { StationPpro } from './agreements/mode-ppro';
import { openChargeScheduler } from './agreements/charge-mode';
import type { ChargeScheduler } from './agreements/charge-scheduler';
import { DEFAULT_TERMS_VERSION } from './agreements/till-agreements';
import type { RuntimeBackupHooks } from './backup/station-backups';
import type { ArticleLookup } from './sales/catalogue';
import { JWKS_URLS } from './bancontact/callback-verifier';
import { StorageGuard } from './db/storage-errors';
import { openModeRuntime, type ModeConnection, type ModeRuntime } from './mode-runtime';
import { resolveMode } from './modes/resolve-mode';
import { readSalesSetupFile, SALES_SETUP_FILE } from './reports/sales-setup-store';
import { shopPayments } from './till/shop-payments';
import type { SalesRepo } from './sales/sales-repo';
import type { StoredSettings } from './settings/settings-file';
import { API_KEY_SECRET } from './settings/settings-service';
import { liveTopupProfiles } from './settings/topup-profile-settings';
import {
  DEFAULT_PROFILES,
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  type SimProfile,
  type SimulatorServer,
} from './simulator';
import type { EventBus } from './api/event-bus';
import { booksNameFor, booksUrl } from './db/pg/site-databases';
import { SiteEventRelay } from './site-event-relay';
import type { StationCoordination } from './site/station-coordination';
import type { StationConfig } from './station-config';
import { withoutCredentials } from './station-storage';
import type { WristbandRow } from './topup/wristband-book';

/** The host's own hooks; everything else it reads from the station's validated configuration. */
export interface RuntimeHostHooks {
  /** A full disk began or ended (the station tells every screen). */
  onStorageChanged?: () => void;
  /** Backups before migrations and after every Z, for every mode's database. */
  backups?: RuntimeBackupHooks;
  onSaleChanged: (repo: SalesRepo, saleId: string) => void;
  onWristbandChanged?: (repo: SalesRepo, wristband: WristbandRow) => void;
  /** What this station shares with the other stations of its site (leases, Bancontact's budget). */
  coordination: StationCoordination;
  /** The station's screens: on a site, the running mode's changes cross to and from the other stations. */
  events?: EventBus;
  /** The article catalogue in the station database, which baskets are priced from. */
  articles?: ArticleLookup;
  /** Asks Bancontact for sale refunds written `pending` (a cancelled sale's), after their commit. */
  startSaleRefunds?: (refundIds: number[]) => Promise<void>;
}

/** Holds the runtime of the current mode and swaps it when the manager changes mode or till setup. */
export class RuntimeHost {
  private runtime: ModeRuntime | null = null;
  /** The running mode's events between the stations of a site; null on SQLite. */
  private relay: SiteEventRelay | null = null;
  private embedded: SimulatorServer | null = null;
  /** The HTTP shell's own address: in training, the local simulator can call back there. */
  private localUrl: string | null = null;
  /** The running mode's charge scheduler (agreements/charge-scheduler.ts); null without PPRO. */
  private chargeScheduler: ChargeScheduler | null = null;

  /** One judge of a full disk for the data folder, whatever the mode, so the log says it once. */
  readonly storage: StorageGuard;
  /** Each mode's PPRO, and training's embedded PPRO simulator. */
  readonly ppro: StationPpro;

  constructor(
    private readonly config: StationConfig,
    private readonly hooks: RuntimeHostHooks,
  ) {
    this.storage = new StorageGuard({
      folder: config.dataDir,
      database: config.database && withoutCredentials(config.database),
      logger: config.logger,
      onChanged: () => hooks.onStorageChanged?.(),
    });
    this.ppro = new StationPpro(config);
  }

  current(): ModeRuntime {
    if (!this.runtime) throw new ContractFailure('INTERNAL', 'The station is not running');
    return this.runtime;
  }

  /** The running mode, or null while none runs. */
  running(): ModeRuntime | null {
    return this.runtime;
  }

  /** False while no mode runs: before the start, after a refused one, while a database is replaced. */
  isOpen(): boolean {
    return this.runtime !== null;
  }

  /** False for a runtime that was swapped out: its late news is not this mode's news. */
  isCurrent(repo: SalesRepo): boolean {
    return this.runtime?.repo === repo;
  }

  setLocalUrl(url: string): void {
    this.localUrl = url;
  }

  /** The HTTP shell's address, or null when the station runs without one. */
  httpUrl(): string | null {
    return this.localUrl;
  }

  /** The simulator training mode uses right now, or null when live. */
  simulatorUrl(): string | null {
    if (this.runtime?.mode !== 'training') return null;
    return this.config.simulatorUrl ?? this.embedded?.baseUrl ?? null;
  }

  async open(stored: StoredSettings): Promise<void> {
    await this.closeRuntime();
    const connection = await this.connect(stored);
    // The embedded simulator may call back to this machine over http; any other Bancontact needs the public URL.
    const local = connection.mode === 'training' && !this.config.simulatorUrl ? this.localUrl : null;
    const base = this.config.publicUrl ?? stored.publicUrl ?? local;
    const callbackUrl = base ? `${base.replace(/\/+$/, '')}/callbacks/${connection.profileId}` : null;
    this.runtime = await openModeRuntime({
      ...this.hooks,
      config: this.config,
      connection,
      storage: this.storage,
      posId: stored.stickerPosId,
      callbackUrl,
      callbackBase: base,
      // The embedded simulator was told to post top-ups to this machine (see simulatorProfiles).
      topupCallbackBase: local ?? this.config.publicUrl ?? stored.publicUrl,
      topupProfiles: this.liveTopupProfiles(stored, connection),
      shopPayments: this.shopPayments(stored, connection.environment),
      ppro: this.ppro.forMode(connection.mode, stored, this.localUrl),
      agreementSetup: this.agreementSetup(connection.mode, stored),
    });
    this.relay = this.openRelay(this.runtime);
    this.chargeScheduler = this.openCharges(this.runtime);
  }

  /** On a site, the mode's books database carries its events (site-event-relay.ts). */
  private openRelay(runtime: ModeRuntime): SiteEventRelay | null {
    const { database, logger } = this.config;
    const bus = this.hooks.events;
    if (!database || !bus) return null;
    const relay = new SiteEventRelay({
      url: booksUrl(database, booksNameFor(runtime.databaseFile)),
      station: this.hooks.coordination.station,
      ...{ bus, runtime, logger },
      isCurrent: () => this.runtime === runtime,
    });
    relay.start();
    return relay;
  }

  /** What the mode's agreements take: training's simulator, and the terms as saved now (not at the open). */
  private agreementSetup(mode: ModeConnection['mode'], stored: StoredSettings) {
    const { ppro } = this;
    ppro.termsVersion = stored.agreementTermsVersion;
    return {
      pproSimulatorUrl: mode === 'training' ? () => ppro.simulatorUrl() : null,
      get agreementTermsVersion() {
        return ppro.termsVersion ?? DEFAULT_TERMS_VERSION;
      },
    };
  }

  /** Hands changed live top-up profiles to the running mode without restarting it. */
  applyTopupProfiles(stored: StoredSettings): void {
    const runtime = this.runtime;
    if (runtime?.mode !== 'live' || !runtime.environment) return;
    const baseUrl = this.config.environmentUrls[runtime.environment];
    runtime.topup.lanes.replaceProfiles(liveTopupProfiles(stored, this.config.secrets, baseUrl));
  }

  /** Hands changed shop payment profiles to the running mode: the next sale at a till uses them. */
  applyPaymentProfiles(stored: StoredSettings): void {
    const runtime = this.runtime;
    runtime?.tillProfiles.replace(this.shopPayments(stored, runtime.environment));
  }

  private shopPayments(stored: StoredSettings, environment: ModeConnection['environment']) {
    const { shops } = readSalesSetupFile(join(this.config.dataDir, SALES_SETUP_FILE));
    return shopPayments({ stored, secrets: this.config.secrets, shops, environment });
  }

  private liveTopupProfiles(stored: StoredSettings, connection: ModeConnection) {
    if (connection.mode !== 'live') return [];
    return liveTopupProfiles(stored, this.config.secrets, connection.baseUrl);
  }

  /** The running mode's charge scheduler, or null (no mode, or no PPRO): a commit may wake it. */
  charges(): ChargeScheduler | null {
    return this.chargeScheduler;
  }

  /** Charges the mode's agreements as they fall due, at the station holding `agreements:charges`. */
  private openCharges(runtime: ModeRuntime): ChargeScheduler | null {
    const { db, ppro } = runtime;
    const { logger, now } = this.config;
    const { coordination, events } = this.hooks;
    return openChargeScheduler({ db, ppro, leases: coordination.leases, events, logger, now });
  }

  /** Lets go of the current mode's database (a restore replaces its file); `open` starts it again. */
  async closeRuntime(): Promise<void> {
    // No longer the current mode from here: nothing new reaches it while it finishes its last unit of work.
    const runtime = this.runtime;
    const relay = this.relay;
    this.runtime = null;
    const charges = this.chargeScheduler;
    this.chargeScheduler = null;
    await charges?.stop();
    this.relay = null;
    await relay?.close();
    await runtime?.close();
  }

  async close(): Promise<void> {
    await this.closeRuntime();
    this.storage.stop();
    await this.stopEmbeddedSimulator();
    await this.ppro.close();
  }

  /** Which Bancontact to talk to, with which profile: the mode `resolveMode` decides (modes/resolve-mode.ts). */
  private async connect(stored: StoredSettings): Promise<ModeConnection> {
    const apiKey = this.config.secrets.get(API_KEY_SECRET);
    const resolved = resolveMode(stored, { hasApiKey: apiKey !== null });
    if (resolved.mode === 'live' && apiKey !== null) {
      await this.stopEmbeddedSimulator();
      const { environment, ppid } = resolved;
      return {
        mode: 'live',
        environment,
        baseUrl: this.config.environmentUrls[environment],
        apiKey,
        profileId: ppid,
        simulatorUrl: null,
        jwksUrl: JWKS_URLS[environment],
      };
    }
    if (resolved.mode === 'training' && resolved.missingForLive.length > 0)
      this.config.logger.warn(
        `live mode is set but its ${resolved.missingForLive.join(', ')} is missing: starting in training mode`,
      );
    return this.trainingConnection(stored);
  }

  private async trainingConnection(stored: StoredSettings): Promise<ModeConnection> {
    const simulatorUrl = await this.trainingSimulatorUrl();
    // A sticker till pays through the training sticker profile, a display till through the display one.
    const profile = stored.stickerPosId ? TRAINING_STICKER_PROFILE : TRAINING_DISPLAY_PROFILE;
    return {
      mode: 'training',
      environment: null,
      baseUrl: simulatorUrl,
      apiKey: profile.apiKey,
      profileId: profile.ppid,
      simulatorUrl,
      jwksUrl: `${simulatorUrl}/jwks/`,
    };
  }

  private async trainingSimulatorUrl(): Promise<string> {
    if (this.config.simulatorUrl) return this.config.simulatorUrl;
    // The embedded simulator keeps its own file, so training payments survive a restart like real ones;
    // it may call back over plain http because both ends are on this machine.
    const storeFile = join(this.config.dataDir, 'simulator.sqlite');
    this.embedded ??= await startSimulatorServer({
      port: 0,
      storeFile,
      allowHttpCallbacks: true,
      profiles: this.simulatorProfiles(),
    });
    return this.embedded.baseUrl;
  }

  /**
   * Bancontact sends top-up callbacks to the URL set up with the product, so the embedded simulator's
   * top-up profiles are given this station's own address: a top-up paid in training shows at once.
   * Likewise the till profiles are given the station's JWKS URL, as a merchant hands it to Bancontact:
   * refunds signed with the station's own key go through in training.
   */
  private simulatorProfiles(): SimProfile[] | undefined {
    if (!this.localUrl) return undefined;
    const base = this.localUrl.replace(/\/+$/, '');
    return DEFAULT_PROFILES.map((p) =>
      p.type === 'topup'
        ? { ...p, callbackUrl: `${base}/callbacks/${p.ppid}` }
        : { ...p, merchantJwks: `${base}${merchantJwksPath(p.ppid)}` },
    );
  }

  private async stopEmbeddedSimulator(): Promise<void> {
    await this.embedded?.close();
    this.embedded = null;
  }
}
