import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createDeliveryStore, type DeliveryStore } from './callbacks/delivery-store';
import type { OffsetStorage } from './clock';
import { createKeyStore, type KeyStore } from './jws/key-store';
import { PAYMENT_COLUMNS, fromRow, toRow, type PaymentRow } from './payment-rows';
import { createRefundStore, type RefundStore } from './refund-store';
import { migrateStore } from './store-schema';
import type { SimPayment, SimStatus } from './types';

export interface PaymentQuery {
  profileId: string;
  /** Inclusive bounds on createdAt, simulator epoch ms. */
  from: number;
  to: number;
  statuses?: readonly SimStatus[];
  reference?: string;
  limit: number;
  offset: number;
}

/** Persistence for the simulator. Every call is synchronous: better-sqlite3 is, and the HTTP layer is thin. */
export interface SimStore extends OffsetStorage {
  insertPayment(payment: SimPayment): void;
  updatePayment(payment: SimPayment): void;
  getPayment(paymentId: string): SimPayment | undefined;
  /** Newest first. */
  listPayments(): SimPayment[];
  /** Payments still open (PENDING/IDENTIFIED) whose expireAt is at or before `now`. */
  listDueForExpiry(now: number): SimPayment[];
  /** PENDING_MERCHANT_ACKNOWLEDGEMENT payments whose acknowledgement deadline is at or before `now`. */
  listDueForVoid(now: number): SimPayment[];
  /** PENDING/IDENTIFIED payments of a profile's POS, newest first. */
  listOpenAtPos(profileId: string, posId: string): SimPayment[];
  /** One page of a profile's payments, newest first, and how many match in all. */
  searchPayments(query: PaymentQuery): { total: number; payments: SimPayment[] };
  refunds: RefundStore;
  deliveries: DeliveryStore;
  keys: KeyStore;
  close(): void;
}

const OFFSET_KEY = 'clock_offset_ms';

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') {
    // The file holds the private signing keys: owner only (SQLite gives its -wal/-shm the same mode).
    chmodSync(file, 0o600);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
  }
  migrateStore(db);
  return db;
}

function searchWhere(query: PaymentQuery): { sql: string; params: unknown[] } {
  const clauses = ['profile_id = ?', 'created_at >= ?', 'created_at <= ?'];
  const params: unknown[] = [query.profileId, query.from, query.to];
  if (query.statuses !== undefined && query.statuses.length > 0) {
    clauses.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
    params.push(...query.statuses);
  }
  if (query.reference !== undefined) {
    clauses.push('reference = ?');
    params.push(query.reference);
  }
  return { sql: clauses.join(' AND '), params };
}

function paymentStatements(db: Database.Database) {
  return {
    insert: db.prepare<PaymentRow>(
      `INSERT INTO payments (${PAYMENT_COLUMNS.join(', ')}) VALUES (${PAYMENT_COLUMNS.map((c) => `@${c}`).join(', ')})`,
    ),
    update: db.prepare<PaymentRow>(
      `UPDATE payments SET ${PAYMENT_COLUMNS.slice(1)
        .map((c) => `${c} = @${c}`)
        .join(', ')} WHERE payment_id = @payment_id`,
    ),
    byId: db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE payment_id = ?'),
    all: db.prepare<[], PaymentRow>('SELECT * FROM payments ORDER BY created_at DESC, rowid DESC'),
    dueExpiry: db.prepare<[number], PaymentRow>(
      `SELECT * FROM payments WHERE status IN ('PENDING', 'IDENTIFIED') AND expire_at <= ? ORDER BY expire_at`,
    ),
    dueVoid: db.prepare<[number], PaymentRow>(
      `SELECT * FROM payments WHERE status = 'PENDING_MERCHANT_ACKNOWLEDGEMENT' AND ack_deadline_at <= ?
       ORDER BY ack_deadline_at`,
    ),
    openAtPos: db.prepare<[string, string], PaymentRow>(
      `SELECT * FROM payments WHERE profile_id = ? AND pos_id = ? AND status IN ('PENDING', 'IDENTIFIED')
       ORDER BY created_at DESC, rowid DESC`,
    ),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
  };
}

function search(db: Database.Database, query: PaymentQuery): { total: number; payments: SimPayment[] } {
  const { sql, params } = searchWhere(query);
  const count = db.prepare(`SELECT COUNT(*) AS n FROM payments WHERE ${sql}`).get(...params) as { n: number };
  const rows = db
    .prepare(`SELECT * FROM payments WHERE ${sql} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
    .all(...params, query.limit, query.offset) as PaymentRow[];
  return { total: count.n, payments: rows.map(fromRow) };
}

/** Opens (and migrates) a store; without a file the store lives in memory and dies with the simulator. */
export function openSimStore(file = ':memory:'): SimStore {
  const db = openDatabase(file);
  const s = paymentStatements(db);
  return {
    insertPayment: (p) => void s.insert.run(toRow(p)),
    updatePayment: (p) => void s.update.run(toRow(p)),
    getPayment: (id) => {
      const row = s.byId.get(id);
      return row && fromRow(row);
    },
    listPayments: () => s.all.all().map(fromRow),
    listDueForExpiry: (now) => s.dueExpiry.all(now).map(fromRow),
    listDueForVoid: (now) => s.dueVoid.all(now).map(fromRow),
    listOpenAtPos: (profileId, posId) => s.openAtPos.all(profileId, posId).map(fromRow),
    searchPayments: (query) => search(db, query),
    loadOffset: () => {
      const row = s.getMeta.get(OFFSET_KEY);
      return row ? Number(row.value) : undefined;
    },
    saveOffset: (offsetMs) => void s.setMeta.run(OFFSET_KEY, String(offsetMs)),
    refunds: createRefundStore(db),
    deliveries: createDeliveryStore(db),
    keys: createKeyStore(db),
    close: () => db.close(),
  };
}
