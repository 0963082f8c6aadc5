import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * A write whose connection was lost may or may not have committed: the COMMIT may have reached the
 * server and only its answer been lost. Such a write is retried with the same unit id, and the unit's
 * receipt (postgres-store.ts) makes the retry answer instead of booking twice. Errors the server
 * reported (a constraint, a refused Z change) are never retried: the transaction surely rolled back
 * and the same work would fail the same way.
 */

/** SQLSTATE classes and codes that mean the connection, not the statement, failed. */
const CONNECTION_STATES = /^(08|57P0[123]|53300)/;
const CONNECTION_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

export function isConnectionLoss(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_STATES.test(code) || CONNECTION_ERRORS.has(code)) return true;
    if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Long enough to ride out a server restart or a failover of the database address; then the error stands. */
const RETRY_FOR_MS = 15_000;

/** Runs `attempt` with one unit id until it answers, retrying while only the connection failed. */
export async function retriedOnceOnly<T>(attempt: (unitId: string) => Promise<T>): Promise<T> {
  const unitId = randomUUID();
  const started = Date.now();
  for (let delay = 50; ; delay = Math.min(delay * 2, 1_000)) {
    try {
      return await attempt(unitId);
    } catch (error) {
      if (!isConnectionLoss(error) || Date.now() - started > RETRY_FOR_MS) throw error;
      await sleep(delay);
    }
  }
}
