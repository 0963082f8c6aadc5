import type { Db } from '../db/open-database';
import type { StorageGuard } from '../db/storage-errors';
import type { Logger } from '../logging/logger';
import type { SalesRepo } from '../sales/sales-repo';
import type { Lease } from '../site/lease';
import type { StationCoordination } from '../site/station-coordination';
import type { SearchSweep } from './search-sweep';
import type { PaymentTracker } from './tracker';
import { applyStatus, recordProblem } from './transition';

/*
 * The work on one Bancontact profile that must happen once per site (issue 12): following its open
 * payments runs at the holder of `poll:<profileId>`, its search sweep at the holder of
 * `sweep:<profileId>`. On SQLite the leases are held from the start (LocalLeases), so both run at
 * once, exactly as before there were leases. On PostgreSQL the holder follows every unfinished
 * payment of the books, also those other stations' tills created: it discovers them every `pollMs`.
 */

export interface FollowingOptions {
  coordination: StationCoordination;
  profileId: string;
  db: Db;
  repo: SalesRepo;
  tracker: PaymentTracker;
  sweep: SearchSweep;
  /** How often the holder of a shared site looks for payments other stations created. */
  discoverEveryMs: number;
  /** A creation call lasts this long at most; a payment CREATING for longer lost its station. */
  requestTimeoutMs: number;
  now: () => number;
  logger: Logger;
  storage: StorageGuard;
}

/** How often the holder looks for payments whose creating station died (a shared site only). */
const STALE_CHECK_MS = 10_000;

/**
 * Holds both leases for as long as the mode runs; resolves once the work this station got at once
 * (always on SQLite) has resumed. Answers a function that gives both up.
 */
export async function holdProfileWork(options: FollowingOptions): Promise<() => Promise<void>> {
  const { leases } = options.coordination;
  const giveUpSweep = leases.hold(`sweep:${options.profileId}`, {
    gained: (lease) => options.sweep.start(lease),
    lost: () => options.sweep.stop(),
  });
  let firstLead: Promise<void> | undefined;
  let current: Lease | null = null;
  let stopDiscovery = (): void => undefined;
  const giveUpPoll = leases.hold(`poll:${options.profileId}`, {
    gained: (lease) => {
      current = lease;
      const leading = lead(options, lease).then((stop) => {
        // Lost while resuming: the discovery it started must not outlive the lease.
        if (current === lease) stopDiscovery = stop;
        else stop();
      });
      firstLead ??= leading;
    },
    lost: () => {
      current = null;
      stopDiscovery();
      stopDiscovery = () => undefined;
      options.tracker.standDown();
    },
  });
  // On SQLite the lease was handed over inside `hold`: the payments are followed before the mode opens.
  await firstLead;
  return async () => {
    stopDiscovery();
    await Promise.all([giveUpPoll(), giveUpSweep()]);
  };
}

/** Resumes every unfinished payment, then (on a shared site) keeps discovering new ones while the lease lasts. */
async function lead(options: FollowingOptions, lease: Lease): Promise<() => void> {
  const { tracker, logger, coordination } = options;
  try {
    if (coordination.shared)
      await closeInterruptedCreations(options, options.now() - options.requestTimeoutMs);
    const resumed = await tracker.lead(lease);
    if (resumed > 0) logger.info(`resumed ${resumed} unfinished payment(s)`);
  } catch (error) {
    if (!options.storage.absorbs(error, 'resuming unfinished payments'))
      logger.warn(`resuming unfinished payments failed: ${String(error)}`);
  }
  return coordination.shared ? discoverWhileHeld(options, lease) : () => undefined;
}

function discoverWhileHeld(options: FollowingOptions, lease: Lease): () => void {
  let busy = false;
  let staleCheckedAt = Date.now();
  const tick = async (): Promise<void> => {
    if (busy || !lease.held) return;
    busy = true;
    try {
      if (Date.now() - staleCheckedAt >= STALE_CHECK_MS) {
        staleCheckedAt = Date.now();
        await closeInterruptedCreations(options, options.now() - options.requestTimeoutMs - STALE_CHECK_MS);
      }
      await options.tracker.discover();
    } catch (error) {
      if (!options.storage.absorbs(error, 'looking for new payments to follow'))
        options.logger.warn(`looking for new payments to follow failed: ${String(error)}`);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.discoverEveryMs);
  return () => clearInterval(timer);
}

/**
 * A payment still CREATING when its station stopped never showed a QR, so no customer can pay it; it
 * is closed as failed and the cashier can retry the sale. Alone (SQLite) every such payment at
 * start-up is one; on a shared site only one older than a creation call can last, as another station
 * may be creating it right now.
 */
export async function closeInterruptedCreations(
  options: Pick<FollowingOptions, 'db' | 'repo' | 'now' | 'storage'>,
  createdBefore = Number.POSITIVE_INFINITY,
): Promise<void> {
  const { db, repo, now } = options;
  // On a full disk they stay as they are (the station still starts), and are closed the next time.
  try {
    for (const payment of await repo.paymentsBeingCreated()) {
      if (payment.createdAt >= createdBefore) continue;
      await applyStatus(db, {
        paymentId: payment.id,
        status: 'CREATE_FAILED',
        source: 'recovery',
        at: now(),
      });
      const problem = {
        code: 'NETWORK_DOWN' as const,
        message: 'The station stopped while creating this payment',
      };
      await recordProblem(db, payment.id, problem, now());
    }
  } catch (error) {
    if (!options.storage.absorbs(error, 'closing payments a stop interrupted')) throw error;
  }
}
