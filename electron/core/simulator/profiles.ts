/**
 * Product profiles (PPIDs) the simulator knows. Each profile has its own API key, as at Bancontact: the key
 * identifies the profile, so the merchant never sends a profile id.
 */
export type SimProfileType = 'display' | 'sticker' | 'topup';

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
  /** Profile-level default for `callbackUrl`, used when a create request gives none. */
  callbackUrl?: string;
}

const TRAINING_MERCHANT_ID = 'ca55a0000000000000000100';
const TRAINING_MERCHANT_NAME = 'Kassa Training Shop';
// A checksum-valid Belgian IBAN (the well-known ECBS example), so IBAN validators in the till accept it.
const TRAINING_IBAN = 'BE68539007547034';

/**
 * Kassa's training mode talks to a local simulator with this profile. The values are fixed so that a
 * standalone simulator (`npm run simulator`) and the station agree without any configuration.
 */
export const TRAINING_DISPLAY_PROFILE: SimProfile = Object.freeze({
  ppid: 'ca55a0000000000000000001',
  apiKey: 'training-display-key-kassa-sim-00001',
  merchantId: TRAINING_MERCHANT_ID,
  name: TRAINING_MERCHANT_NAME,
  iban: TRAINING_IBAN,
  type: 'display',
  expirySeconds: 120,
});

export const TRAINING_STICKER_PROFILE: SimProfile = Object.freeze({
  ppid: 'ca55a0000000000000000002',
  apiKey: 'training-sticker-key-kassa-sim-00002',
  merchantId: TRAINING_MERCHANT_ID,
  name: TRAINING_MERCHANT_NAME,
  iban: TRAINING_IBAN,
  type: 'sticker',
  expirySeconds: 120,
});

export const TRAINING_TOPUP_PROFILE: SimProfile = Object.freeze({
  ppid: 'ca55a0000000000000000003',
  apiKey: 'training-topup-key-kassa-sim-00003',
  merchantId: TRAINING_MERCHANT_ID,
  name: TRAINING_MERCHANT_NAME,
  iban: TRAINING_IBAN,
  type: 'topup',
  expirySeconds: 120,
});

export const DEFAULT_PROFILES: readonly SimProfile[] = Object.freeze([
  TRAINING_DISPLAY_PROFILE,
  TRAINING_STICKER_PROFILE,
  TRAINING_TOPUP_PROFILE,
]);

export interface ProfileRegistry {
  list(): readonly SimProfile[];
  byApiKey(apiKey: string): SimProfile | undefined;
  byPpid(ppid: string): SimProfile | undefined;
}

const PPID = /^[0-9a-f]{24}$/i;

function assertValidProfile(profile: SimProfile): void {
  if (!PPID.test(profile.ppid))
    throw new Error(`Simulator profile ppid must be 24 hex characters: ${profile.ppid}`);
  // The key itself is never echoed: a misconfigured real key must not land in a log.
  if (profile.apiKey.length === 0) throw new Error(`Simulator profile ${profile.ppid} has an empty apiKey`);
  if (!Number.isInteger(profile.expirySeconds) || profile.expirySeconds <= 0) {
    throw new Error(`Simulator profile ${profile.ppid} needs a positive whole expirySeconds`);
  }
}

/** Validates the profiles once, up front, so a bad configuration fails at start-up and not on a request. */
export function createProfileRegistry(profiles: readonly SimProfile[]): ProfileRegistry {
  const byKey = new Map<string, SimProfile>();
  const byId = new Map<string, SimProfile>();
  for (const profile of profiles) {
    assertValidProfile(profile);
    if (byId.has(profile.ppid)) throw new Error(`Duplicate simulator profile ppid ${profile.ppid}`);
    if (byKey.has(profile.apiKey))
      throw new Error(`Two simulator profiles share an apiKey (${profile.ppid})`);
    byId.set(profile.ppid, profile);
    byKey.set(profile.apiKey, profile);
  }
  const all = Object.freeze([...profiles]);
  return {
    list: () => all,
    byApiKey: (apiKey) => byKey.get(apiKey),
    byPpid: (ppid) => byId.get(ppid),
  };
}
