import type Database from 'better-sqlite3';

/**
 * Ordered, append-only migrations; `PRAGMA user_version` records how many ran. New features add an
 * entry here instead of editing an old one, so existing store files keep working.
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
  `ALTER TABLE payments ADD COLUMN pos_id TEXT;
   ALTER TABLE payments ADD COLUMN shop_id TEXT;
   ALTER TABLE payments ADD COLUMN shop_name TEXT;
   ALTER TABLE payments ADD COLUMN ack_deadline_at INTEGER;
   CREATE INDEX payments_pos ON payments (profile_id, pos_id, status);
   CREATE INDEX payments_profile_reference ON payments (profile_id, reference);
   CREATE TABLE refunds (
     refund_id TEXT PRIMARY KEY,
     payment_id TEXT NOT NULL REFERENCES payments (payment_id),
     profile_id TEXT NOT NULL,
     idempotency_key TEXT NOT NULL,
     fingerprint TEXT NOT NULL,
     status TEXT NOT NULL,
     amount INTEGER NOT NULL,
     currency TEXT NOT NULL,
     description TEXT,
     created_at INTEGER NOT NULL,
     settle_at INTEGER NOT NULL,
     UNIQUE (profile_id, idempotency_key)
   );
   CREATE INDEX refunds_payment ON refunds (payment_id);
   CREATE TABLE signing_keys (
     kid TEXT PRIMARY KEY,
     private_jwk TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     activates_at INTEGER NOT NULL
   );
   CREATE TABLE deliveries (
     delivery_id INTEGER PRIMARY KEY AUTOINCREMENT,
     payment_id TEXT NOT NULL,
     profile_id TEXT NOT NULL,
     status TEXT NOT NULL,
     kind TEXT NOT NULL,
     url TEXT NOT NULL,
     body TEXT NOT NULL,
     signature TEXT NOT NULL,
     jti TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL,
     created_at INTEGER NOT NULL,
     next_attempt_at INTEGER NOT NULL,
     last_result TEXT
   );
   CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);`,
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
