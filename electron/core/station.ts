import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ContractFailure, type Environment, type SaleView } from '../../shared/contract';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createEventBus, type EventBus } from './api/event-bus';
import { ENVIRONMENT_URLS } from './bancontact/environments';
import { createHandlers } from './handlers';
import { createConsoleLogger, type Logger } from './logger';
import { openModeRuntime, type ModeRuntime } from './mode-runtime';
import { createFileSecretStore, type SecretStore } from './settings/secret-store';
import { createSettingsFile, type StoredSettings } from './settings/settings-file';
import { API_KEY_SECRET, createSettingsService } from './settings/settings-service';
import { startSimulatorServer, TRAINING_DISPLAY_PROFILE } from './simulator';
import type { SalesRepo } from './till/sales-repo';

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
  tillId?: string;
  pollIntervalMs?: number;
  requestTimeoutMs?: number;
  version?: string;
}

export interface Station {
  dispatch: Dispatch;
  events: EventBus;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The simulator training mode uses right now, or null when live. */
  simulatorUrl(): string | null;
}

/** A sale that ended this long ago no longer shows on the customer display. */
const CURRENT_SALE_LINGER_MS = 30_000;

export function createStation(options: StationOptions): Station {
  const logger = options.logger ?? createConsoleLogger();
  const now = options.now ?? Date.now;
  const tillId = options.tillId ?? 'till-1';
  const events = createEventBus((error) => logger.error('event listener failed', error));
  const file = createSettingsFile(options.dataDir);
  const secrets = options.secrets ?? createFileSecretStore(options.dataDir);
  const environmentUrl = (env: Environment): string =>
    options.environmentUrls?.[env] ?? ENVIRONMENT_URLS[env];
  let runtime: ModeRuntime | null = null;
  let embeddedSimulator: { baseUrl: string; close(): Promise<void> } | null = null;

  const current = (): ModeRuntime => {
    if (!runtime) throw new ContractFailure('INTERNAL', 'The station is not running');
    return runtime;
  };

  const onSaleChanged = (repo: SalesRepo, saleId: string): void => {
    if (runtime?.repo !== repo) return;
    const sale = repo.saleView(saleId);
    if (sale) events.emit('payments.changed', { sale });
  };

  const trainingSimulatorUrl = async (): Promise<string> => {
    if (options.simulatorUrl) return options.simulatorUrl;
    const running =
      embeddedSimulator ??
      (await startSimulatorServer({ port: 0, storeFile: join(options.dataDir, 'simulator.sqlite') }));
    embeddedSimulator = running;
    return running.baseUrl;
  };

  const stopEmbeddedSimulator = async (): Promise<void> => {
    await embeddedSimulator?.close();
    embeddedSimulator = null;
  };

  const openRuntime = async (stored: StoredSettings): Promise<ModeRuntime> => {
    const common = {
      dataDir: options.dataDir,
      migrationsFolder: options.migrationsFolder,
      tillId,
      logger,
      now,
      onSaleChanged,
      requestTimeoutMs: options.requestTimeoutMs,
      pollIntervalMs: options.pollIntervalMs,
    };
    const apiKey = secrets.get(API_KEY_SECRET);
    if (stored.mode === 'live' && stored.environment && stored.ppid && apiKey) {
      await stopEmbeddedSimulator();
      return openModeRuntime({
        ...common,
        mode: 'live',
        environment: stored.environment,
        baseUrl: environmentUrl(stored.environment),
        apiKey,
        profileId: stored.ppid,
        simulatorUrl: null,
      });
    }
    if (stored.mode === 'live')
      logger.warn('live mode is set but its credentials are missing: starting in training mode');
    const simulatorUrl = await trainingSimulatorUrl();
    return openModeRuntime({
      ...common,
      mode: 'training',
      environment: null,
      baseUrl: simulatorUrl,
      apiKey: TRAINING_DISPLAY_PROFILE.apiKey,
      profileId: TRAINING_DISPLAY_PROFILE.ppid,
      simulatorUrl,
    });
  };

  const settings = createSettingsService({
    file,
    secrets,
    environmentUrl,
    timeoutMs: options.requestTimeoutMs,
    assertNoOpenPayment: () => {
      if (current().repo.findOpenSale(tillId)) {
        throw new ContractFailure('PAYMENT_OPEN', 'Finish or cancel the open payment before changing mode');
      }
    },
    switchMode: async (next) => {
      current().close();
      runtime = null;
      runtime = await openRuntime(next);
    },
    onChanged: (view) => events.emit('settings.changed', { settings: view }),
  });

  const currentSale = (): SaleView | null => {
    const { repo } = current();
    const latest = repo.latestSale(tillId);
    if (!latest) return null;
    if (latest.status !== 'open' && now() - latest.updatedAt > CURRENT_SALE_LINGER_MS) return null;
    return repo.saleView(latest.id);
  };

  const handlers = createHandlers({ current, settings, currentSale, version: options.version ?? '0.0.0' });
  return {
    dispatch: createDispatcher(handlers, logger),
    events,
    async start() {
      mkdirSync(options.dataDir, { recursive: true });
      runtime = await openRuntime(file.read());
      logger.info(`station started in ${runtime.mode} mode`);
    },
    async stop() {
      runtime?.close();
      runtime = null;
      await stopEmbeddedSimulator();
    },
    simulatorUrl: () =>
      runtime?.mode === 'training' ? (options.simulatorUrl ?? embeddedSimulator?.baseUrl ?? null) : null,
  };
}
