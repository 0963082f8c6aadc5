import type Database from 'better-sqlite3';

export type RefundStatus = 'PENDING' | 'REFUNDED' | 'FAILED';

/** A refund as stored. Times are simulator epoch ms. */
export interface SimRefund {
  refundId: string;
  paymentId: string;
  profileId: string;
  idempotencyKey: string;
  /** The request parameters the key was first used with; a reuse with others is a conflict. */
  fingerprint: string;
  status: RefundStatus;
  amount: number;
  currency: 'EUR';
  description?: string;
  createdAt: number;
  /** When a PENDING refund becomes REFUNDED on its own. */
  settleAt: number;
}

export interface RefundStore {
  insert(refund: SimRefund): void;
  setStatus(refundId: string, status: RefundStatus): void;
  get(refundId: string): SimRefund | undefined;
  byIdempotencyKey(profileId: string, key: string): SimRefund | undefined;
  listForPayment(paymentId: string): SimRefund[];
}

interface RefundRow {
  refund_id: string;
  payment_id: string;
  profile_id: string;
  idempotency_key: string;
  fingerprint: string;
  status: string;
  amount: number;
  currency: string;
  description: string | null;
  created_at: number;
  settle_at: number;
}

function fromRow(r: RefundRow): SimRefund {
  return {
    refundId: r.refund_id,
    paymentId: r.payment_id,
    profileId: r.profile_id,
    idempotencyKey: r.idempotency_key,
    fingerprint: r.fingerprint,
    status: r.status as RefundStatus,
    amount: r.amount,
    currency: 'EUR',
    ...(r.description !== null && { description: r.description }),
    createdAt: r.created_at,
    settleAt: r.settle_at,
  };
}

export function createRefundStore(db: Database.Database): RefundStore {
  const insert = db.prepare(
    `INSERT INTO refunds (refund_id, payment_id, profile_id, idempotency_key, fingerprint, status, amount,
       currency, description, created_at, settle_at)
     VALUES (@refundId, @paymentId, @profileId, @idempotencyKey, @fingerprint, @status, @amount, @currency,
       @description, @createdAt, @settleAt)`,
  );
  const setStatus = db.prepare<[string, string]>('UPDATE refunds SET status = ? WHERE refund_id = ?');
  const byId = db.prepare<[string], RefundRow>('SELECT * FROM refunds WHERE refund_id = ?');
  const byKey = db.prepare<[string, string], RefundRow>(
    'SELECT * FROM refunds WHERE profile_id = ? AND idempotency_key = ?',
  );
  const forPayment = db.prepare<[string], RefundRow>(
    'SELECT * FROM refunds WHERE payment_id = ? ORDER BY created_at, rowid',
  );
  return {
    insert: (refund) => void insert.run({ description: null, ...refund }),
    setStatus: (refundId, status) => void setStatus.run(status, refundId),
    get: (refundId) => {
      const row = byId.get(refundId);
      return row && fromRow(row);
    },
    byIdempotencyKey: (profileId, key) => {
      const row = byKey.get(profileId, key);
      return row && fromRow(row);
    },
    listForPayment: (paymentId) => forPayment.all(paymentId).map(fromRow),
  };
}
