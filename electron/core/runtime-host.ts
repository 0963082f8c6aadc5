import { join } from 'node:path';
import { ContractFailure, type Environment } from '../../shared/contract';
import type { Logger } from './logger';
import { openModeRuntime, type ModeRuntime, type RuntimeOptions } from './mode-runtime';
import type { SecretStore } from './settings/secret-store';
import type { StoredSettings } from './settings/settings-file';
import { API_KEY_SECRET } from './settings/settings-service';
import { startSimulatorServer, TRAINING_DISPLAY_PROFILE, type SimulatorServer } from './simulator';
import type { SalesRepo } from './till/sales-repo';

export interface RuntimeHostOptions {
  dataDir: string;
  migrationsFolder: string;
  secrets: SecretStore;
  logger: Logger;
  now: () => number;
  tillId: string;
  environmentUrl: (environment: Environment) => string;
  /** Training mode talks to this simulator; without it a simulator runs embedded. */
  simulatorUrl?: string;
  onSaleChanged: (repo: SalesRepo, saleId: string) => void;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** Holds the runtime of the current mode and swaps it when the manager changes mode. */
export class RuntimeHost {
  private runtime: ModeRuntime | null = null;
  private embedded: SimulatorServer | null = null;

  constructor(private readonly options: RuntimeHostOptions) {}

  current(): ModeRuntime {
    if (!this.runtime) throw new ContractFailure('INTERNAL', 'The station is not running');
    return this.runtime;
  }

  /** False for a runtime that was swapped out: its late news is not this mode's news. */
  isCurrent(repo: SalesRepo): boolean {
    return this.runtime?.repo === repo;
  }

  /** The simulator training mode uses right now, or null when live. */
  simulatorUrl(): string | null {
    if (this.runtime?.mode !== 'training') return null;
    return this.options.simulatorUrl ?? this.embedded?.baseUrl ?? null;
  }

  async open(stored: StoredSettings): Promise<void> {
    this.runtime?.close();
    this.runtime = null;
    this.runtime = await this.build(stored);
  }

  async close(): Promise<void> {
    this.runtime?.close();
    this.runtime = null;
    await this.stopEmbeddedSimulator();
  }

  private async build(stored: StoredSettings): Promise<ModeRuntime> {
    const apiKey = this.options.secrets.get(API_KEY_SECRET);
    if (stored.mode === 'live' && stored.environment && stored.ppid && apiKey) {
      await this.stopEmbeddedSimulator();
      const { environment, ppid } = stored;
      const baseUrl = this.options.environmentUrl(environment);
      return openModeRuntime({
        ...this.common(),
        mode: 'live',
        environment,
        baseUrl,
        apiKey,
        profileId: ppid,
        simulatorUrl: null,
      });
    }
    if (stored.mode === 'live')
      this.options.logger.warn('live mode is set but its credentials are missing: starting in training mode');
    const simulatorUrl = await this.trainingSimulatorUrl();
    const { apiKey: trainingKey, ppid } = TRAINING_DISPLAY_PROFILE;
    return openModeRuntime({
      ...this.common(),
      mode: 'training',
      environment: null,
      baseUrl: simulatorUrl,
      apiKey: trainingKey,
      profileId: ppid,
      simulatorUrl,
    });
  }

  private common(): Omit<
    RuntimeOptions,
    'mode' | 'environment' | 'baseUrl' | 'apiKey' | 'profileId' | 'simulatorUrl'
  > {
    const {
      dataDir,
      migrationsFolder,
      tillId,
      logger,
      now,
      onSaleChanged,
      requestTimeoutMs,
      pollIntervalMs,
    } = this.options;
    return {
      dataDir,
      migrationsFolder,
      tillId,
      logger,
      now,
      onSaleChanged,
      requestTimeoutMs,
      pollIntervalMs,
    };
  }

  private async trainingSimulatorUrl(): Promise<string> {
    if (this.options.simulatorUrl) return this.options.simulatorUrl;
    // The embedded simulator keeps its own file, so training payments survive a restart like real ones.
    this.embedded ??= await startSimulatorServer({
      port: 0,
      storeFile: join(this.options.dataDir, 'simulator.sqlite'),
    });
    return this.embedded.baseUrl;
  }

  private async stopEmbeddedSimulator(): Promise<void> {
    await this.embedded?.close();
    this.embedded = null;
  }
}
