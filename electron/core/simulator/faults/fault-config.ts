import { z } from 'zod';

const rate = z.number().min(0).max(1);

/**
 * The faults one scope (everything, or one profile) has switched on. Rates are probabilities per request
 * or per callback, drawn from the seeded generator; 1 means always, 0, null or absent means never.
 */
export const faultSettingsSchema = z.strictObject({
  /** Real-time delay added to every merchant API answer. */
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  /** 500 TECHNICAL_ERROR. */
  errorRate: rate.optional(),
  /** 503 TRY_AGAIN_LATER. */
  unavailableRate: rate.optional(),
  /** 429 once the profile's bucket is empty. */
  rateLimit: z
    .strictObject({ capacity: z.number().int().min(1), refillPerSecond: z.number().min(0) })
    .optional(),
  /** The request is never answered; it ends when the client gives up or the simulator stops. */
  hangRate: rate.optional(),
  /** The callback is recorded but never sent. */
  callbackDropRate: rate.optional(),
  /** The callback is sent more than once, byte for byte. */
  callbackDuplicateRate: rate.optional(),
  /** How many extra copies a duplicated callback gets at most (drawn 1…N); default 1, i.e. sent twice. */
  callbackDuplicateMaxCopies: z.number().int().min(1).max(5).optional(),
  /** A payment's callbacks that are due together go out newest first. */
  callbackReorderRate: rate.optional(),
  /** The signature does not verify. */
  callbackBadSignatureRate: rate.optional(),
  /** The signature is ASN.1 DER instead of raw r‖s. */
  callbackDerSignatureRate: rate.optional(),
  /** `https://payconiq.com/iat` with 6 or 9 fraction digits instead of 3. */
  callbackIatFractionDigits: z.union([z.literal(3), z.literal(6), z.literal(9)]).optional(),
});

export type FaultSettings = z.output<typeof faultSettingsSchema>;
