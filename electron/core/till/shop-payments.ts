import type { Environment } from '../../../shared/contract';
import { MAIN_PROFILE_ID } from '../../../shared/domain/payment-profiles';
import { profileKeySecret, trainingProfileOf } from '../settings/profile-keys';
import type { SecretStore } from '../settings/secret-store';
import type { StoredSettings } from '../settings/settings-file';
import { paymentProfilesOf } from '../settings/settings-upgrade';
import type { ShopPayment } from './till-profiles';

export interface ShopPaymentInput {
  stored: StoredSettings;
  secrets: Pick<SecretStore, 'get'>;
  shops: { id: string; name: string }[];
  /** The live environment; null in training, where each display profile pays on its simulator stand-in. */
  environment: Environment | null;
}

/**
 * What each shop's tills pay with. A shop with no display profile of its own, and the first shop's
 * (the station's own profile), pay with the mode's profile, as every till did before shops had
 * profiles. A shop with display profiles pays with its first live one, and with none while none is.
 */
export function shopPayments({
  stored,
  secrets,
  shops,
  environment,
}: ShopPaymentInput): Map<string, ShopPayment> {
  const profiles = paymentProfilesOf(stored, shops[0]?.id ?? 'shop-1');
  const result = new Map<string, ShopPayment>();
  for (const shop of shops) {
    const displays = profiles.filter((p) => p.shopId === shop.id && p.kind === 'display');
    if (displays.length === 0 || displays.some((p) => p.id === MAIN_PROFILE_ID)) continue;
    const usable = displays.flatMap((p): ShopPayment[] => {
      if (environment === null) {
        const stand = trainingProfileOf(profiles, p.id);
        return stand ? [{ kind: 'profile', ppid: stand.ppid, apiKey: stand.apiKey }] : [];
      }
      const apiKey = secrets.get(profileKeySecret(p.id));
      return p.liveOn === environment && apiKey ? [{ kind: 'profile', ppid: p.ppid, apiKey }] : [];
    });
    result.set(shop.id, usable[0] ?? { kind: 'none', shopName: shop.name });
  }
  return result;
}
