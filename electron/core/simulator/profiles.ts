import type { JWK } from 'jose';

/**
 * Product profiles (PPIDs) the simulator knows. Each profile has its own API key, as at Bancontact: the key
 * identifies the profile, so the merchant never sends a profile id.
 */
export type SimProfileType = 'display' | 'sticker' | 'topup';

/** How a top-up code's amount is decided (set by Bancontact support at product creation). */
export type TopupAmountMode = 'open' | 'modifiable' | 'fixed';

/** The merchant's public keys for signed requests (refunds): inline, or the URL the merchant hosts them at. */
export type MerchantJwks = { keys: JWK[] } | string;

export interface SimProfile {
  /** Payment profile id: 24 hex characters. */
  ppid: string;
  apiKey: string;
  merchantId: string;
  /** Company name shown to the payer and returned as `creditor.name`. */
  name: string;
  iban: string;
  type: SimProfileType;
  /** Lifetime of a payment created on this profile (120 s for in-store products at Bancontact). */
  expirySeconds: number;
  /** Profile-level default for `callbackUrl`, used when a create request gives none (and for top-ups). */
  callbackUrl?: string;
  /** Profile-level default for `identifyCallbackUrl`. */
  identifyCallbackUrl?: string;
  /** VOID mode: a confirmed payment waits in PENDING_MERCHANT_ACKNOWLEDGEMENT for `acknowledge`. */
  voidMode?: boolean;
  /** Simulator seconds to wait for `acknowledge` before the payment is VOIDED (default 60). */
  voidTimeoutSeconds?: number;
  /** Sync callbacks: the merchant's answer to the AUTHORIZED callback decides SUCCEEDED or FAILED. */
  syncCallbacks?: boolean;
  /** Top-up profiles only; default `open`. */
  topupAmountMode?: TopupAmountMode;
  /** Sticker profiles only: the posIds printed on this profile's stickers (listed by the CLI). */
  posIds?: readonly string[];
  /** Enables refunds: signed refund requests must verify against these keys. */
  merchantJwks?: MerchantJwks;
  /** Simulator seconds after success before refundIban stops answering REFUND_NOT_AVAILABLE (default 0). */
  refundIbanDelaySeconds?: number;
}

const TRAINING_MERCHANT_ID = 'ca55a0000000000000000100';
const TRAINING_MERCHANT_NAME = 'Kassa Training Shop';
// A checksum-valid Belgian IBAN (the well-known ECBS example), so IBAN validators in the till accept it.
const TRAINING_IBAN = 'BE68539007547034';

/**
 * The training merchant's request-signing key. Published on purpose, like the training API keys: it
 * only ever signs refunds sent to a simulator, and lets training mode and tests exercise signed refunds.
 */
export const TRAINING_MERCHANT_SIGNING_KEY: Readonly<JWK> = Object.freeze({
  kty: 'EC',
  crv: 'P-256',
  kid: 'kassa-training-merchant-1',
  alg: 'ES256',
  x: 'TcvuzgR2Ra_S4NGcfC9oW9ATULsD0rW4gx_suXTWDFM',
  y: 'DTpBigw2WQpL3QlKkzYroJRgqUubvySzjAwTlRPRHlc',
  d: 'R8l0WlYNC6nOmfLeE8S3wNDfOhVcnX4M94KuscK--c8',
});

const { d: _private, ...TRAINING_MERCHANT_PUBLIC_KEY } = TRAINING_MERCHANT_SIGNING_KEY;
const TRAINING_MERCHANT_JWKS: MerchantJwks = Object.freeze({
  keys: [{ ...TRAINING_MERCHANT_PUBLIC_KEY, use: 'sig' }],
});

/**
 * Bancontact's API keys all have one 36-character, UUID-like form (some client libraries check it), so
 * the training keys have it too. Kassa itself never checks a key's length.
 */
