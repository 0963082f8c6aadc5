/*
 * Many stations, one ledger: what the stations of a site on PostgreSQL coordinate through the database
 * itself. Not wired into the station yet; for the wiring, on PostgreSQL:
 *
 *   const pool = coordinationPool({ url: siteUrl, applicationName });   // the site database
 *   const leases = new SiteLeases(pool, stationName);                     // on SQLite: new LocalLeases()
 *   const giveUp = leases.hold(`poll:${profileId}`, { gained: (lease) => poller.start(lease), lost: () => poller.stop() });
 *   //   the poller checks `lease.held` before each round, and `await lease.confirm()` before rare, costly work
 *   const limiter = new SiteRateBudget(pool, profileId, leases.holder, { maxRequestMs: requestTimeoutMs + 1_000 });
 *   //   on SQLite: new RateLimiter(); both are a RequestBudget (bancontact/client.ts's `limiter` option
 *   //   is typed as the RateLimiter class and needs widening to RequestBudget)
 *   const events = new SiteEvents({ url: booksUrl, station: stationName });   // emits 'event', 'down', 'resync'
 *   await events.start();
 *   await db.write(async (tx) => { …; await notifyIn(tx, events.self, 'sale', saleId); });   // sent on commit
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
