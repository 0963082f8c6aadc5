import Database from 'better-sqlite3';
import type { OffsetStorage } from './clock';
import { migrateStore } from './store-schema';
import type { SimPayment, SimStatus } from './types';

/** Persistence for the simulator. Every call is synchronous: better-sqlite3 is, and the HTTP layer is thin. */
export interface SimStore extends OffsetStorage {
  insertPayment(payment: SimPayment): void;
  updatePayment(payment: SimPayment): void;
  getPayment(paymentId: string): SimPayment | undefined;
  /** Newest first. */
  listPayments(): SimPayment[];
  /** Payments still open (PENDING/IDENTIFIED) whose expireAt is at or before `now`. */
  listDueForExpiry(now: number): SimPayment[];
  close(): void;
}

interface PaymentRow {
  payment_id: string;
  profile_id: string;
  status: string;
  amount: number;
  currency: string;
  description: string | null;
  reference: string | null;
  bulk_id: string | null;
  callback_url: string | null;
  identify_callback_url: string | null;
  return_url: string | null;
  creditor_merchant_id: string;
  creditor_name: string;
  creditor_iban: string;
  debtor_name: string | null;
  debtor_iban: string | null;
  created_at: number;
  expire_at: number;
  succeeded_at: number | null;
  updated_at: number;
}

const COLUMNS = [
  'payment_id',
  'profile_id',
  'status',
  'amount',
  'currency',
  'description',
  'reference',
  'bulk_id',
  'callback_url',
  'identify_callback_url',
  'return_url',
  'creditor_merchant_id',
  'creditor_name',
  'creditor_iban',
  'debtor_name',
  'debtor_iban',
  'created_at',
  'expire_at',
  'succeeded_at',
  'updated_at',
] as const;

const OFFSET_KEY = 'clock_offset_ms';

function toRow(p: SimPayment): PaymentRow {
  return {
    payment_id: p.paymentId,
    profile_id: p.profileId,
    status: p.status,
    amount: p.amount,
    currency: p.currency,
    description: p.description ?? null,
    reference: p.reference ?? null,
    bulk_id: p.bulkId ?? null,
    callback_url: p.callbackUrl ?? null,
    identify_callback_url: p.identifyCallbackUrl ?? null,
    return_url: p.returnUrl ?? null,
    creditor_merchant_id: p.creditor.merchantId,
    creditor_name: p.creditor.name,
    creditor_iban: p.creditor.iban,
    debtor_name: p.debtor?.name ?? null,
    debtor_iban: p.debtor?.iban ?? null,
    created_at: p.createdAt,
    expire_at: p.expireAt,
    succeeded_at: p.succeededAt ?? null,
    updated_at: p.updatedAt,
  };
}

/** Drops absent columns instead of mapping them to `undefined` keys, so views can spread records safely. */
function fromRow(r: PaymentRow): SimPayment {
  const payment: SimPayment = {
    paymentId: r.payment_id,
    profileId: r.profile_id,
    status: r.status as SimStatus,
    amount: r.amount,
    currency: 'EUR',
    creditor: { merchantId: r.creditor_merchant_id, name: r.creditor_name, iban: r.creditor_iban },
    createdAt: r.created_at,
    expireAt: r.expire_at,
    updatedAt: r.updated_at,
  };
  if (r.description !== null) payment.description = r.description;
  if (r.reference !== null) payment.reference = r.reference;
  if (r.bulk_id !== null) payment.bulkId = r.bulk_id;
  if (r.callback_url !== null) payment.callbackUrl = r.callback_url;
  if (r.identify_callback_url !== null) payment.identifyCallbackUrl = r.identify_callback_url;
  if (r.return_url !== null) payment.returnUrl = r.return_url;
  if (r.debtor_name !== null && r.debtor_iban !== null)
    payment.debtor = { name: r.debtor_name, iban: r.debtor_iban };
  if (r.succeeded_at !== null) payment.succeededAt = r.succeeded_at;
  return payment;
}

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
  }
  migrateStore(db);
  return db;
}

/** Opens (and migrates) a store; without a file the store lives in memory and dies with the simulator. */
export function openSimStore(file = ':memory:'): SimStore {
  const db = openDatabase(file);
  const insert = db.prepare<PaymentRow>(
    `INSERT INTO payments (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const update = db.prepare<PaymentRow>(
    `UPDATE payments SET ${COLUMNS.slice(1)
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE payment_id = @payment_id`,
  );
  const byId = db.prepare<[string], PaymentRow>('SELECT * FROM payments WHERE payment_id = ?');
  const all = db.prepare<[], PaymentRow>('SELECT * FROM payments ORDER BY created_at DESC, rowid DESC');
  const due = db.prepare<[number], PaymentRow>(
    `SELECT * FROM payments WHERE status IN ('PENDING', 'IDENTIFIED') AND expire_at <= ? ORDER BY expire_at`,
  );
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    insertPayment: (p) => void insert.run(toRow(p)),
    updatePayment: (p) => void update.run(toRow(p)),
    getPayment: (id) => {
      const row = byId.get(id);
      return row && fromRow(row);
    },
    listPayments: () => all.all().map(fromRow),
    listDueForExpiry: (now) => due.all(now).map(fromRow),
    loadOffset: () => {
      const row = getMeta.get(OFFSET_KEY);
      return row ? Number(row.value) : undefined;
    },
    saveOffset: (offsetMs) => void setMeta.run(OFFSET_KEY, String(offsetMs)),
    close: () => db.close(),
  };
}
