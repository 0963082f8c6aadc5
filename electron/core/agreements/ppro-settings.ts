import type { PproSettingsView, PproTestView } from '../../../shared/contract/ppro-methods';
import { createPproClient, PproClientError } from '../ppro';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsFile } from '../settings/settings-file';
import { PPRO_API_KEY_SECRET } from './mode-ppro';

export interface PproSettingsInput {
  baseUrl: string;
  merchantId: string;
  maxChargeCents: number | null;
  apiKey?: string;
  termsVersion?: string | null;
}

/**
 * The merchant's PPRO settings (settings.json's `ppro`, the key in the secret store), set by an
 * administrator; a live mode takes them when it opens again (`changed`).
 */
export class PproSettings {
  constructor(
    private readonly deps: {
      file: SettingsFile;
      secrets: SecretStore;
      timeoutMs: number;
      changed: () => Promise<void>;
    },
  ) {}

  view(): PproSettingsView {
    const stored = this.deps.file.read();
    const hasApiKey = this.deps.secrets.get(PPRO_API_KEY_SECRET) !== null;
    const ppro = stored.ppro;
    return {
      ...{ baseUrl: ppro?.baseUrl ?? '', merchantId: ppro?.merchantId ?? '' },
      ...{ maxChargeCents: ppro?.maxChargeCents ?? null, hasApiKey },
      termsVersion: stored.agreementTermsVersion,
      configured: ppro !== null && hasApiKey,
    };
  }

  async save(input: PproSettingsInput): Promise<PproSettingsView> {
    const { baseUrl, merchantId, maxChargeCents, apiKey, termsVersion = null } = input;
    this.deps.file.update({
      ppro: { baseUrl, merchantId, maxChargeCents },
      agreementTermsVersion: termsVersion,
    });
    if (apiKey !== undefined) this.deps.secrets.set(PPRO_API_KEY_SECRET, apiKey);
    await this.deps.changed();
    return this.view();
  }

  async test(input: PproSettingsInput): Promise<PproTestView> {
    const apiKey = input.apiKey ?? this.deps.secrets.get(PPRO_API_KEY_SECRET);
    if (apiKey === null) return { ok: false, problem: 'unauthorised' };
    const { baseUrl, merchantId } = input;
    const client = createPproClient({ baseUrl, merchantId, apiKey, timeoutMs: this.deps.timeoutMs });
    try {
      await client.getAgreement('agr_kassa_connection_test');
      return { ok: false, problem: 'unexpected' };
    } catch (error) {
      if (!(error instanceof PproClientError)) return { ok: false, problem: 'unexpected' };
      if (error.status === 404) return { ok: true, problem: null };
      if (error.kind === 'unauthorised') return { ok: false, problem: 'unauthorised' };
      return { ok: false, problem: error.isTransient ? 'unreachable' : 'unexpected' };
    }
  }
}
