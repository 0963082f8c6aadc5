import Database from 'better-sqlite3';
import type { OffsetStorage } from '../simulator/clock';
import type { Agreement, Charge, Webhook } from './types';

/** A stored answer of one idempotent request: replayed as is for the same key and body. */
export interface StoredAnswer {
  hash: string;
  status: number;
  body: string;
}

/**
 * The PPRO simulator's own SQLite store (not Kassa's books): documents as JSON, so a restart with the same
 * file keeps agreements, charges, answers to idempotent requests, webhooks and the clock.
 */
export interface PproStore extends OffsetStorage {
  putAgreement(agreement: Agreement): void;
  getAgreement(id: string): Agreement | undefined;
  /** The agreement whose SCAN_CODE payload this is (what the consumer's app read from the QR code). */
  agreementByCode(codePayload: string): Agreement | undefined;
  putCharge(charge: Charge): void;
  getCharge(id: string): Charge | undefined;
  /** Oldest first. */
  chargesOf(agreementId: string): Charge[];
  /** Charges with a refund still pending. */
  chargesWithPendingRefunds(): Charge[];
  getAnswer(merchantId: string, key: string): StoredAnswer | undefined;
  putAnswer(merchantId: string, key: string, answer: StoredAnswer): void;
  putWebhook(webhook: Webhook): void;
  /** Oldest first. */
  listWebhooks(): Webhook[];
  /** Webhooks still to be delivered, oldest first. */
  pendingWebhooks(): Webhook[];
  close(): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS agreements (id TEXT PRIMARY KEY, code TEXT NOT NULL, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS charges (id TEXT PRIMARY KEY, agreement_id TEXT NOT NULL, pending_refund INTEGER NOT NULL,
    doc TEXT NOT NULL);
  CREATE INDEX IF NOT EXISTS charges_agreement ON charges (agreement_id);
  CREATE TABLE IF NOT EXISTS answers (merchant_id TEXT NOT NULL, key TEXT NOT NULL, hash TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (merchant_id, key));
  CREATE TABLE IF NOT EXISTS webhooks (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

type Doc = { doc: string };

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // A stored charge must survive the simulator's own crash as it survives the station's.
    db.pragma('synchronous = FULL');
  }
  db.exec(SCHEMA);
  return db;
}

const scanCode = (a: Agreement) =>
  a.authenticationMethods.find((m) => m.type === 'SCAN_CODE')?.details.codePayload ?? '';

/** Upserts keep each row's rowid, so "oldest first" stays the order of creation. */
class SqlitePproStore implements PproStore {
  constructor(private readonly db: Database.Database) {}

  private first<T>(sql: string, ...params: string[]): T | undefined {
    const row = this.db.prepare<string[], Doc>(sql).get(...params);
    return row === undefined ? undefined : (JSON.parse(row.doc) as T);
  }

  private all<T>(sql: string, ...params: string[]): T[] {
    return this.db
      .prepare<string[], Doc>(sql)
      .all(...params)
      .map((row) => JSON.parse(row.doc) as T);
  }

  putAgreement(a: Agreement): void {
    this.db
      .prepare(
        `INSERT INTO agreements (id, code, doc) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, doc = excluded.doc`,
      )
      .run(a.id, scanCode(a), JSON.stringify(a));
  }

  getAgreement = (id: string) => this.first<Agreement>('SELECT doc FROM agreements WHERE id = ?', id);
  agreementByCode = (code: string) =>
    this.first<Agreement>('SELECT doc FROM agreements WHERE code = ?', code);

  putCharge(c: Charge): void {
    const pending = c.refunds.some((r) => r.status === 'REFUND_PENDING') ? 1 : 0;
    this.db
      .prepare(
        `INSERT INTO charges (id, agreement_id, pending_refund, doc) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET pending_refund = excluded.pending_refund, doc = excluded.doc`,
      )
      .run(c.id, c.agreementId, pending, JSON.stringify(c));
  }

  getCharge = (id: string) => this.first<Charge>('SELECT doc FROM charges WHERE id = ?', id);
  chargesOf = (agreementId: string) =>
    this.all<Charge>('SELECT doc FROM charges WHERE agreement_id = ? ORDER BY rowid', agreementId);
  chargesWithPendingRefunds = () => this.all<Charge>('SELECT doc FROM charges WHERE pending_refund = 1');

  getAnswer(merchantId: string, key: string): StoredAnswer | undefined {
    return this.db
      .prepare<[string, string], StoredAnswer>(
        'SELECT hash, status, body FROM answers WHERE merchant_id = ? AND key = ?',
      )
      .get(merchantId, key);
  }

  putAnswer(merchantId: string, key: string, answer: StoredAnswer): void {
    this.db
      .prepare('INSERT INTO answers (merchant_id, key, hash, status, body) VALUES (?, ?, ?, ?, ?)')
      .run(merchantId, key, answer.hash, answer.status, answer.body);
  }

  putWebhook(w: Webhook): void {
    this.db
      .prepare(
        'INSERT INTO webhooks (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
      )
      .run(w.id, JSON.stringify(w));
  }

  listWebhooks = () => this.all<Webhook>('SELECT doc FROM webhooks ORDER BY rowid');
  pendingWebhooks = () =>
    this.all<Webhook>(
      "SELECT doc FROM webhooks WHERE json_extract(doc, '$.state') = 'PENDING' ORDER BY rowid",
    );

  loadOffset(): number | undefined {
    const row = this.db
      .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'clock_offset_ms'")
      .get();
    return row === undefined ? undefined : Number(row.value);
  }

  saveOffset(offset: number): void {
    this.db
      .prepare(
        `INSERT INTO meta (key, value) VALUES ('clock_offset_ms', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run(String(offset));
  }

  close(): void {
    this.db.close();
  }
}

export function openPproStore(file = ':memory:'): PproStore {
  return new SqlitePproStore(openDatabase(file));
}
