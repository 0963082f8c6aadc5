import type Database from 'better-sqlite3';
import type { SimStatus } from '../types';

/**
 * pending: waiting for its next attempt; delivered: the merchant answered 200; dropped: a fault swallowed
 * it; rejected: an answer that is not retried; expired: the retry window closed without a 200.
 */
export type DeliveryState = 'pending' | 'delivered' | 'dropped' | 'rejected' | 'expired';
export type DeliveryKind = 'async' | 'sync';

/** One callback to one URL. Body and signature are fixed when it is queued, so retries are byte-identical. */
export interface Delivery {
  deliveryId: number;
  paymentId: string;
  profileId: string;
  status: SimStatus;
  kind: DeliveryKind;
  url: string;
  body: string;
  signature: string;
  jti: string;
  state: DeliveryState;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  lastResult?: string;
}

export type NewDelivery = Omit<Delivery, 'deliveryId' | 'attempts' | 'lastResult'>;

export interface DeliveryStore {
  insert(delivery: NewDelivery): Delivery;
  /** Records an attempt's outcome and what happens next. */
  recordAttempt(
    deliveryId: number,
    next: { state: DeliveryState; nextAttemptAt: number; result: string },
  ): void;
  /** Pending deliveries due at `now`, oldest first. */
  listDue(now: number): Delivery[];
  list(filter?: { paymentId?: string }): Delivery[];
}

interface DeliveryRow {
  delivery_id: number;
  payment_id: string;
  profile_id: string;
  status: string;
  kind: string;
  url: string;
  body: string;
  signature: string;
  jti: string;
  state: string;
  attempts: number;
  created_at: number;
  next_attempt_at: number;
  last_result: string | null;
}

function fromRow(r: DeliveryRow): Delivery {
  return {
    deliveryId: r.delivery_id,
    paymentId: r.payment_id,
    profileId: r.profile_id,
    status: r.status as SimStatus,
    kind: r.kind as DeliveryKind,
    url: r.url,
    body: r.body,
    signature: r.signature,
    jti: r.jti,
    state: r.state as DeliveryState,
    attempts: r.attempts,
    createdAt: r.created_at,
    nextAttemptAt: r.next_attempt_at,
    ...(r.last_result !== null && { lastResult: r.last_result }),
  };
}

export function createDeliveryStore(db: Database.Database): DeliveryStore {
  const insert = db.prepare(
    `INSERT INTO deliveries (payment_id, profile_id, status, kind, url, body, signature, jti, state, attempts,
       created_at, next_attempt_at)
     VALUES (@paymentId, @profileId, @status, @kind, @url, @body, @signature, @jti, @state, 0, @createdAt,
       @nextAttemptAt)`,
  );
  const byId = db.prepare<[number], DeliveryRow>('SELECT * FROM deliveries WHERE delivery_id = ?');
  const attempt = db.prepare(
    `UPDATE deliveries SET attempts = attempts + 1, state = @state, next_attempt_at = @nextAttemptAt,
       last_result = @result WHERE delivery_id = @deliveryId`,
  );
  const due = db.prepare<[number], DeliveryRow>(
    `SELECT * FROM deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY delivery_id`,
  );
  const all = db.prepare<[], DeliveryRow>('SELECT * FROM deliveries ORDER BY delivery_id');
  const ofPayment = db.prepare<[string], DeliveryRow>(
    'SELECT * FROM deliveries WHERE payment_id = ? ORDER BY delivery_id',
  );
  return {
    insert(delivery) {
      const { lastInsertRowid } = insert.run(delivery);
      return fromRow(byId.get(Number(lastInsertRowid))!);
    },
    recordAttempt: (deliveryId, next) => void attempt.run({ deliveryId, ...next }),
    listDue: (now) => due.all(now).map(fromRow),
    list: (filter = {}) =>
      (filter.paymentId === undefined ? all.all() : ofPayment.all(filter.paymentId)).map(fromRow),
  };
}
