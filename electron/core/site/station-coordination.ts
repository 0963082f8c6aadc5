import { RateLimiter, type RequestBudget } from '../bancontact/rate-limiter';
import type { Logger } from '../logging/logger';
import { coordinationPool } from './coordination-pool';
import { LocalLeases, type Leases } from './lease';
import { SiteLeases, type LeaseTiming } from './site-leases';
import { SiteRateBudget } from './site-rate-budget';

/*
 * What one station shares with the other stations of its site, in one place: the leases that make work
 * happen once per site (lease.ts) and the Bancontact request budget of each profile. On SQLite the
 * station is alone: every lease is held and each profile has an in-process limiter. On PostgreSQL
 * both live in the site database, so two stations never poll one profile at once and Bancontact never
 * sees more than `perSecond` requests a second for a profile from the whole site.
 */

export interface StationCoordination {
  /** This station's name on the site (`--station-name`), in leases, events and pg_stat_activity. */
  readonly station: string;
  /** True when other stations may share the books (PostgreSQL). */
  readonly shared: boolean;
  readonly leases: Leases;
  /** The request budget of one Bancontact profile; the same object for every caller of that profile. */
  budget(profileId: string): RequestBudget;
  close(): Promise<void>;
}

export interface CoordinationConfig {
  /** The site's PostgreSQL database, or null on SQLite. */
  database: string | null;
  stationName: string;
  rateLimitPerSecond: number;
  /** The Bancontact client's timeout: the longest a place in the shared budget may stay taken. */
  requestTimeoutMs: number;
  logger: Logger;
  /** Tests shorten the lease timings (never below what site-leases.ts explains). */
  leaseTiming?: LeaseTiming;
}

export function openStationCoordination(config: CoordinationConfig): StationCoordination {
  return config.database ? siteCoordination(config, config.database) : localCoordination(config);
}

function localCoordination(config: CoordinationConfig): StationCoordination {
  const budgets = new Map<string, RequestBudget>();
  const leases = new LocalLeases();
  return {
    station: config.stationName,
    shared: false,
    leases,
    budget: (profileId) => cached(budgets, profileId, () => new RateLimiter(config.rateLimitPerSecond)),
    close: () => leases.close(),
  };
}

function siteCoordination(config: CoordinationConfig, url: string): StationCoordination {
  const pool = coordinationPool({ url, applicationName: `kassa ${config.stationName}` });
  const leases = new SiteLeases(pool, config.stationName, config.leaseTiming);
  const budgets = new Map<string, RequestBudget>();
  const options = { perSecond: config.rateLimitPerSecond, maxRequestMs: config.requestTimeoutMs + 1_000 };
  return {
    station: config.stationName,
    shared: true,
    leases,
    budget: (profileId) =>
      cached(budgets, profileId, () => new SiteRateBudget(pool, profileId, leases.holder, options)),
    close: async () => {
      await leases.close();
      await pool
        .end()
        .catch((error: unknown) => config.logger.warn(`closing site coordination: ${String(error)}`));
    },
  };
}

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}
