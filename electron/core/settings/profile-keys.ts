import { MAIN_PROFILE_ID } from '../../../shared/domain/payment-profiles';
import {
  TRAINING_DISPLAY_PROFILE,
  TRAINING_SHOP_DISPLAY_PROFILES,
  TRAINING_TOPUP_FIXED_PROFILE,
  TRAINING_TOPUP_MODIFIABLE_PROFILE,
  TRAINING_TOPUP_PROFILE,
  type SimProfile,
} from '../simulator';
import { UPGRADED_TOPUP_PREFIX, type StoredProfile } from './settings-upgrade';

/** The secret store entry of today's single key, which the first shop's display profile keeps. */
export const API_KEY_SECRET = 'bancontact.apiKey';

/** The entry a top-up profile of an older settings file kept its key in (and keeps it in). */
export const topupKeySecret = (ppid: string): string => `bancontact.topup.${ppid}.apiKey`;

/** Each profile's key has its own entry in the secret store; never in settings.json, never returned. */
export function profileKeySecret(profileId: string): string {
  if (profileId === MAIN_PROFILE_ID) return API_KEY_SECRET;
  if (profileId.startsWith(UPGRADED_TOPUP_PREFIX)) {
    return topupKeySecret(profileId.slice(UPGRADED_TOPUP_PREFIX.length));
  }
  return `bancontact.profile.${profileId}.apiKey`;
}

/**
 * The simulator profile a display profile trains on: the station's first one on the training display
 * profile, the others, in the order they were added, on the simulator's shop display profiles; a
 * top-up profile on the training top-up profile of its amount mode. Null for stickers, or past the
 * simulator's last one.
 */
export function trainingProfileOf(profiles: StoredProfile[], profileId: string): SimProfile | null {
  if (profileId === MAIN_PROFILE_ID) return TRAINING_DISPLAY_PROFILE;
  const topup = profiles.find((p) => p.id === profileId && p.kind === 'topup');
  // In training the workshop prints for the training profile of the same amount mode.
  if (topup) return TRAINING_TOPUPS.find((t) => t.topupAmountMode === topup.amountMode) ?? null;
  const others = profiles.filter((p) => p.kind === 'display' && p.id !== MAIN_PROFILE_ID);
  const index = others.findIndex((p) => p.id === profileId);
  return index < 0 ? null : (TRAINING_SHOP_DISPLAY_PROFILES[index] ?? null);
}

const TRAINING_TOPUPS = [TRAINING_TOPUP_PROFILE, TRAINING_TOPUP_MODIFIABLE_PROFILE, TRAINING_TOPUP_FIXED_PROFILE];
