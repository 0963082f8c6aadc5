import { and, desc, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { formatDay, localTime } from '../../../shared/domain/business-day';
import type { Db } from '../db/open-database';
import {
  callbackRejectionTallies,
  reportTotals,
  saleRefunds,
  topupAttention,
  wristbandRefunds,
} from '../db/schema';
import { flushRejectionCounts } from '../payments/rejected-callbacks';
import { dayAfterClosing, lastClosedDay } from '../ledger/business-calendar';
import { DAY_MS, type InboxItem } from './inbox-item';

/** At most this many messages of one kind: the inbox points at the screen that lists them all. */
export const MESSAGES_PER_KIND = 20;
/** Refused callbacks and failed refunds stay in the inbox this long; their screens keep them longer. */
export const RECENT_MS = 7 * DAY_MS;

/**
 * Each profile, reason and hour of refused callbacks in the last week: one message. Read from the
 * tallies alone (not their samples, which the Settings list shows): the count is asked for often.
 */
export async function refusedCallbackItems(db: Db, now: number): Promise<InboxItem[]> {
  // The refusals still counted in memory first, as the Settings list does.
  await flushRejectionCounts(db);
  const t = callbackRejectionTallies;
  const rows = await db.read((q) =>
    q
      .select()
      .from(t)
      .where(gte(t.lastAt, now - RECENT_MS))
      .orderBy(desc(t.lastAt))
      .limit(MESSAGES_PER_KIND),
  );
  return rows.map((row) => {
    const hour = new Date(row.hourStart).toISOString();
    return {
      key: `callbacks:${row.profileId}:${row.reason}:${hour}`,
      kind: 'callbacks_refused',
      at: Number(row.lastAt),
      severity: 'error',
      facts: { count: Number(row.count), reason: row.reason, name: row.profileId },
    } satisfies InboxItem;
  });
}

/**
 * Past business days with bookings and no Z, read from the running totals (one row per day, till,
 * method and rate), never from the transactions: books can hold a million sales.
 */
export async function daysWithoutZ(db: Db, now: number): Promise<InboxItem[]> {
  return db.read(async (q) => {
    const last = await lastClosedDay(q);
    const today = dayAfterClosing(localTime(now).day, last);
    const rows = await q
      .select({
        day: reportTotals.businessDay,
        count: sql<number>`sum(${reportTotals.paidCount})`,
        cents: sql<number>`sum(${reportTotals.paidCents})`,
      })
      .from(reportTotals)
      .where(and(gt(reportTotals.businessDay, last ?? 0), lt(reportTotals.businessDay, today)))
      .groupBy(reportTotals.businessDay)
      .having(sql`sum(${reportTotals.paidCount}) > 0`)
      .orderBy(desc(reportTotals.businessDay))
      .limit(MESSAGES_PER_KIND);
    return rows.map((row) => {
      const day = formatDay(Number(row.day));
      return {
        key: `z:${day}`,
        kind: 'day_without_z',
        // The day's end in Brussels, roughly: when it became a day left without its Z.
        at: Date.parse(`${day}T23:00:00Z`),
        severity: 'warning',
        facts: { day, count: Number(row.count), amountCents: Number(row.cents) },
      } satisfies InboxItem;
    });
  });
}

/** Sale refunds Bancontact would not pay (REFUND_BY_IBAN: waiting for the payer's IBAN) or failed. */
export async function saleRefundItems(db: Db, now: number): Promise<InboxItem[]> {
  const rows = await db.read((q) =>
    q
      .select()
      .from(saleRefunds)
      .where(
        and(
          inArray(saleRefunds.status, ['awaiting_iban', 'failed']),
          gte(saleRefunds.updatedAt, now - RECENT_MS),
        ),
      )
      .orderBy(desc(saleRefunds.updatedAt))
      .limit(MESSAGES_PER_KIND),
  );
  return rows.map((row) => ({
    key: `refund:${row.id}:${row.status}`,
    kind: 'refund_waiting',
    at: row.updatedAt,
    severity: row.status === 'failed' ? 'error' : 'warning',
    facts: { amountCents: row.amountCents, name: row.saleId, reason: row.problemCode ?? row.status },
  }));
}

/** Wristband balances to pay back for which Bancontact has not given the payer's IBAN. */
export async function wristbandRefundItems(db: Db): Promise<InboxItem[]> {
  const rows = await db.read((q) =>
    q
      .select()
      .from(wristbandRefunds)
      .where(sql`${wristbandRefunds.status} = 'waiting_iban'`)
      .orderBy(desc(wristbandRefunds.updatedAt))
      .limit(MESSAGES_PER_KIND),
  );
  return rows.map((row) => ({
    key: `wristband-refund:${row.id}`,
    kind: 'wristband_refund_waiting',
    at: row.updatedAt,
    severity: 'warning',
    facts: { amountCents: row.amountCents, name: row.wristbandId, reason: row.problem ?? undefined },
  }));
}

/** Top-ups Bancontact received that could not be credited by themselves, until a manager does. */
export async function topupAttentionItems(db: Db): Promise<InboxItem[]> {
  const rows = await db.read((q) =>
    q
      .select()
      .from(topupAttention)
      .where(isNull(topupAttention.resolvedAt))
      .orderBy(desc(topupAttention.receivedAt))
      .limit(MESSAGES_PER_KIND),
  );
  return rows.map((row) => ({
    key: `topup:${row.bancontactId}`,
    kind: 'topup_attention',
    at: row.receivedAt,
    severity: 'warning',
    facts: { amountCents: row.amountCents, reason: row.reason, name: row.reference ?? undefined },
  }));
}
