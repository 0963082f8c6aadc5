import { sql } from 'drizzle-orm';
import { rawRow } from './db/raw';
import type { StationHealth } from './api/station-port';
import type { RuntimeHost } from './runtime-host';

/** A database that has not answered in this long is as good as gone to a device waiting at the bar. */
const DATABASE_ANSWER_MS = 2_000;

/**
 * `GET /health` on the device listener (HAProxy's check, docs/site-setup.md): a mode runs, and its
 * books' database answers a trivial query in time. No name, address, version or count: anyone may ask.
 */
export async function stationHealth(host: Pick<RuntimeHost, 'running'>): Promise<StationHealth> {
  const runtime = host.running();
  if (!runtime) return { ok: false, state: 'not-running' };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DATABASE_ANSWER_MS)));
  try {
    const answered = runtime.db.read((q) => rawRow(q, sql`select 1 as one`)).then(() => true);
    return (await Promise.race([answered, late]))
      ? { ok: true, state: 'running' }
      : { ok: false, state: 'database-unreachable' };
  } catch {
    // The reason is the storage guard's to log when a real call meets it; a check every half second must not.
    return { ok: false, state: 'database-unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
