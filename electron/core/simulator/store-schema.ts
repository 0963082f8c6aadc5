import type Database from 'better-sqlite3';

/**
 * Ordered, append-only migrations; `PRAGMA user_version` records how many ran. New slices (refunds, POS
 * payments, callbacks) add an entry here instead of editing an old one, so existing store files keep working.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE payments (
     payment_id TEXT PRIMARY KEY,
     profile_id TEXT NOT NULL,
     status TEXT NOT NULL,
     amount INTEGER NOT NULL,
     currency TEXT NOT NULL,
     description TEXT,
     reference TEXT,
     bulk_id TEXT,
     callback_url TEXT,
     identify_callback_url TEXT,
     return_url TEXT,
     creditor_merchant_id TEXT NOT NULL,
     creditor_name TEXT NOT NULL,
     creditor_iban TEXT NOT NULL,
     debtor_name TEXT,
     debtor_iban TEXT,
     created_at INTEGER NOT NULL,
     expire_at INTEGER NOT NULL,
     succeeded_at INTEGER,
     updated_at INTEGER NOT NULL
   );
   CREATE INDEX payments_profile_created ON payments (profile_id, created_at);
   CREATE INDEX payments_open_expiry ON payments (status, expire_at);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];

export function migrateStore(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  if (applied > MIGRATIONS.length) {
    throw new Error(
      `Simulator store is newer (schema ${applied}) than this simulator (schema ${MIGRATIONS.length})`,
    );
  }
  const pending = MIGRATIONS.slice(applied);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const sql of pending) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}
