import type { Hono } from 'hono';
import { buildSimulatorApp } from './app';
import { createCallbackDispatcher, type CallbackDispatcher } from './callbacks/dispatcher';
import { createSimClock, type SimClock } from './clock';
import { createFaultEngine, type FaultEngine } from './faults/fault-engine';
import { createHangRegistry, type HangRegistry } from './faults/request-faults';
import { createFileKeyStore } from './jws/key-file';
import { createMerchantVerifier } from './jws/merchant-signature';
import { createSigningKeys, type SigningKeys } from './jws/signing-keys';
import { KNOWN_PAYLOAD_HOSTS } from './payload';
import { createPaymentService, type PaymentService } from './payments';
import { validateProfiles } from './profile-schema';
import { DEFAULT_PROFILES, createProfileRegistry, type ProfileRegistry, type SimProfile } from './profiles';
import { createRefundAccess, type RefundAccess } from './refund-access';
import { createRefundService, type RefundService } from './refunds';
import type { RouteDeps } from './route-deps';
import { scanPayload } from './scan';
import { createSettingsHolder, type SettingsHolder, type SimSettings } from './settings';
import { confirmPayment } from './settlement';
import { openSimStore, type SimStore } from './store';
import { startTicker } from './ticker';
import type { SimPayment, SimStatus, StatusChangeListener } from './types';
import { createPaymentParser, posPaymentParser } from './validation';

export const DEFAULT_PAYLOAD_HOST = 'https://pay.bancontact.net';

export interface SimulatorOptions {
  /** Defaults to DEFAULT_PROFILES (display, sticker and three top-up training profiles). */
  profiles?: readonly SimProfile[];
  /** SQLite file holding payments, refunds, callbacks, signing keys and the clock offset; else memory. */
  storeFile?: string;
  /** JSON file (0600) keeping the signing keys instead of the store, e.g. for an in-memory simulator. */
  keyFile?: string;
  /** Host of QR payloads and deeplinks. Default `https://pay.bancontact.net`. */
  payloadHost?: string;
  /** Real-time source; simulator time is this plus the clock offset. Default Date.now. */
  now?: () => number;
  /** Accept http(s)://127.0.0.1|localhost callback, identify-callback, return and JWKS URLs. */
  allowHttpCallbacks?: boolean;
  /** Called after every stored status change (not on creation), e.g. by benchmarks. */
  onStatusChange?: StatusChangeListener;
  /** Open-question knobs; see settings.ts. Changeable later through `PATCH /_sim/settings`. */
  settings?: Partial<SimSettings>;
  /** Seed of the fault generator (default 0): the same seed gives the same faults. */
  seed?: number;
  /** Real-time interval of the deadline/retry trigger; 0 turns it off. Default 1000 ms. */
  tickMs?: number;
}

export interface Simulator {
  app: Hono;
  clock: SimClock;
  store: SimStore;
  profiles: ProfileRegistry;
  payments: PaymentService;
  settings: SettingsHolder;
  faults: FaultEngine;
  keys: SigningKeys;
  callbacks: CallbackDispatcher;
  refunds: RefundService;
  /** Whether each profile's Refund API is enabled, and the merchant JWKS handed over while running. */
  refundAccess: RefundAccess;
  /** Stops the ticker, abandons callbacks in flight and closes the store. Idempotent. */
  close(): void;
}

function listeners(...all: Array<StatusChangeListener | undefined>): StatusChangeListener {
  return (payment: SimPayment, previous: SimStatus) => {
    for (const listener of all) listener?.(payment, previous);
  };
}

type Services = Omit<Simulator, 'app' | 'close'>;

function createServices(options: SimulatorOptions): Services {
  const allowHttpCallbacks = options.allowHttpCallbacks ?? false;
  const profiles = createProfileRegistry(
    validateProfiles(options.profiles ?? DEFAULT_PROFILES, { allowHttpCallbacks }),
  );
  const settings = createSettingsHolder(options.settings);
  const store = openSimStore(options.storeFile);
  const clock = createSimClock({ realNow: options.now, storage: store });
  const faults = createFaultEngine(options.seed ?? 0, clock);
  const keyStore = options.keyFile === undefined ? store.keys : createFileKeyStore(options.keyFile);
  const keys = createSigningKeys(keyStore, clock, () => settings.get().retiredKeyRetentionMs);
  const callbacks = createCallbackDispatcher({ store, clock, keys, settings, faults, profiles });
  const onStatusChange = listeners(callbacks.onStatusChange, options.onStatusChange);
  const payments = createPaymentService({ store, clock, onStatusChange });
  const refunds = createRefundService({ store: store.refunds, payments, clock, settings });
  const refundAccess = createRefundAccess(profiles);
  return { clock, store, profiles, payments, settings, faults, keys, callbacks, refunds, refundAccess };
}

function routeDeps(services: Services, options: SimulatorOptions, hangs: HangRegistry): RouteDeps {
  const { payments, profiles, clock, settings, callbacks, refundAccess } = services;
  const allowHttpCallbacks = options.allowHttpCallbacks ?? false;
  const payloadHost = (options.payloadHost ?? DEFAULT_PAYLOAD_HOST).replace(/\/+$/, '');
  const ownHosts = [new URL(payloadHost).hostname.toLowerCase()].filter(
    (h) => !KNOWN_PAYLOAD_HOSTS.includes(h),
  );
  return {
    ...services,
    payloadHost,
    hangs,
    tick: () => {
      const changed = payments.sweepDeadlines();
      callbacks.trigger();
      return changed;
    },
    verifyMerchant: createMerchantVerifier(refundAccess.profiles, () => settings.get()),
    parseCreatePayment: createPaymentParser({ allowHttpCallbacks }),
    parsePosPayment: posPaymentParser({ allowHttpCallbacks }),
    confirm: (paymentId) =>
      confirmPayment({ payments, profiles, clock, askMerchant: (p) => callbacks.sendSync(p) }, paymentId),
    scan: (request) => scanPayload({ payments, profiles, clock, settings, ownHosts }, request),
  };
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const services = createServices(options);
  const hangs = createHangRegistry();
  const deps = routeDeps(services, options, hangs);
  const stopTicker = startTicker(deps.tick, options.tickMs ?? 1000);
  let closed = false;
  return {
    ...services,
    app: buildSimulatorApp(deps),
    close() {
      if (closed) return;
      closed = true;
      stopTicker();
      services.callbacks.close();
      hangs.releaseAll();
      services.store.close();
    },
  };
}
