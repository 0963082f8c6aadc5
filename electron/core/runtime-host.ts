import { join } from 'node:path';
import { ContractFailure, type Environment } from '../../shared/contract';
import { JWKS_URLS } from './bancontact/callback-verifier';
import type { SynchronousSetting } from './db/open-database';
import { StorageGuard } from './db/storage-errors';
import type { Logger } from './logging/logger';
import {
  openModeRuntime,
  type ModeRuntime,
  type RuntimeBackupHooks,
  type RuntimeOptions,
} from './mode-runtime';
import type { SecretStore } from './settings/secret-store';
import type { StoredSettings } from './settings/settings-file';
import { resolveMode } from './modes/resolve-mode';
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
import type { SalesRepo } from './sales/sales-repo';
import type { WristbandRow } from './topup/wristband-book';

export interface RuntimeHostOptions {
  /** A full disk began or ended (the station tells every screen). */
  onStorageChanged?: () => void;
  /** Backups before migrations and after every Z, for every mode's database. */
  backups?: RuntimeBackupHooks;
  dataDir: string;
  migrationsFolder: string;
  secrets: SecretStore;
  logger: Logger;
  now: () => number;
  environmentUrl: (environment: Environment) => string;
  /** Training mode talks to this simulator; without it a simulator runs embedded. */
  simulatorUrl?: string;
  /** Overrides the stored public URL (the `--public-url` flag). */
  publicUrl?: string;
  onSaleChanged: (repo: SalesRepo, saleId: string) => void;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
  rateLimitPerSecond?: number;
  sweepIntervalMs?: number;
  topupSweepIntervalMs?: number;
  onWristbandChanged?: (repo: SalesRepo, wristband: WristbandRow) => void;
  /** Tests and the bench only (see StationOptions). */
  synchronous?: SynchronousSetting;
}

type Connection = Pick<
  RuntimeOptions,
  'mode' | 'environment' | 'baseUrl' | 'apiKey' | 'profileId' | 'simulatorUrl' | 'jwksUrl'
>;

/** Holds the runtime of the current mode and swaps it when the manager changes mode or till setup. */
export class RuntimeHost {
  private runtime: ModeRuntime | null = null;
  private embedded: SimulatorServer | null = null;
  /** The HTTP shell's own address: in training, the local simulator can call back there. */
  private localUrl: string | null = null;

  /** One judge of a full disk for the data folder, whatever the mode, so the log says it once. */
  readonly storage: StorageGuard;

  constructor(private readonly options: RuntimeHostOptions) {
    this.storage = new StorageGuard({
      folder: options.dataDir,
      logger: options.logger,
      onChanged: () => options.onStorageChanged?.(),
    });
  }

  current(): ModeRuntime {
    if (!this.runtime) throw new ContractFailure('INTERNAL', 'The station is not running');
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
    return this.options.simulatorUrl ?? this.embedded?.baseUrl ?? null;
  }

  async open(stored: StoredSettings): Promise<void> {
    this.runtime?.close();
    this.runtime = null;
    const connection = await this.connect(stored);
    // The embedded simulator may call back to this machine over http; any other Bancontact needs the public URL.
    const local = connection.mode === 'training' && !this.options.simulatorUrl ? this.localUrl : null;
    const base = this.options.publicUrl ?? stored.publicUrl ?? local;
    const callbackUrl = base ? `${base.replace(/\/+$/, '')}/callbacks/${connection.profileId}` : null;
    this.runtime = openModeRuntime({
      ...this.common(),
      ...connection,
      posId: stored.stickerPosId,
      callbackUrl,
      // The embedded simulator was told to post top-ups to this machine (see simulatorProfiles).
      topupCallbackBase: local ?? this.options.publicUrl ?? stored.publicUrl,
      topupProfiles: this.liveTopupProfiles(stored, connection),
    });
  }

  /** Hands changed live top-up profiles to the running mode without restarting it. */
  applyTopupProfiles(stored: StoredSettings): void {
    const runtime = this.runtime;
    if (runtime?.mode !== 'live' || !runtime.environment) return;
    const baseUrl = this.options.environmentUrl(runtime.environment);
    runtime.topup.lanes.replaceProfiles(liveTopupProfiles(stored, this.options.secrets, baseUrl));
  }

  private liveTopupProfiles(stored: StoredSettings, connection: Connection) {
    if (connection.mode !== 'live') return [];
    return liveTopupProfiles(stored, this.options.secrets, connection.baseUrl);
  }

  /** Lets go of the current mode's database (a restore replaces its file); `open` starts it again. */
  closeRuntime(): void {
    this.runtime?.close();
    this.runtime = null;
  }

  async close(): Promise<void> {
    this.runtime?.close();
    this.runtime = null;
    this.storage.stop();
    await this.stopEmbeddedSimulator();
  }

  /** Which Bancontact to talk to, with which profile: the mode `resolveMode` decides (modes/resolve-mode.ts). */
  private async connect(stored: StoredSettings): Promise<Connection> {
    const apiKey = this.options.secrets.get(API_KEY_SECRET);
    const resolved = resolveMode(stored, { hasApiKey: apiKey !== null });
    if (resolved.mode === 'live' && apiKey !== null) {
      await this.stopEmbeddedSimulator();
      const { environment, ppid } = resolved;
      const baseUrl = this.options.environmentUrl(environment);
      return {
        mode: 'live',
        environment,
        baseUrl,
        apiKey,
        profileId: ppid,
        simulatorUrl: null,
        jwksUrl: JWKS_URLS[environment],
      };
    }
    if (resolved.mode === 'training' && resolved.missingForLive.length > 0)
      this.options.logger.warn(
        `live mode is set but its ${resolved.missingForLive.join(', ')} is missing: starting in training mode`,
      );
    return this.trainingConnection(stored);
  }

  private async trainingConnection(stored: StoredSettings): Promise<Connection> {
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

  private common(): Omit<RuntimeOptions, keyof Connection | 'posId' | 'callbackUrl'> {
    const { dataDir, migrationsFolder, logger, now, onSaleChanged, onWristbandChanged } = this.options;
    const { requestTimeoutMs, pollIntervalMs, rateLimitPerSecond, sweepIntervalMs } = this.options;
    return {
      dataDir,
      migrationsFolder,
      logger,
      now,
      onSaleChanged,
      onWristbandChanged,
      requestTimeoutMs,
      pollIntervalMs,
      rateLimitPerSecond,
      sweepIntervalMs,
      topupSweepIntervalMs: this.options.topupSweepIntervalMs,
      synchronous: this.options.synchronous,
      storage: this.storage,
      backups: this.options.backups,
    };
  }

  private async trainingSimulatorUrl(): Promise<string> {
    if (this.options.simulatorUrl) return this.options.simulatorUrl.replace(/\/+$/, '');
    // The embedded simulator keeps its own file, so training payments survive a restart like real ones;
    // it may call back over plain http because both ends are on this machine.
    const storeFile = join(this.options.dataDir, 'simulator.sqlite');
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
   */
  private simulatorProfiles(): SimProfile[] | undefined {
    if (!this.localUrl) return undefined;
    const base = this.localUrl.replace(/\/+$/, '');
    return DEFAULT_PROFILES.map((p) =>
      p.type === 'topup' ? { ...p, callbackUrl: `${base}/callbacks/${p.ppid}` } : p,
    );
  }

  private async stopEmbeddedSimulator(): Promise<void> {
    await this.embedded?.close();
    this.embedded = null;
  }
}
