import { ContractFailure, type Environment, type TopupProfileView } from '../../../shared/contract';
import type { TopupAmountMode } from '../../../shared/domain/topup';
import { createBancontactClient } from '../bancontact/client';
import { BancontactError } from '../bancontact/errors';
import { assertWellFormedApiKey } from './connection-tests';
import { profileKeySecret, topupKeySecret } from './profile-keys';
import type { TopupProfile } from './topup-profiles';
import type { SecretStore } from './secret-store';
import type { SettingsFile, StoredSettings } from './settings-file';
import { paymentProfilesOf, UPGRADED_TOPUP_PREFIX, type StoredProfile } from './settings-upgrade';

export { topupKeySecret };

/** An id no payment has: GET answers 404 to a key that works and 401/403 to one that does not. */
const PROBE_PAYMENT_ID = '000000000000000000000000';

export interface TopupProfileSettingsDeps {
  file: SettingsFile;
  /** The shops of the sales setup: a top-up profile added here is the first one's. */
  shopIds: () => string[];
  secrets: SecretStore;
  environmentUrl: (environment: Environment) => string;
  /** The station's public base URL for callbacks, if any. */
  publicUrl: () => string | null;
  /** Hands the stored live profiles to the running mode (a no-op in training). */
  apply: (stored: StoredSettings) => void;
  timeoutMs?: number;
}

export interface NewTopupProfile {
  ppid: string;
  name?: string;
  amountMode: TopupAmountMode;
  apiKey: string;
}

/**
 * The settings.*TopupProfile methods, kept for the command lines and scripts that use them: they read
 * and change the shops' top-up profiles (kind `topup` in payment-profile-service.ts), which are what
 * the top-up workshop uses. A profile added here is the first shop's, live where the station is once
 * Bancontact took its key. Keys go to the secret store and never come back.
 */
export class TopupProfileSettings {
  constructor(private readonly deps: TopupProfileSettingsDeps) {}

  list(): TopupProfileView[] {
    const base = this.deps.publicUrl();
    return this.topups(this.deps.file.read()).map((p) => ({
      ...{ ppid: p.ppid, name: p.name, amountMode: p.amountMode ?? 'open' },
      apiKeyLast4: (this.deps.secrets.get(profileKeySecret(p.id)) ?? '').slice(-4),
      callbackUrl: base ? `${base.replace(/\/+$/, '')}/callbacks/${p.ppid}` : null,
    }));
  }

  /**
   * A malformed key or one Bancontact refuses is not stored; Bancontact being briefly down does not
   * block the change (the sweep picks the profile's payments up once it answers).
   */
  async add(input: NewTopupProfile): Promise<TopupProfileView[]> {
    const stored = this.deps.file.read();
    if (stored.ppid === input.ppid) {
      throw new ContractFailure('CONFLICT', 'This PPID is the till payment profile, not a top-up profile');
    }
    assertWellFormedApiKey(input.apiKey);
    await this.probe(stored, input.apiKey);
    this.deps.secrets.set(topupKeySecret(input.ppid), input.apiKey);
    const profile: StoredProfile = {
      ...{ id: `${UPGRADED_TOPUP_PREFIX}${input.ppid}`, shopId: this.deps.shopIds()[0] ?? 'shop-1' },
      ...{ kind: 'topup', name: input.name ?? `Top-up ${input.ppid}`, ppid: input.ppid },
      ...{ iban: '', ibanVerified: false, liveOn: stored.environment, amountMode: input.amountMode },
    };
    const others = this.profiles(stored).filter((p) => !(p.kind === 'topup' && p.ppid === input.ppid));
    this.write([...others, profile]);
    return this.list();
  }

  remove(ppid: string): TopupProfileView[] {
    const stored = this.deps.file.read();
    const gone = this.topups(stored).find((p) => p.ppid === ppid);
    if (!gone) throw new ContractFailure('NOT_FOUND', `No top-up profile ${ppid}`);
    this.write(this.profiles(stored).filter((p) => p !== gone));
    this.deps.secrets.delete(profileKeySecret(gone.id));
    return this.list();
  }

  private profiles(stored: StoredSettings): StoredProfile[] {
    return paymentProfilesOf(stored, this.deps.shopIds()[0] ?? 'shop-1');
  }

  private topups(stored: StoredSettings): StoredProfile[] {
    return this.profiles(stored).filter((p) => p.kind === 'topup');
  }

  private write(paymentProfiles: StoredProfile[]): void {
    this.deps.apply(this.deps.file.update({ paymentProfiles, topupProfiles: [] }));
  }

  private async probe(stored: StoredSettings, apiKey: string): Promise<void> {
    if (!stored.environment) return;
    const client = createBancontactClient({
      baseUrl: this.deps.environmentUrl(stored.environment),
      apiKey,
      timeoutMs: this.deps.timeoutMs ?? 10_000,
    });
    try {
      await client.getPayment(PROBE_PAYMENT_ID);
    } catch (error) {
      if (error instanceof BancontactError && error.isAuthFailure) {
        throw new ContractFailure('BANCONTACT_UNAUTHORIZED', 'Bancontact refused this top-up API key');
      }
    }
  }
}

/**
 * The shops' top-up profiles that went live on the station's environment (as a till's profile must,
 * till/shop-payments.ts); for the lanes and for printing outside the station (no key needed).
 */
export function liveTopupChoices(stored: StoredSettings): StoredProfile[] {
  return paymentProfilesOf(stored, 'shop-1').filter(
    (p) => p.kind === 'topup' && p.liveOn !== null && p.liveOn === stored.environment && p.amountMode,
  );
}

/** The live top-up profiles with their keys, for the runtime; a profile whose key is missing is left out. */
export function liveTopupProfiles(
  stored: StoredSettings,
  secrets: SecretStore,
  baseUrl: string,
): TopupProfile[] {
  return liveTopupChoices(stored).flatMap((p) => {
    const apiKey = secrets.get(profileKeySecret(p.id));
    const { ppid, name, amountMode = 'open' } = p;
    return apiKey ? [{ ppid, name, amountMode, apiKey, baseUrl }] : [];
  });
}
