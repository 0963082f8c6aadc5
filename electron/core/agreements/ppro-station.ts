import { createPproClient, type PproClient } from '../ppro';
import type { PproRuntime } from './ppro-runtime';

/** The PPRO simulator's training merchant (electron/core/ppro-simulator): its published key, not a secret. */
export const TRAINING_PPRO_KEY = 'ppro-training-key-0001';

/** Where PPRO posts a mode's webhooks below the station's base URL. */
export const PPRO_WEBHOOKS_PATH = '/ppro/webhooks';

export function pproWebhooksUrl(base: string | null): string | null {
  return base ? `${base.replace(/\/+$/, '')}${PPRO_WEBHOOKS_PATH}` : null;
}

export interface TrainingPproOptions {
  /** The simulator's base URL; started on first use, because every test station opens training mode. */
  simulatorUrl: () => Promise<string>;
  webhooksUrl: string | null;
  timeoutMs: number;
}

/**
 * Training: the PPRO simulator, asked for its URL on the first call only. `now()` reads the simulator's
 * clock, so a test (or a trainer) that moves it by months moves Kassa's charges with it; the merchant's
 * maximum is read with it, because the simulator's may be changed while running.
 */
export function trainingPpro(options: TrainingPproOptions): PproRuntime {
  let client: PproClient | null = null;
  let maximum: number | null = null;
  const started = async (): Promise<{ base: string; client: PproClient }> => {
    const base = await options.simulatorUrl();
    client ??= createPproClient({ baseUrl: base, apiKey: TRAINING_PPRO_KEY, timeoutMs: options.timeoutMs });
    return { base, client };
  };
  const control = async <T>(path: string): Promise<T> => {
    const { base } = await started();
    const response = await fetch(base + path, { signal: AbortSignal.timeout(options.timeoutMs) });
    if (!response.ok) throw new Error(`The PPRO simulator answered ${response.status} to ${path}`);
    return (await response.json()) as T;
  };
  return {
    client: lazyClient(async () => (await started()).client),
    webhooksUrl: options.webhooksUrl,
    get maxChargeCents() {
      return maximum;
    },
    async now() {
      const [clock, settings] = await Promise.all([
        control<{ now: string }>('/_sim/clock'),
        control<{ maxAmount: number }>('/_sim/settings'),
      ]);
      maximum = settings.maxAmount;
      return Date.parse(clock.now);
    },
  };
}

export interface LivePproSettings {
  baseUrl: string;
  merchantId: string;
  maxChargeCents: number | null;
}

/** Live: the merchant's PPRO account from the station's settings, the key from the secret store. */
export function livePpro(
  settings: LivePproSettings,
  station: { apiKey: string; webhooksUrl: string | null; timeoutMs: number; now: () => number },
): PproRuntime {
  const { baseUrl, merchantId } = settings;
  const { apiKey, timeoutMs } = station;
  return {
    client: createPproClient({ baseUrl, apiKey, merchantId, timeoutMs }),
    webhooksUrl: station.webhooksUrl,
    maxChargeCents: settings.maxChargeCents,
    now: () => Promise.resolve(station.now()),
  };
}

/** A client whose every call first waits for the real one (the simulator starting on first use). */
function lazyClient(get: () => Promise<PproClient>): PproClient {
  return {
    createAgreement: async (request, key) => (await get()).createAgreement(request, key),
    getAgreement: async (id) => (await get()).getAgreement(id),
    revokeAgreement: async (id, key) => (await get()).revokeAgreement(id, key),
    createCharge: async (id, request, key) => (await get()).createCharge(id, request, key),
    getCharge: async (id) => (await get()).getCharge(id),
    listCharges: async (id) => (await get()).listCharges(id),
    refundCharge: async (id, amount, key) => (await get()).refundCharge(id, amount, key),
  };
}
