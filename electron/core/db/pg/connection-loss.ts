import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { isConnectionLoss } from '../connection-errors';

/*
 * A write whose connection was lost may or may not have committed: the COMMIT may have reached the
 * server and only its answer been lost. Such a write is retried with the same unit id, and the unit's
 * receipt (postgres-store.ts) makes the retry answer instead of booking twice. Errors the server
 * reported (a constraint, a refused Z change) are never retried: the transaction surely rolled back
 * and the same work would fail the same way.
 */

/** Long enough to ride out a server restart or a failover of the database address; then the error stands. */
const RETRY_FOR_MS = 15_000;

/** Runs `attempt` with one unit id until it answers, retrying while only the connection failed. */
export async function retriedOnceOnly<T>(
  attempt: (unitId: string, retry: boolean) => Promise<T>,
): Promise<T> {
  const unitId = randomUUID();
  const started = Date.now();
  for (let delay = 50, retry = false; ; delay = Math.min(delay * 2, 1_000), retry = true) {
    try {
      return await attempt(unitId, retry);
    } catch (error) {
      if (!isConnectionLoss(error) || Date.now() - started > RETRY_FOR_MS) throw error;
      await sleep(delay);
    }
  }
}

/**
 * How long a read keeps trying other connections. Long enough to pass the pool's connections that a
 * server restart left dead (each fails once and is dropped), short enough that a server that is really
 * down is said within a second.
 */
const READ_RETRY_FOR_MS = 1_000;

/**
 * Runs a read until it answers, trying again while only the connection failed. A read changes nothing,
 * so trying it again is always safe; without this, the first read after a server restart meets a
 * connection of the pool that died with the old server, and a cashier's sale is refused for nothing.
 */
export async function retriedRead<T>(attempt: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let delay = 0; ; delay = Math.min(delay * 2 || 25, 200)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isConnectionLoss(error) || Date.now() - started > READ_RETRY_FOR_MS) throw error;
      await sleep(delay);
    }
  }
}
