import { MAIN_PROFILE_ID } from '../../../shared/domain/payment-profiles';
import { TRAINING_DISPLAY_PROFILE, TRAINING_SHOP_DISPLAY_PROFILES, type SimProfile } from '../simulator';
import type { StoredProfile } from './settings-upgrade';

/** The secret store entry of today's single key, which the first shop's display profile keeps. */
export const API_KEY_SECRET = 'bancontact.apiKey';

/** Each profile's key has its own entry in the secret store; never in settings.json, never returned. */
export function profileKeySecret(profileId: string): string {
  return profileId === MAIN_PROFILE_ID ? API_KEY_SECRET : `bancontact.profile.${profileId}.apiKey`;
}

/**
 * The simulator profile a display profile trains on: the station's first one on the training display
 * profile, the others, in the order they were added, on the simulator's shop display profiles. Null
 * for other kinds, or past the simulator's last one.
 */
export function trainingProfileOf(profiles: StoredProfile[], profileId: string): SimProfile | null {
  if (profileId === MAIN_PROFILE_ID) return TRAINING_DISPLAY_PROFILE;
  const others = profiles.filter((p) => p.kind === 'display' && p.id !== MAIN_PROFILE_ID);
  const index = others.findIndex((p) => p.id === profileId);
  return index < 0 ? null : (TRAINING_SHOP_DISPLAY_PROFILES[index] ?? null);
}
