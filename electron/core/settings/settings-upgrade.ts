import { MAIN_PROFILE_ID } from '../../../shared/domain/payment-profiles';
import type { StoredSettings } from './settings-file';

export type StoredProfile = NonNullable<StoredSettings['paymentProfiles']>[number];

/** The id an older file's top-up profile keeps: its key stays in the secret store entry it had. */
export const UPGRADED_TOPUP_PREFIX = 'topup.';

/**
 * The upgrade of a settings file written before shops had payment profiles, applied where the file is
 * read: its single `ppid` (with its key, which stays where it is, and its live state) is the first
 * shop's display profile, and its `topupProfiles` are the first shop's top-up profiles. Writing the
 * list empties `topupProfiles` (payment-profile-service.ts), so this step is done once.
 * Pure, so each reader of the settings (the station, a site's shared settings) reads the same answer.
 */
export function paymentProfilesOf(stored: StoredSettings, firstShopId: string): StoredProfile[] {
  const profiles = stored.paymentProfiles ?? mainProfileOf(stored, firstShopId);
  const known = new Set(profiles.filter((p) => p.kind === 'topup').map((p) => p.ppid));
  // They were followed in live mode as soon as added (their key probed then): live where the station is.
  const liveOn = stored.environment;
  const upgraded = stored.topupProfiles
    .filter((p) => !known.has(p.ppid))
    .map(
      (p): StoredProfile => ({
        ...{ id: `${UPGRADED_TOPUP_PREFIX}${p.ppid}`, shopId: firstShopId, kind: 'topup', name: p.name },
        ...{ ppid: p.ppid, iban: '', ibanVerified: false, liveOn, amountMode: p.amountMode },
      }),
    );
  return [...profiles, ...upgraded];
}

function mainProfileOf(stored: StoredSettings, firstShopId: string): StoredProfile[] {
  if (!stored.ppid) return [];
  const liveOn = stored.mode === 'live' ? stored.environment : null;
  return [
    {
      ...{ id: MAIN_PROFILE_ID, shopId: firstShopId, kind: 'display', name: 'Display' },
      ...{ ppid: stored.ppid, iban: '', ibanVerified: false, liveOn },
    },
  ];
}
