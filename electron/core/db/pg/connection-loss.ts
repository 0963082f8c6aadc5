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
