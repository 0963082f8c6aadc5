import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Which path told the station each payment was SUCCEEDED (callback, poll, sweep), read from its
 * event log once it has stopped: the proof that a figure measured the path it claims to.
 */
export function successSources(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, 'training.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("select source, count(*) n from payment_events where to_status = 'SUCCEEDED' group by source")
      .all() as Array<{ source: string; n: number }>;
    return Object.fromEntries(rows.map((row) => [row.source, row.n]));
  } finally {
    db.close();
  }
}

/** e.g. `callback 50` or `poll 498, sweep 2`. */
export const describeSources = (sources: Record<string, number>): string =>
  Object.entries(sources)
    .map(([source, n]) => `${source} ${n}`)
    .join(', ') || 'nothing';
