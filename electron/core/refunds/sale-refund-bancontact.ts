import { and, eq } from 'drizzle-orm';
import type { BancontactRefund, RefundClient } from '../bancontact/refund-client';
import { BancontactError } from '../bancontact/errors';
import { toRefundFailure } from '../bancontact/refund-errors';
import type { Db } from '../db/open-database';
import { payments, saleRefunds } from '../db/schema';
import { recordSaleRefund } from '../ledger/bookkeeper';
import type { Logger } from '../logging/logger';
import { createRefundFollower, type RefundFollower } from './refund-follower';

/*
 * A sale refund by Bancontact, after the unit of work that wrote it `pending` (give-back.ts): the
 * Refund API is asked to pay it back (signed with the merchant's key, keyed by the refund's id so a
 * retry makes no second refund), then followed until REFUNDED or FAILED, each end booked in its own
 * unit of work. Where the Refund API is off for the merchant (REFUND_BY_IBAN), the refund waits for the
 * payer's IBAN; any other refusal fails it (it then leaves the books, having moved nothing).
 */

export interface SaleRefundBancontactDeps {
  db: () => Db;
  /** The Refund API client of a payment profile (the one that took the payment). */
  client: (ppid: string) => RefundClient;
  now: () => number;
  logger: Logger;
  /** A refund's status changed (after the commit): the screens follow it. */
  changed: (saleId: string) => void;
  /** First wait before asking again, doubled up to `maxIntervalMs` (tests make it short). */
  intervalMs?: number;
  maxIntervalMs?: number;
}

const PAYMENT_OF_REFUND = { bancontactId: payments.bancontactId, ppid: payments.profileId };

interface Started {
  refundId: number;
  saleId: string;
  amountCents: number;
  bancontactId: string;
  ppid: string;
}

export class SaleRefundsAtBancontact {
  private readonly followers = new Map<string, RefundFollower>();

  constructor(private readonly deps: SaleRefundBancontactDeps) {}

  /** Asks Bancontact to pay each of these refunds back; answers once each has been asked once. */
  async start(refundIds: readonly number[]): Promise<void> {
    for (const refundId of refundIds) {
      const refund = await this.read(refundId);
      if (refund) await this.create(refund);
    }
  }

  /**
   * After a restart: follows the refunds Bancontact took and asks again for those it never answered
   * (the same Idempotency-Key finds the refund a lost answer made).
   */
  async resume(): Promise<void> {
    const rows = await this.deps.db().read((q) =>
      q
        .select({ id: saleRefunds.id, refundId: saleRefunds.bancontactRefundId, ...PAYMENT_OF_REFUND })
        .from(saleRefunds)
        .innerJoin(payments, eq(payments.id, saleRefunds.paymentId))
        .where(eq(saleRefunds.status, 'pending')),
    );
    for (const row of rows) {
      if (row.bancontactId === null) continue;
      if (row.refundId === null) await this.start([row.id]);
      else this.follower(row.ppid).follow({ paymentId: row.bancontactId, refundId: row.refundId });
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.followers.values()].map((f) => f.stop()));
    this.followers.clear();
  }

  private async read(refundId: number): Promise<Started | null> {
    const [row] = await this.deps.db().read((q) =>
      q
        .select({
          refundId: saleRefunds.id,
          saleId: saleRefunds.saleId,
          amountCents: saleRefunds.amountCents,
          ...PAYMENT_OF_REFUND,
        })
        .from(saleRefunds)
        .innerJoin(payments, eq(payments.id, saleRefunds.paymentId))
        .where(and(eq(saleRefunds.id, refundId), eq(saleRefunds.status, 'pending')))
        .limit(1),
    );
    if (!row || row.bancontactId === null) return null;
    return { ...row, bancontactId: row.bancontactId };
  }

  private async create(refund: Started): Promise<void> {
    const key = `kassa-sale-refund-${refund.refundId}`;
    try {
      const made = await this.deps
        .client(refund.ppid)
        .createRefund(refund.bancontactId, { amountCents: refund.amountCents }, key);
      await this.settle(refund.refundId, { bancontactRefundId: made.refundId });
      this.follower(refund.ppid).follow({ paymentId: refund.bancontactId, refundId: made.refundId });
    } catch (error) {
      // A timeout or 5xx leaves it pending: the next start (the same key) asks again.
      if (error instanceof BancontactError && error.isTransient) {
        this.deps.logger.warn(`sale refund ${refund.refundId} not yet asked: ${error.message}`);
        return;
      }
      const code = toRefundFailure(error).code;
      const status = code === 'REFUND_BY_IBAN' ? 'awaiting_iban' : 'failed';
      await this.settle(refund.refundId, { status, problemCode: code });
    }
    this.deps.changed(refund.saleId);
  }

  private follower(ppid: string): RefundFollower {
    let follower = this.followers.get(ppid);
    if (!follower) {
      follower = createRefundFollower({
        client: this.deps.client(ppid),
        logger: this.deps.logger,
        store: { unfinished: async () => [], finished: (ended) => this.finished(ended) },
        ...(this.deps.intervalMs !== undefined && { intervalMs: this.deps.intervalMs }),
        ...(this.deps.maxIntervalMs !== undefined && { maxIntervalMs: this.deps.maxIntervalMs }),
      });
      this.followers.set(ppid, follower);
    }
    return follower;
  }

  private async finished(ended: BancontactRefund): Promise<void> {
    const [row] = await this.deps
      .db()
      .read((q) =>
        q
          .select({ id: saleRefunds.id, saleId: saleRefunds.saleId })
          .from(saleRefunds)
          .where(eq(saleRefunds.bancontactRefundId, ended.refundId))
          .limit(1),
      );
    if (!row) return;
    const status = ended.status === 'REFUNDED' ? 'refunded' : 'failed';
    await this.settle(row.id, { status, problemCode: status === 'failed' ? 'FAILED' : null });
    this.deps.changed(row.saleId);
  }

  /** Changes the refund row and its booking in one unit of work. */
  private async settle(refundId: number, set: Partial<typeof saleRefunds.$inferInsert>): Promise<void> {
    await this.deps.db().write(async (tx) => {
      await tx
        .update(saleRefunds)
        .set({ ...set, updatedAt: this.deps.now() })
        .where(eq(saleRefunds.id, refundId));
      await recordSaleRefund(tx, refundId);
    });
  }
}
