import { ContractFailure, type Environment, type TopupProfileView } from '../../../shared/contract';
import type { TopupAmountMode } from '../../../shared/domain/topup';
import { createBancontactClient } from '../bancontact/client';
import { BancontactError } from '../bancontact/errors';
import { assertWellFormedApiKey } from './connection-tests';
import type { TopupProfile } from './topup-profiles';
import type { SecretStore } from './secret-store';
import type { SettingsFile, StoredSettings } from './settings-file';

/** Each live top-up profile's key has its own entry in the station's secret store. */
export const topupKeySecret = (ppid: string): string => `bancontact.topup.${ppid}.apiKey`;

/** An id no payment has: GET answers 404 to a key that works and 401/403 to one that does not. */
const PROBE_PAYMENT_ID = '000000000000000000000000';

export interface TopupProfileSettingsDeps {
  file: SettingsFile;
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

/** The live top-up profiles: stored without their keys, which go to the secret store and never come back. */
export class TopupProfileSettings {
  constructor(private readonly deps: TopupProfileSettingsDeps) {}

  list(): TopupProfileView[] {
    const base = this.deps.publicUrl();
    return this.deps.file.read().topupProfiles.map((p) => ({
      ...p,
      apiKeyLast4: (this.deps.secrets.get(topupKeySecret(p.ppid)) ?? '').slice(-4),
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
    const profile = {
      ppid: input.ppid,
      name: input.name ?? `Top-up ${input.ppid}`,
      amountMode: input.amountMode,
    };
    const others = stored.topupProfiles.filter((p) => p.ppid !== input.ppid);
    this.deps.apply(this.deps.file.update({ topupProfiles: [...others, profile] }));
    return this.list();
  }

  remove(ppid: string): TopupProfileView[] {
    const stored = this.deps.file.read();
    if (!stored.topupProfiles.some((p) => p.ppid === ppid)) {
      throw new ContractFailure('NOT_FOUND', `No top-up profile ${ppid}`);
    }
    this.deps.apply(
      this.deps.file.update({ topupProfiles: stored.topupProfiles.filter((p) => p.ppid !== ppid) }),
    );
    this.deps.secrets.delete(topupKeySecret(ppid));
    return this.list();
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

/** The live top-up profiles with their keys, for the runtime; a profile whose key is missing is left out. */
export function liveTopupProfiles(
  stored: StoredSettings,
  secrets: SecretStore,
  baseUrl: string,
): TopupProfile[] {
  return stored.topupProfiles.flatMap((p) => {
    const apiKey = secrets.get(topupKeySecret(p.ppid));
    return apiKey ? [{ ...p, apiKey, baseUrl }] : [];
  });
}
