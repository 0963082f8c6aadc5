import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/*
 * Recurring Bancontact payments (issue 15, seed 004): a PPRO payment agreement the consumer authorised
 * once at a till, and the charges Kassa makes on it later without the consumer. docs/agreements.md.
 */

/**
 * One agreement: a membership or a pass paid by period (`plan`), or a wristband that tops itself up
 * when it runs low (`auto_topup`). What was sold is copied here, so a changed article never changes
 * what the consumer agreed to.
 */
export const agreements = sqliteTable(
  'agreements',
  {
    id: text('id').primaryKey(),
    /** PPRO's agreement id (`agr_…`); null only until PPRO answered its creation. */
    pproId: text('ppro_id').unique(),
    kind: text('kind', { enum: ['plan', 'auto_topup'] }).notNull(),
    /**
     * pending: waiting for the consumer; active: charged when due; failed: the consumer refused or the
     * first charge failed; revoked: by the merchant, the consumer or the end of the event (never charged
     * again); ended: a plan whose last charge was made.
     */
    status: text('status', { enum: ['pending', 'active', 'failed', 'revoked', 'ended'] }).notNull(),
    /** PPRO's own status as last read back (AUTHENTICATION_PENDING, ACTIVE, FAILED, REVOKED). */
    pproStatus: text('ppro_status'),
    shopId: text('shop_id').notNull(),
    tillId: text('till_id').notNull(),
    cashierId: text('cashier_id').notNull(),
    /** The sale at the till that sold it; its first charge pays that sale. */
    saleId: text('sale_id'),
    articleId: text('article_id'),
    /** The article's name as sold: the charges' description and the receipts' line. */
    description: text('description').notNull(),
    /** What each charge takes: a plan's price per period, an automatic top-up's amount. */
    amountCents: integer('amount_cents').notNull(),
    /** Percent, as sold; null for an automatic top-up (prepaid money carries no VAT). */
    vatRate: integer('vat_rate'),
    /** A plan's period; null for an automatic top-up. */
    period: text('period', { enum: ['week', 'month', 'quarter', 'year'] }),
    /** A plan's number of charges, the first included; null: until revoked. */
    chargeCount: integer('charge_count'),
    /** An automatic top-up's wristband and the balance below which it is topped up. */
    wristbandId: text('wristband_id'),
    thresholdCents: integer('threshold_cents'),
    consumerName: text('consumer_name').notNull(),
    /** Where each charge's receipt is sent. */
    consumerEmail: text('consumer_email'),
    /** The receipts' language: nl, fr or en. */
    consumerLocale: text('consumer_locale').notNull().default('nl'),
    /** The merchant's terms the consumer approved (seed 004), and when. */
    termsVersion: text('terms_version').notNull(),
    termsAcceptedAt: integer('terms_accepted_at').notNull(),
    /** The till's key: a double tap or a retried request finds this agreement instead of a second one. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** When the first charge was captured: a plan's periods count from it. */
    anchorAt: integer('anchor_at'),
    /** When the next charge is due; null when none is (pending, ended, revoked, auto top-up). */
    nextChargeAt: integer('next_charge_at'),
    revokedAt: integer('revoked_at'),
    revokedBy: text('revoked_by', { enum: ['merchant', 'consumer', 'event_end'] }),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('agreements_status').on(t.status, t.createdAt),
    index('agreements_due')
      .on(t.nextChargeAt)
      .where(sql`${t.status} = 'active'`),
    index('agreements_wristband')
      .on(t.wristbandId)
      .where(sql`${t.wristbandId} is not null`),
    index('agreements_sale')
      .on(t.saleId)
      .where(sql`${t.saleId} is not null`),
  ],
);

/**
 * One charge on an agreement. Its row is written before PPRO is asked, with the idempotency key sent
 * to PPRO: the agreement and its period (`<agreement id>:<period>`), so a station that dies while PPRO
 * answers asks again with the same key and gets the same charge, never a second one.
 */
export const agreementCharges = sqliteTable(
  'agreement_charges',
  {
    id: text('id').primaryKey(),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id),
    /** 0: the initial charge, paid at the till; 1, 2 …: each period (or top-up) after it. */
    period: integer('period').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** PPRO's charge id; null until PPRO answered. */
    pproChargeId: text('ppro_charge_id').unique(),
    /**
     * due: to be sent (again, after a failure, at `nextAttemptAt`); sent: asked, answer not stored yet;
     * captured; failed: given up after the retry policy; refunded: wholly (refunds add up to the amount).
     */
    status: text('status', { enum: ['due', 'sent', 'captured', 'failed', 'refunded'] }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** When the period fell due. */
    dueAt: integer('due_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    /** The last refusal as PPRO said it (its failure type and message; never a key). */
    lastError: text('last_error'),
    refundedCents: integer('refunded_cents').notNull().default(0),
    /** The latest refund's PPRO id and status (REFUND_PENDING, SUCCEEDED). */
    refundId: text('refund_id'),
    refundStatus: text('refund_status'),
    /** Set once the charge's receipt was taken by the merchant's mail server. */
    receiptMailedAt: integer('receipt_mailed_at'),
    receiptMailAttempts: integer('receipt_mail_attempts').notNull().default(0),
    receiptMailError: text('receipt_mail_error'),
    capturedAt: integer('captured_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('agreement_charges_period').on(t.agreementId, t.period),
    index('agreement_charges_waiting')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('due', 'sent')`),
    index('agreement_charges_mail')
      .on(t.capturedAt)
      .where(sql`${t.status} = 'captured' and ${t.receiptMailedAt} is null`),
  ],
);
