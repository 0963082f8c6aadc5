import { MAIN_PROFILE_ID } from '../../../shared/domain/payment-profiles';
import type { StoredSettings } from './settings-file';

export type StoredProfile = NonNullable<StoredSettings['paymentProfiles']>[number];

/**
 * The upgrade of a settings file written before shops had payment profiles, applied where the file is
 * read: its single `ppid` (with its key, which stays where it is, and its live state) is the first
 * shop's display profile. Once the list has been written, the file carries it and this step is done.
 * Pure, so each reader of the settings (the station, a site's shared settings) reads the same answer.
 */
export function paymentProfilesOf(stored: StoredSettings, firstShopId: string): StoredProfile[] {
  if (stored.paymentProfiles) return stored.paymentProfiles;
  if (!stored.ppid) return [];
  const liveOn = stored.mode === 'live' ? stored.environment : null;
  return [
    {
      ...{ id: MAIN_PROFILE_ID, shopId: firstShopId, kind: 'display', name: 'Display' },
      ...{ ppid: stored.ppid, iban: '', ibanVerified: false, liveOn },
    },
  ];
}
