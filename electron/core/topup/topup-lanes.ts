import { createCallbackVerifier } from '../bancontact/callback-verifier';
import { createBancontactClient, type BancontactClient } from '../bancontact/client';
import type { Db } from '../db/open-database';
import type { StorageGuard } from '../db/storage-errors';
import type { Logger } from '../logging/logger';
import type { CallbackAnswer } from '../payments/callback-intake';
import { SearchSweep } from '../payments/search-sweep';
import type { StationCoordination } from '../site/station-coordination';
import type { TopupLedger } from './ledger';
import { TopupCallbackIntake } from './topup-callback-intake';
import type { TopupProfile } from '../settings/topup-profiles';

export interface TopupLanesOptions {
  db: Db;
  ledger: TopupLedger;
  now: () => number;
  logger: Logger;
  jwksUrl: string;
  /** Base URL Bancontact posts callbacks to (`…/callbacks/<ppid>` below it); null: sweeps alone. */
  callbackBase: string | null;
  requestTimeoutMs?: number;
  /**
   * Each profile's request budget (shared by the site's stations on PostgreSQL) and the leases that
   * make its sweep run at one station of the site (`sweep:<ppid>`).
   */
  coordination: Pick<StationCoordination, 'leases' | 'budget'>;
  /** Sent with every request (bancontact/client.ts). */
  userAgent?: string;
  /** How often each top-up profile is searched for payments a callback did not bring. */
  sweepIntervalMs?: number;
  /** The station's one judge of a full disk: sweeps and callbacks wait for space instead of failing. */
  storage?: StorageGuard;
}

/** Everything that follows one top-up profile's payments. */
interface Lane {
  profile: TopupProfile;
  client: BancontactClient;
  sweep: SearchSweep;
  intake: TopupCallbackIntake | null;
  callbackUrl: string | null;
  /** Gives up the sweep's lease. */
  giveUp: () => Promise<void>;
}

const DEFAULT_TOPUP_SWEEP_MS = 120_000;

/**
 * One client, one search sweep (at start and every couple of minutes) and one verified callback
 * intake per top-up profile. Profiles can be swapped while the station runs.
 */
export class TopupLanes {
  private lanes = new Map<string, Lane>();

  constructor(private readonly options: TopupLanesOptions) {}

  replaceProfiles(profiles: readonly TopupProfile[]): void {
    const next = new Map<string, Lane>();
    for (const profile of profiles) {
      const kept = this.lanes.get(profile.ppid);
      next.set(profile.ppid, kept && sameProfile(kept.profile, profile) ? kept : this.open(profile));
    }
    for (const [ppid, lane] of this.lanes) if (next.get(ppid) !== lane) this.stopLane(lane);
    this.lanes = next;
  }

  profiles(): TopupProfile[] {
    return [...this.lanes.values()].map((lane) => lane.profile);
  }

  clients(): ReadonlyMap<string, BancontactClient> {
    return new Map([...this.lanes].map(([ppid, lane]) => [ppid, lane.client]));
  }

  callbackUrl(ppid: string): string | null {
    return this.lanes.get(ppid)?.callbackUrl ?? null;
  }

  /** Null when no top-up profile of this mode has that PPID (or it takes no callbacks). */
  receive(ppid: string, rawBody: string, signature: string | undefined): Promise<CallbackAnswer> | null {
    return this.lanes.get(ppid)?.intake?.receive(rawBody, signature) ?? null;
  }

  /** Searches every profile now; for tests and for a manager who wants to be sure. */
  async sweepAll(windowMs = 24 * 3_600_000): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.sweep.run(windowMs)));
  }

  close(): void {
    for (const lane of this.lanes.values()) this.stopLane(lane);
    this.lanes.clear();
  }

  private stopLane(lane: Lane): void {
    lane.sweep.stop();
    void lane
      .giveUp()
      .catch((error: unknown) =>
        this.options.logger.warn(`giving up the sweep of ${lane.profile.ppid} failed: ${String(error)}`),
      );
  }

  private open(profile: TopupProfile): Lane {
    const { db, ledger, now, logger, jwksUrl, callbackBase, storage } = this.options;
    const client = createBancontactClient({
      baseUrl: profile.baseUrl,
      apiKey: profile.apiKey,
      timeoutMs: this.options.requestTimeoutMs ?? 10_000,
      limiter: this.options.coordination.budget(profile.ppid),
      userAgent: this.options.userAgent,
    });
    const sweep = new SearchSweep({
      db,
      client,
      now,
      logger,
      onSaleChanged: () => {},
      onForeignPayment: (payment) => ledger.credit(profile.ppid, payment),
      paymentStatuses: ['SUCCEEDED'],
      intervalMs: this.options.sweepIntervalMs ?? DEFAULT_TOPUP_SWEEP_MS,
      storage,
    });
    const callbackUrl = callbackBase ? `${callbackBase.replace(/\/+$/, '')}/callbacks/${profile.ppid}` : null;
    const intake = callbackUrl
      ? new TopupCallbackIntake({
          db,
          profileId: profile.ppid,
          ledger,
          now,
          logger,
          storage,
          verifier: createCallbackVerifier({ jwksUrl, ppid: profile.ppid, callbackUrl }),
        })
      : null;
    // Callbacks are taken at every station (each is booked once); the sweep runs at one station of the site.
    const giveUp = this.options.coordination.leases.hold(`sweep:${profile.ppid}`, {
      gained: (lease) => sweep.start(lease),
      lost: () => sweep.stop(),
    });
    return { profile, client, sweep, intake, callbackUrl, giveUp };
  }
}

function sameProfile(a: TopupProfile, b: TopupProfile): boolean {
  return (
    a.apiKey === b.apiKey && a.baseUrl === b.baseUrl && a.amountMode === b.amountMode && a.name === b.name
  );
}
