import { join } from 'node:path';
import { startPproSimulatorServer, type PproSimulatorServer } from '../ppro-simulator';
import type { StoredSettings } from '../settings/settings-file';
import type { SecretStore } from '../settings/secret-store';
import { livePpro, pproWebhooksUrl, trainingPpro } from './ppro-station';
import type { PproRuntime } from './ppro-runtime';

/** The merchant's PPRO API key in the station's secret store (never in settings.json, never returned). */
export const PPRO_API_KEY_SECRET = 'ppro.apiKey';

/** What StationPpro takes of the station's configuration (station-config.ts; this folder is below it). */
export interface PproConfig {
  dataDir: string;
  pproSimulatorUrl: string | null;
  publicUrl: string | null;
  secrets: SecretStore;
  timings: { requestTimeoutMs: number };
  now: () => number;
}

/**
 * Decides each opening mode's PPRO (runtime-host.ts): training talks to the configured PPRO simulator or
 * to one embedded in the station, started on first use only (every test station opens training mode);
 * live talks to the merchant's PPRO account when its settings and key are there, else to none.
 */
export class StationPpro {
  private embedded: Promise<PproSimulatorServer> | null = null;
  /** The merchant's terms version as last saved (null: Kassa's default); agreements sold read it. */
  termsVersion: string | null = null;

  constructor(private readonly config: PproConfig) {}

  forMode(mode: 'training' | 'live', stored: StoredSettings, localUrl: string | null): PproRuntime | null {
    const { config } = this;
    const timeoutMs = config.timings.requestTimeoutMs;
    if (mode === 'training') {
      // The simulator is on this machine: it may post webhooks to the HTTP shell over plain http.
      const webhooksUrl = pproWebhooksUrl(localUrl ?? config.publicUrl ?? stored.publicUrl);
      return trainingPpro({ simulatorUrl: () => this.simulatorUrl(), webhooksUrl, timeoutMs });
    }
    const apiKey = config.secrets.get(PPRO_API_KEY_SECRET);
    if (!stored.ppro || apiKey === null) return null;
    const webhooksUrl = pproWebhooksUrl(config.publicUrl ?? stored.publicUrl);
    return livePpro(stored.ppro, { apiKey, webhooksUrl, timeoutMs, now: config.now });
  }

  /** Training's PPRO simulator: the configured one, or the embedded one with its store in the data folder. */
  async simulatorUrl(): Promise<string> {
    if (this.config.pproSimulatorUrl) return this.config.pproSimulatorUrl;
    // Its own file, so training agreements and their charges survive a restart like real ones.
    const storeFile = join(this.config.dataDir, 'ppro-simulator.sqlite');
    this.embedded ??= startPproSimulatorServer({ port: 0, storeFile });
    try {
      return (await this.embedded).baseUrl;
    } catch (error) {
      this.embedded = null;
      throw error;
    }
  }

  async close(): Promise<void> {
    const embedded = this.embedded;
    this.embedded = null;
    if (embedded) await (await embedded.catch(() => null))?.close();
  }
}
