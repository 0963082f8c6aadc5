import type { Db, Tx } from '../db/open-database';

/**
 * Reads with whatever the caller holds: the store (a read of its own, or joining the caller's unit of
 * work) or the handle of the unit of work it runs in. For the ledger's lookups that both a unit of work
 * and a plain report call.
 */
export function readIn<T>(db: Db | Tx, work: (q: Tx) => Promise<T>): Promise<T> {
  return isStore(db) ? db.read(work) : work(db);
}

function isStore(db: Db | Tx): db is Db {
  return typeof (db as Partial<Db>).write === 'function' && 'engine' in db;
}
