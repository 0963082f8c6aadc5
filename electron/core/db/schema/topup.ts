import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A print run of wristband codes for one top-up profile. A re-issue reprints the same ids. */
export const topupBatches = sqliteTable(
  'topup_batches',
  {
    id: text('id').primaryKey(),
    /** The top-up payment profile (PPID) the codes pay into. */
    profileId: text('profile_id').notNull(),
    count: integer('count').notNull(),
    amountMode: text('amount_mode', { enum: ['open', 'modifiable', 'fixed'] }).notNull(),
    /** Printed amount (A) for modifiable and fixed codes; null for open ones. */
    amountCents: integer('amount_cents'),
    /** D in the payload, at most 35 SEPA characters. */
    description: text('description').notNull(),
    eventName: text('event_name').notNull(),
    /** PNG or JPEG bytes of the organiser's logo, printed beside each code. */
    logo: text('logo'),
    /** The payload host: pay.bancontact.net, or payconiq.com only when the organiser asks for it. */
    payloadHost: text('payload_host').notNull(),
    /** Set on a re-issue: the batch whose ids this one reprints. */
    reissueOf: text('reissue_of'),
    /** Who did it and on which device (station.sqlite's staff and devices); null before staff existed. */
    staffId: text('staff_id'),
    deviceId: text('device_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('topup_batches_created').on(t.createdAt)],
);

/** One printed wristband (or card): a closed-loop account named by its id, the payload's R. */
export const wristbands = sqliteTable(
  'wristbands',
  {
    /** The readable wristband id with its check characters, e.g. `7K2Q-9XQ4-M3PC`. */
    id: text('id').primaryKey(),
    /** The batch it was first printed in. */
    batchId: text('batch_id')
      .notNull()
      .references(() => topupBatches.id),
    /** Its place in that batch, for printing in order. */
    position: integer('position').notNull(),
    status: text('status', { enum: ['active', 'blocked', 'closed'] })
      .notNull()
      .default('active'),
    balanceCents: integer('balance_cents').notNull().default(0),
    /** When blocked and its balance moved: the wristband that took it over. */
    movedTo: text('moved_to'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('wristbands_batch_position').on(t.batchId, t.position),
    index('wristbands_balance').on(t.balanceCents),
    // The last line of defence: no code path can leave a wristband below zero.
    check('wristbands_balance_not_negative', sql`${t.balanceCents} >= 0`),
  ],
);

/**
 * Every movement on a wristband, signed (credit > 0, debit < 0). A top-up is keyed by its Bancontact
 * paymentId, unique, so the same payment seen by callback and by sweep is credited once.
 */
export const wristbandEntries = sqliteTable(
  'wristband_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    wristbandId: text('wristband_id')
      .notNull()
      .references(() => wristbands.id),
    // `credit`: a sale's wristband debit given back (a refund or a cancelled sale, db/schema/refunds.ts).
    kind: text('kind', {
      enum: ['topup', 'debit', 'transfer_in', 'transfer_out', 'refund', 'credit'],
    }).notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** The top-up's Bancontact paymentId; null for other kinds. */
    bancontactId: text('bancontact_id').unique(),
    /** The till sale a debit paid for. */
    saleId: text('sale_id'),
    /** The payer, for top-ups: first name as Bancontact reports it (masked IBAN is not kept). */
    payerName: text('payer_name'),
    /** Who did it and on which device (station.sqlite's staff and devices); null before staff existed. */
    staffId: text('staff_id'),
    deviceId: text('device_id'),
    at: integer('at').notNull(),
  },
  (t) => [index('wristband_entries_wristband').on(t.wristbandId, t.at)],
);

/** A top-up payment that could not be credited: unknown or malformed R, a closed or blocked wristband. Never dropped. */
export const topupAttention = sqliteTable('topup_attention', {
  bancontactId: text('bancontact_id').primaryKey(),
  profileId: text('profile_id').notNull(),
  reference: text('reference'),
  amountCents: integer('amount_cents').notNull(),
  reason: text('reason', {
    enum: ['unknown_reference', 'malformed_reference', 'wristband_closed', 'wristband_blocked'],
  }).notNull(),
  receivedAt: integer('received_at').notNull(),
  /** Set when a manager credited it to a wristband by hand, or marked it dealt with. */
  resolvedAt: integer('resolved_at'),
  resolvedTo: text('resolved_to'),
  /** Who credited it by hand (or marked it dealt with) and on which device. */
  resolvedByStaffId: text('resolved_by_staff_id'),
  resolvedByDeviceId: text('resolved_by_device_id'),
});

/** A refund proposed for a wristband's remaining balance, to one of its payers' IBAN. */
export const wristbandRefunds = sqliteTable(
  'wristband_refunds',
  {
    id: text('id').primaryKey(),
    wristbandId: text('wristband_id')
      .notNull()
      .references(() => wristbands.id),
    /** The top-up payment whose payer gets the money back. */
    bancontactId: text('bancontact_id').notNull(),
    amountCents: integer('amount_cents').notNull(),
    creditorName: text('creditor_name'),
    iban: text('iban'),
    status: text('status', { enum: ['waiting_iban', 'ready', 'exported'] }).notNull(),
    /** Why the IBAN is not there yet, e.g. REFUND_NOT_AVAILABLE. */
    problem: text('problem'),
    exportId: text('export_id'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    // One refund still to be paid per wristband; exported ones stay listed beside it (a top-up after a
    // refund file makes a second refund for the same wristband).
    uniqueIndex('wristband_refunds_open_wristband')
      .on(t.wristbandId)
      .where(sql`${t.status} != 'exported'`),
    index('wristband_refunds_status').on(t.status),
  ],
);

/** A SEPA credit transfer file (pain.001.001.09) handed to the organiser's bank. */
export const refundExports = sqliteTable('refund_exports', {
  id: text('id').primaryKey(),
  messageId: text('message_id').notNull().unique(),
  count: integer('count').notNull(),
  totalCents: integer('total_cents').notNull(),
  xml: text('xml').notNull(),
  csv: text('csv').notNull(),
  /** Who made the refund file and on which device. */
  staffId: text('staff_id'),
  deviceId: text('device_id'),
  createdAt: integer('created_at').notNull(),
});
