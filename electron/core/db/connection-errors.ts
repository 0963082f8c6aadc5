/*
 * One judge of "the connection failed, not the statement": the station's storage guard answers
 * DATABASE_UNREACHABLE for it (storage-errors.ts), and a PostgreSQL write is retried on it
 * (pg/connection-loss.ts). Errors the server reported about the statement itself never count.
 */

/** Node's words for a server that cannot be reached, or a connection that broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);
/** PostgreSQL's: connection exceptions (class 08), a server shutting down or not yet up (57P01-03), too many connections. */
const SERVER_GONE = /^(08...|57P0[123]|53300)$/;
/** pg and pg-pool say a few of these in words only. */
const GONE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** True when the error, or one it was caused by, says the database connection failed. */
export function isConnectionLoss(error: unknown): boolean {
  let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; current && depth < 6; depth += 1) {
    const code = typeof current.code === 'string' ? current.code : '';
    if (NETWORK_CODES.has(code) || SERVER_GONE.test(code)) return true;
    if (typeof current.message === 'string' && GONE_MESSAGES.test(current.message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}
