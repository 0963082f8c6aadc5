import { z } from 'zod';

/**
 * Behaviour knobs, one per open question of the reference (§7) where the simulator had to guess. Each has
 * the most plausible default and can be changed at start-up (`createSimulator({ settings })`) or at run
 * time (`PATCH /_sim/settings`), so a test or a trainer can try the other reading.
 */
const ms = z.number().int().min(0);

export const simSettingsSchema = z.object({
  /** Payloads on the legacy `payconiq.com` host are refused from this simulator time on; null = never. */
  legacyHostCutover: z.iso.datetime({ offset: true }).nullable(),
  /** Status a PENDING/IDENTIFIED `/pos` payment gets when a newer one for the same posId replaces it. */
  posInvalidationStatus: z.enum(['CANCELLED', 'EXPIRED']),
  /**
   * Where the IDENTIFIED callback goes: to identifyCallbackUrl when set, else callbackUrl (default); to
   * both; or to identifyCallbackUrl only (nothing when it is unset).
   */
  identifiedCallbackTargets: z.enum(['identify-or-callback', 'identify-and-callback', 'identify-only']),
  /** Which answers make a callback retry: the documented list (429, 500, 503, 504, 509) or any non-200. */
  callbackRetryOn: z.enum(['listed-statuses', 'any-non-200']),
  /** Simulator-time delays between attempts; the last one repeats. */
  callbackRetryDelaysMs: z.array(z.number().int().min(1)).min(1),
  /** Simulator time after the first attempt during which a callback is retried (24 h at Bancontact). */
  callbackRetryWindowMs: ms,
  /** Real-time wait for the merchant's answer before an attempt counts as failed (15 s at Bancontact). */
  callbackTimeoutMs: z.number().int().min(1),
  /** Real-time wait per sync-callback attempt (5 s at Bancontact). */
  syncCallbackTimeoutMs: z.number().int().min(1),
  syncCallbackAttempts: z.number().int().min(1).max(10),
  callbackUserAgent: z.string().min(1).max(200),
  /** `https://payconiq.com/iss` accepted in merchant-signed requests: the spec's literal, the merchant id, or either. */
  merchantIssuer: z.enum(['Payconiq', 'merchantId', 'either']),
  /** The spec lists the API key and a JWS request signature as alternatives for payment calls. */
  paymentAuth: z.enum(['api-key', 'api-key-or-jws']),
  /** Simulator time until a PENDING refund is REFUNDED. */
  refundProcessingMs: ms,
  /** How long a superseded signing key stays in the JWKS, so retried callbacks still verify. */
  retiredKeyRetentionMs: ms,
});

export type SimSettings = z.output<typeof simSettingsSchema>;

const HOUR = 3_600_000;

export const DEFAULT_SETTINGS: Readonly<SimSettings> = Object.freeze({
  legacyHostCutover: null,
  posInvalidationStatus: 'CANCELLED',
  identifiedCallbackTargets: 'identify-or-callback',
  callbackRetryOn: 'listed-statuses',
  // 15 s, 30 s, 1 min, 2 min, 5 min, 10 min, 30 min, 1 h, 2 h, then every 4 h until the window closes.
  callbackRetryDelaysMs: [
    15_000,
    30_000,
    60_000,
    120_000,
    300_000,
    600_000,
    1_800_000,
    HOUR,
    2 * HOUR,
    4 * HOUR,
  ],
  callbackRetryWindowMs: 24 * HOUR,
  callbackTimeoutMs: 15_000,
  syncCallbackTimeoutMs: 5_000,
  syncCallbackAttempts: 3,
  callbackUserAgent: 'Bancontact Payments/v3',
  merchantIssuer: 'either',
  paymentAuth: 'api-key-or-jws',
  refundProcessingMs: 10_000,
  // The 24 h retry window plus an hour, so the last retry of a callback signed with it still verifies.
  retiredKeyRetentionMs: 25 * HOUR,
} satisfies SimSettings);

export interface SettingsHolder {
  get(): Readonly<SimSettings>;
  /** Validates and applies a partial change; throws a ZodError on a bad value. */
  update(patch: unknown): Readonly<SimSettings>;
}

export function createSettingsHolder(initial: Partial<SimSettings> = {}): SettingsHolder {
  let current: Readonly<SimSettings> = Object.freeze(
    simSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...initial }),
  );
  return {
    get: () => current,
    update(patch) {
      const changes = simSettingsSchema.partial().strict().parse(patch);
      current = Object.freeze({ ...current, ...changes });
      return current;
    },
  };
}

/** Cut-over as epoch ms, or undefined when the legacy host is accepted for ever. */
export function legacyCutoverMs(settings: Readonly<SimSettings>): number | undefined {
  return settings.legacyHostCutover === null ? undefined : Date.parse(settings.legacyHostCutover);
}
