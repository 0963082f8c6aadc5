/*
 * Many stations, one ledger: what the stations of a site on PostgreSQL coordinate through the database
 * itself. The station wires them in station-coordination.ts (leases and each profile's request budget),
 * payments/once-per-site.ts (polling and sweeps at the lease holder), site-event-relay.ts (events between
 * stations, at the core's root) and station-site-settings.ts (shared settings). docs/site-setup.md
 * explains the set-up.
 */
export { coordinationPool, type CoordinationOptions } from './coordination-pool';
export { LocalLeases, type Lease, type Leases, type LeaseWatch } from './lease';
export { DEFAULT_LEASE_TIMING, SiteLeases, type LeaseTiming } from './site-leases';
export { SiteRateBudget, type RateBudgetOptions, type RequestBudget } from './site-rate-budget';
export {
  notifyIn,
  SITE_EVENT_CHANNEL,
  SiteEvents,
  type SiteEvent,
  type SiteEventsOptions,
} from './site-events';
