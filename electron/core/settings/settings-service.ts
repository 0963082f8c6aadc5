import {
  ContractFailure,
  type ConnectionCheck,
  type Environment,
  type SettingsView,
} from '../../../shared/contract';
import type { Locale } from '../../../shared/domain/money';
import { createBancontactClient } from '../bancontact/client';
import { toContractFailure } from '../bancontact/contract-errors';
import { BancontactError } from '../bancontact/errors';
import type { SecretStore } from './secret-store';
import type { SettingsFile, StoredSettings } from './settings-file';

export const API_KEY_SECRET = 'bancontact.apiKey';

/** An id no payment has: GET answers 404 to a key that works and 401/403 to one that does not. */
const PROBE_PAYMENT_ID = '000000000000000000000000';

export interface SettingsDeps {
  file: SettingsFile;
  secrets: SecretStore;
  environmentUrl: (environment: Environment) => string;
  /** Switches the station to the mode now stored; refuses while a payment is open. */
  switchMode: (next: StoredSettings) => Promise<void>;
  assertNoOpenPayment: () => void;
  onChanged: (view: SettingsView) => void;
  timeoutMs?: number;
}

export function createSettingsService(deps: SettingsDeps) {
  const view = (): SettingsView => {
    const stored = deps.file.read();
    const key = deps.secrets.get(API_KEY_SECRET);
    return {
      mode: stored.mode,
      environment: stored.environment,
      ppid: stored.ppid,
      apiKeyLast4: key ? key.slice(-4) : null,
      hasCredentials: key !== null,
      locale: stored.locale,
    };
  };

  const changed = (): SettingsView => {
    const next = view();
    deps.onChanged(next);
    return next;
  };

  const testConnection = async (environment: Environment, apiKey: string): Promise<ConnectionCheck> => {
    const client = createBancontactClient({
      baseUrl: deps.environmentUrl(environment),
      apiKey,
      timeoutMs: deps.timeoutMs ?? 10_000,
    });
    try {
      await client.getPayment(PROBE_PAYMENT_ID);
    } catch (error) {
      if (error instanceof BancontactError && error.status === 404) return { environment, ok: true };
      throw toContractFailure(error);
    }
    return { environment, ok: true };
  };

  return {
    view,
    setLocale(locale: Locale): SettingsView {
      deps.file.update({ locale });
      return changed();
    },
    testConnection(input: {
      environment: Environment;
      ppid: string;
      apiKey?: string;
    }): Promise<ConnectionCheck> {
      const apiKey = input.apiKey ?? deps.secrets.get(API_KEY_SECRET);
      if (!apiKey) throw new ContractFailure('NOT_CONFIGURED', 'No API key has been entered yet');
      return testConnection(input.environment, apiKey);
    },
    async goLive(input: { environment: Environment; ppid: string; apiKey: string }): Promise<SettingsView> {
      deps.assertNoOpenPayment();
      try {
        await testConnection(input.environment, input.apiKey);
      } catch (error) {
        // Only a refused key blocks the switch; Bancontact being briefly down must not.
        if (error instanceof ContractFailure && error.code === 'BANCONTACT_UNAUTHORIZED') throw error;
      }
      deps.secrets.set(API_KEY_SECRET, input.apiKey);
      await deps.switchMode(
        deps.file.update({ mode: 'live', environment: input.environment, ppid: input.ppid }),
      );
      return changed();
    },
    async useTraining(): Promise<SettingsView> {
      deps.assertNoOpenPayment();
      await deps.switchMode(deps.file.update({ mode: 'training' }));
      return changed();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
