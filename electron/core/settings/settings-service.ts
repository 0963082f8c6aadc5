import {
  ContractFailure,
  type ConnectionCheck,
  type Environment,
  type SettingsView,
} from '../../../shared/contract';
import type { Locale } from '../../../shared/domain/money';
import { ConnectionTester } from './connection-tests';
import type { SecretStore } from './secret-store';
import type { SettingsFile, StoredSettings } from './settings-file';

import { API_KEY_SECRET } from './profile-keys';

export { API_KEY_SECRET };

export interface SettingsDeps {
  file: SettingsFile;
  secrets: SecretStore;
  environmentUrl: (environment: Environment) => string;
  /** Switches the station to the mode now stored. */
  switchMode: (next: StoredSettings) => Promise<void>;
  /** Throws PAYMENT_OPEN while the till has a payment that is not finished. */
  assertNoOpenPayment: () => Promise<void>;
  onChanged: (view: SettingsView) => void;
  /** The callback URL the current runtime uses, or null when it polls alone. */
  currentCallbackUrl: () => string | null;
  timeoutMs?: number;
  /** The station's clock: a passed connection test counts for going live for 10 minutes of it. */
  now?: () => number;
  /** Shared with the shops' payment profiles, so one rule decides what goes live. */
  tester?: ConnectionTester;
  /** What else changes when these credentials go live (the first shop's display profile follows them). */
  goingLive?: (input: { environment: Environment; ppid: string }) => Partial<StoredSettings>;
}

/** Mode, language and Bancontact credentials. The API key goes in, never out. */
export class SettingsService {
  readonly tester: ConnectionTester;

  constructor(private readonly deps: SettingsDeps) {
    this.tester =
      deps.tester ??
      new ConnectionTester({
        environmentUrl: deps.environmentUrl,
        timeoutMs: deps.timeoutMs,
        now: deps.now ?? Date.now,
      });
  }

  view(): SettingsView {
    const stored = this.deps.file.read();
    const key = this.deps.secrets.get(API_KEY_SECRET);
    return {
      mode: stored.mode,
      environment: stored.environment,
      ppid: stored.ppid,
      apiKeyLast4: key ? key.slice(-4) : null,
      hasCredentials: key !== null,
      locale: stored.locale,
      publicUrl: stored.publicUrl,
      callbackUrl: this.deps.currentCallbackUrl(),
      stickerPosId: stored.stickerPosId,
    };
  }

  setLocale(locale: Locale): SettingsView {
    this.deps.file.update({ locale });
    return this.changed();
  }

  async testConnection(input: {
    environment: Environment;
    ppid: string;
    apiKey?: string;
  }): Promise<ConnectionCheck> {
    const apiKey = input.apiKey ?? this.deps.secrets.get(API_KEY_SECRET);
    if (!apiKey) throw new ContractFailure('NOT_CONFIGURED', 'No API key has been entered yet');
    await this.tester.test({ ...input, apiKey });
    return { environment: input.environment, ok: true };
  }

  /**
   * Only credentials that just passed *Test connection* go live: a failed or missing test would leave
   * the till live with every sale failing. The test is not repeated here, so what the manager saw pass
   * is exactly what is used.
   */
  async goLive(input: { environment: Environment; ppid: string; apiKey: string }): Promise<SettingsView> {
    this.tester.assertPassed(input);
    await this.deps.assertNoOpenPayment();
    this.deps.secrets.set(API_KEY_SECRET, input.apiKey);
    const { environment, ppid } = input;
    const following = this.deps.goingLive?.({ environment, ppid }) ?? {};
    await this.deps.switchMode(this.deps.file.update({ ...following, mode: 'live', environment, ppid }));
    return this.changed();
  }

  /** Changing where callbacks go, or how this till takes payments, restarts the mode's runtime. */
  async setPublicUrl(publicUrl: string | null): Promise<SettingsView> {
    await this.deps.assertNoOpenPayment();
    await this.deps.switchMode(this.deps.file.update({ publicUrl: publicUrl?.replace(/\/+$/, '') ?? null }));
    return this.changed();
  }

  async setStickerPosId(stickerPosId: string | null): Promise<SettingsView> {
    await this.deps.assertNoOpenPayment();
    await this.deps.switchMode(this.deps.file.update({ stickerPosId }));
    return this.changed();
  }

  async useTraining(): Promise<SettingsView> {
    await this.deps.assertNoOpenPayment();
    await this.deps.switchMode(this.deps.file.update({ mode: 'training' }));
    return this.changed();
  }

  private changed(): SettingsView {
    const next = this.view();
    this.deps.onChanged(next);
    return next;
  }
}
