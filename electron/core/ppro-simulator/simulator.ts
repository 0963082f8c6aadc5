import { Hono } from 'hono';
import { createSimClock, type SimClock } from '../simulator/clock';
import { controlRoutes } from './control-routes';
import { PproError } from './errors';
import { RequestGate } from './gate';
import { merchantRoutes, type MerchantCredentials } from './merchant-routes';
import { PproService, type ServiceSettings } from './service';
import { openPproStore, type PproStore } from './store';
import { createWebhookDispatcher, DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './webhooks';

/** The training merchant: Kassa's training mode and tests use it unless they pass their own. */
export const TRAINING_PPRO_MERCHANT: MerchantCredentials = {
  merchantId: 'kassa-training-merchant',
  apiKey: 'ppro-training-key-0001',
};

export const DEFAULT_PPRO_SETTINGS: ServiceSettings = {
  maxAmount: 50_000,
  splitWindowMs: 10 * 60_000,
  refundDelayMs: 60_000,
};

export interface PproSimulatorOptions {
  merchant?: MerchantCredentials;
  settings?: Partial<ServiceSettings>;
  webhooks?: Partial<WebhookSettings>;
  /** SQLite file keeping agreements, charges, answers, webhooks and the clock; default in memory. */
  storeFile?: string;
  /** Seed of the fault generator. */
  seed?: number;
  /** Real time source (tests pin it). */
  now?: () => number;
}

export interface PproSimulator {
  app: Hono;
  service: PproService;
  clock: SimClock;
  store: PproStore;
  gate: RequestGate;
  setBaseUrl(url: string): void;
  close(): void;
}

function buildApp(
  service: PproService,
  store: PproStore,
  gate: RequestGate,
  clock: SimClock,
  merchant: MerchantCredentials,
): Hono {
  const app = new Hono();
  // Time-due changes (refunds) settle before any request looks, and on a timer for webhooks.
  app.use('*', async (_c, next) => (service.settle(), next()));
  app.route('/v1', merchantRoutes(service, store, gate, merchant));
  app.route('/_sim', controlRoutes(service, store, gate, clock));
  app.notFound((c) =>
    c.json(new PproError(404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`).body(), 404),
  );
  app.onError((error, c) => {
    if (error instanceof PproError) return c.json(error.body(), error.status);
    console.error('PPRO simulator request failed:', error instanceof Error ? error.message : error);
    return c.json(new PproError(500, 'INTERNAL_ERROR', 'Unexpected simulator error').body(), 500);
  });
  return app;
}

export function createPproSimulator(options: PproSimulatorOptions = {}): PproSimulator {
  const store = openPproStore(options.storeFile);
  const clock = createSimClock({ realNow: options.now, storage: store });
  const webhooks = createWebhookDispatcher(store, { ...DEFAULT_WEBHOOK_SETTINGS, ...options.webhooks });
  let baseUrl = 'http://127.0.0.1';
  const service = new PproService(
    store,
    clock,
    webhooks,
    { ...DEFAULT_PPRO_SETTINGS, ...options.settings },
    () => baseUrl,
  );
  const gate = new RequestGate(options.seed ?? 0);
  const app = buildApp(service, store, gate, clock, options.merchant ?? TRAINING_PPRO_MERCHANT);
  const timer = setInterval(() => service.settle(), 1_000);
  timer.unref();
  return {
    app,
    service,
    clock,
    store,
    gate,
    setBaseUrl: (url) => void (baseUrl = url),
    close() {
      clearInterval(timer);
      gate.releaseAll();
      webhooks.close();
      store.close();
    },
  };
}
