import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Environment, Mode } from '../../shared/contract';
import { createBancontactClient, type BancontactClient } from './bancontact/client';
import { openDatabase, type Db } from './db/open-database';
import type { Logger } from './logger';
import { PaymentTracker } from './payments/tracker';
import { applyStatus, recordProblem } from './payments/transition';
import { SalesRepo } from './till/sales-repo';
import { TillService } from './till/till-service';
import { createTrainingService, type TrainingService } from './training/training-service';

/** Everything that belongs to one mode: its own database file, its Bancontact client, its tracker. */
export interface ModeRuntime {
  mode: Mode;
  environment: Environment | null;
  db: Db;
  repo: SalesRepo;
  till: TillService;
  tracker: PaymentTracker;
  /** Present in training mode only. */
  training: TrainingService | null;
  close(): void;
}

export interface RuntimeOptions {
  mode: Mode;
  environment: Environment | null;
  dataDir: string;
  migrationsFolder: string;
  baseUrl: string;
  apiKey: string;
  profileId: string;
  tillId: string;
  simulatorUrl: string | null;
  logger: Logger;
  now: () => number;
  onSaleChanged: (repo: SalesRepo, saleId: string) => void;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** Separate files per mode and environment, so training sales can never mix with real ones. */
export function databaseFileFor(mode: Mode, environment: Environment | null): string {
  if (mode === 'training') return 'training.sqlite';
  return environment === 'preprod' ? 'preprod.sqlite' : 'kassa.sqlite';
}

export const newId = (): string => randomBytes(12).toString('hex');

export function openModeRuntime(options: RuntimeOptions): ModeRuntime {
  const db = openDatabase({
    file: join(options.dataDir, databaseFileFor(options.mode, options.environment)),
    migrationsFolder: options.migrationsFolder,
  });
  const repo = new SalesRepo(db);
  const { till, tracker } = buildTill(options, db, repo);
  const training = options.simulatorUrl
    ? createTrainingService({ repo, simulatorUrl: options.simulatorUrl })
    : null;
  abandonInterruptedCreations(db, repo, options.now);
  const resumed = tracker.resume();
  if (resumed > 0) options.logger.info(`resumed ${resumed} unfinished payment(s)`);
  const { mode, environment } = options;
  return {
    mode,
    environment,
    db,
    repo,
    till,
    tracker,
    training,
    close() {
      tracker.stop();
      db.$client.close();
    },
  };
}

function buildTill(
  options: RuntimeOptions,
  db: Db,
  repo: SalesRepo,
): { till: TillService; tracker: PaymentTracker } {
  const { now, logger, tillId, profileId } = options;
  const client: BancontactClient = createBancontactClient({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    timeoutMs: options.requestTimeoutMs ?? 10_000,
  });
  const onSaleChanged = (saleId: string): void => options.onSaleChanged(repo, saleId);
  // The payment on screen is the latest payment of the till's latest sale.
  const isOnScreen = (paymentId: string): boolean =>
    repo.latestPayment(repo.latestSale(tillId)?.id ?? '')?.id === paymentId;
  const tracker = new PaymentTracker({
    db,
    repo,
    client,
    now,
    logger,
    onSaleChanged,
    isOnScreen,
    onScreenIntervalMs: options.pollIntervalMs,
  });
  const till = new TillService({ db, repo, client, tracker, profileId, tillId, now, newId, onSaleChanged });
  return { till, tracker };
}

/**
 * A payment still CREATING at start-up was being created when the station stopped. Its QR was never
 * shown, so no customer can pay it; it is closed as failed and the cashier can retry the sale.
 */
function abandonInterruptedCreations(db: Db, repo: SalesRepo, now: () => number): void {
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