const trainingProfile = (suffix: string, type: SimProfileType, apiKey: string) => ({
  ppid: `ca55a00000000000000000${suffix}`,
  apiKey,
  merchantId: TRAINING_MERCHANT_ID,
  name: TRAINING_MERCHANT_NAME,
  iban: TRAINING_IBAN,
  type,
  expirySeconds: 120,
});

/**
 * Kassa's training mode talks to a local simulator with this profile. The values are fixed so that a
 * standalone simulator (`npm run simulator`) and the station agree without any configuration.
 */
export const TRAINING_DISPLAY_PROFILE: SimProfile = Object.freeze({
  ...trainingProfile('01', 'display', 'ca55a000-7a1e-4d15-8000-000000000001'),
  merchantJwks: TRAINING_MERCHANT_JWKS,
});

export const TRAINING_STICKER_PROFILE: SimProfile = Object.freeze({
  ...trainingProfile('02', 'sticker', 'ca55a000-7a1e-4d15-8000-000000000002'),
  posIds: Object.freeze(['POS00001', 'POS00002']),
  merchantJwks: TRAINING_MERCHANT_JWKS,
});

/** Open-amount top-up (wristbands): the payer types the amount. */
export const TRAINING_TOPUP_PROFILE: SimProfile = Object.freeze({
  ...trainingProfile('03', 'topup', 'ca55a000-7a1e-4d15-8000-000000000003'),
  topupAmountMode: 'open',
});

export const TRAINING_TOPUP_MODIFIABLE_PROFILE: SimProfile = Object.freeze({
  ...trainingProfile('04', 'topup', 'ca55a000-7a1e-4d15-8000-000000000004'),
  topupAmountMode: 'modifiable',
});

export const TRAINING_TOPUP_FIXED_PROFILE: SimProfile = Object.freeze({
  ...trainingProfile('05', 'topup', 'ca55a000-7a1e-4d15-8000-000000000005'),
  topupAmountMode: 'fixed',
});

/**
 * Training stand-ins for the display profiles of further shops, in the order they were added: a
 * station's second shop trains on the first of these. Fixed, like the others, so that a standalone
 * simulator knows them without being told.
 */
export const TRAINING_SHOP_DISPLAY_PROFILES: readonly SimProfile[] = Object.freeze(
  Array.from({ length: 8 }, (_, i) =>
    Object.freeze({
      ...trainingProfile(String(11 + i), 'display', `ca55a000-7a1e-4d15-8000-0000000000${11 + i}`),
      merchantJwks: TRAINING_MERCHANT_JWKS,
    }),
  ),
);

export const DEFAULT_PROFILES: readonly SimProfile[] = Object.freeze([
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_FIXED_PROFILE,
  ...TRAINING_SHOP_DISPLAY_PROFILES,
]);

export interface ProfileRegistry {
  list(): readonly SimProfile[];
  byApiKey(apiKey: string): SimProfile | undefined;
  byPpid(ppid: string): SimProfile | undefined;
}

/** Indexes already validated profiles (see `validateProfiles`). */
export function createProfileRegistry(profiles: readonly SimProfile[]): ProfileRegistry {
  const byKey = new Map<string, SimProfile>();
  const byId = new Map<string, SimProfile>();
  for (const profile of profiles) {
    if (byId.has(profile.ppid)) throw new Error(`Duplicate simulator profile ppid ${profile.ppid}`);
    // The key itself is never echoed: a misconfigured real key must not land in a log.
    if (byKey.has(profile.apiKey))
      throw new Error(`Two simulator profiles share an apiKey (${profile.ppid})`);
    byId.set(profile.ppid, profile);
    byKey.set(profile.apiKey, profile);
  }
  const all = Object.freeze([...profiles]);
  return {
    list: () => all,
    byApiKey: (apiKey) => byKey.get(apiKey),
    byPpid: (ppid) => byId.get(ppid.toLowerCase()),
  };
}
