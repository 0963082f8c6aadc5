import type { Hono } from 'hono';
import { buildSimulatorApp } from './app';
import { createSimClock, type SimClock } from './clock';
import { createPaymentService, type PaymentService } from './payments';
import { DEFAULT_PROFILES, createProfileRegistry, type ProfileRegistry, type SimProfile } from './profiles';
import { openSimStore, type SimStore } from './store';
import type { StatusChangeListener } from './types';
import { createPaymentParser } from './validation';

export const DEFAULT_PAYLOAD_HOST = 'https://pay.bancontact.net';

export interface SimulatorOptions {
  /** Defaults to DEFAULT_PROFILES (display, sticker and top-up training profiles). */
  profiles?: readonly SimProfile[];
  /** SQLite file holding payments and the clock offset; without it everything lives in memory. */
  storeFile?: string;
  /** Host of QR payloads and deeplinks. Default `https://pay.bancontact.net`. */
  payloadHost?: string;
  /** Real-time source; simulator time is this plus the clock offset. Default Date.now. */
  now?: () => number;
  /** Accept http(s)://127.0.0.1|localhost callback, identify-callback and return URLs. */
  allowHttpCallbacks?: boolean;
  /** Called after every stored status change (not on creation), e.g. by callbacks and benchmarks. */
  onStatusChange?: StatusChangeListener;
}

export interface Simulator {
  app: Hono;
  clock: SimClock;
  store: SimStore;
  profiles: ProfileRegistry;
  payments: PaymentService;
  /** Closes the store. Idempotent. */
  close(): void;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const profiles = createProfileRegistry(options.profiles ?? DEFAULT_PROFILES);
  const store = openSimStore(options.storeFile);
  const clock = createSimClock({ realNow: options.now, storage: store });
  const payments = createPaymentService({ store, clock, onStatusChange: options.onStatusChange });
  const app = buildSimulatorApp({
    payments,
    profiles,
    clock,
    payloadHost: (options.payloadHost ?? DEFAULT_PAYLOAD_HOST).replace(/\/+$/, ''),
    parseCreatePayment: createPaymentParser({ allowHttpCallbacks: options.allowHttpCallbacks ?? false }),
  });
  let closed = false;
  return {
    app,
    clock,
    store,
    profiles,
    payments,
    close() {
      if (closed) return;
      closed = true;
      store.close();
    },
  };
}
