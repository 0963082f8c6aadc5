import type { RebuildView } from '../../../shared/contract/report-views';
import { localTime } from '../../../shared/domain/business-day';
import type { Db, SqliteDb, Tx } from '../db/open-database';
import { sql } from 'drizzle-orm';
import { cursorRows } from '../db/dialect';
import { rawRows } from '../db/raw';
import { SqliteStore } from '../db/unit-of-work';
import { transactions } from '../db/schema';
import { storedChargeBookings } from '../agreements/charge-booking';
import { attributeLegacySales } from '../ledger/attribution';
import { contributions, type Booking } from '../ledger/booking';
import { dayAfterClosing, lastClosedDay, ZCalendar } from '../ledger/business-calendar';
import {
  CASH_ROWS,
  ENTRY_ROWS,
  PAYMENT_ROWS,
  cashBooking,
  entryBooking,
  paymentBooking,
  type CashRaw,
  type DayResolver,
  type EntryRaw,
  type PaymentRaw,
} from '../ledger/raw-bookings';
import { REFUND_ROWS, refundBooking, type RefundRaw } from '../ledger/refund-bookings';
import { backfillVatParts } from './vat-backfill';
import { replaceVatParts } from '../ledger/transaction-vat';
import {
  replaceTablesIn,
  snapshotDifferences,
  totalsSnapshot,
  totalsSnapshotIn,
  TotalsAccumulator,
} from './totals-accumulator';

const FINAL =
  "('SUCCEEDED', 'AUTHORIZATION_FAILED', 'FAILED', 'CANCELLED', 'EXPIRED', 'VOIDED', 'CREATE_FAILED')";
const MISSING = (prefix: string, id: string) =>
  `NOT EXISTS (SELECT 1 FROM transactions t WHERE t.source = '${prefix}:' || ${id})`;

/**
 * Recomputes the running totals from the raw rows (payments and their events, cash tenders, wristband
 * entries) and says how many totals rows differed. Rows of the transactions list that a raw row lacks
 * (data from before the reports existed) are added first. One transaction: readers see the old
 * totals or the new ones, never a half-written mix. On SQLite the raw rows are read and the totals
 * written through better-sqlite3 itself, inside the unit of work; on PostgreSQL the raw rows come
 * through a cursor of the unit's transaction and the totals go back a few thousand rows per INSERT.
 */
export async function rebuildTotals(db: Db): Promise<RebuildView> {
  const started = performance.now();
  return db.write(async (tx) => {
    await attributeLegacySales(db);
    const days = await resolver(tx);
    const engine = db instanceof SqliteStore ? sqliteEngine(db) : unitEngine(tx);
    const rowsAdded = await backfill(tx, await engine.missing(days));
    const before = await engine.snapshot();
    const sums = new TotalsAccumulator();
    let bookings = 0;
    for await (const booking of engine.bookings(days)) {
      const parts = contributions(booking);
      if (parts.length === 0) continue;
      for (const c of parts) sums.add(c);
      bookings++;
    }
    // Charges on payment agreements count as booked (agreements/charge-booking.ts).
    for (const booking of await storedChargeBookings(tx)) {
      for (const c of contributions(booking)) sums.add(c);
      bookings++;
    }
    await engine.replace(sums);
    // Rows from before VAT per rate was kept get their parts once (the bookings above computed the same).
    await backfillVatParts(tx);
    const differences = snapshotDifferences(before, await engine.snapshot());
    return { bookings, rowsAdded, differences, tookMs: Math.round(performance.now() - started) };
  });
}

/** How a rebuild reads the raw rows and writes the totals on one engine. */
interface RebuildEngine {
  /** Bookings whose row in the transactions list is missing (read in full: they are few). */
  missing(days: DayResolver): Promise<Booking[]>;
  /** Every final booking, streamed. */
  bookings(days: DayResolver): AsyncIterable<Booking> | Iterable<Booking>;
  replace(sums: TotalsAccumulator): Promise<void>;
  snapshot(): Promise<Map<string, string>>;
}

async function resolver(q: Tx): Promise<DayResolver> {
  const calendar = await ZCalendar.load(q);
  const lastClosed = await lastClosedDay(q);
  return {
    dayOf: (kind, rowId, at) => calendar.dayOf(kind, rowId, at),
    openDay: (at) => dayAfterClosing(localTime(at).day, lastClosed),
  };
}

const QUERIES = {
  final: `${PAYMENT_ROWS} WHERE p.status IN ${FINAL}`,
  missingPayments: `${PAYMENT_ROWS} WHERE ${MISSING('p', 'p.id')}`,
  missingCash: `${CASH_ROWS} WHERE ${MISSING('c', 's.id')}`,
  missingEntries: `${ENTRY_ROWS} AND ${MISSING('e', 'e.id')}`,
  missingRefunds: `${REFUND_ROWS} WHERE ${MISSING('r', 'r.id')}`,
};

/** SQLite: better-sqlite3's statements on the unit's connection; nothing but one row at a time is held. */
function sqliteEngine(db: SqliteDb): RebuildEngine {
  const client = db.client;
  return {
    // Read first, then write: better-sqlite3 runs no statement while an iterator is open.
    missing: (days) =>
      Promise.resolve([
        ...(client.prepare(QUERIES.missingPayments).all() as PaymentRaw[]).map((r) =>
          paymentBooking(r, days),
        ),
        ...(client.prepare(QUERIES.missingCash).all() as CashRaw[]).map((r) => cashBooking(r, days)),
        ...(client.prepare(QUERIES.missingEntries).all() as EntryRaw[]).map((r) => entryBooking(r, days)),
        ...(client.prepare(QUERIES.missingRefunds).all() as RefundRaw[]).map((r) => refundBooking(r, days)),
      ]),
    bookings: function* (days) {
      for (const raw of client.prepare(QUERIES.final).iterate())
        yield paymentBooking(raw as PaymentRaw, days);
      for (const raw of client.prepare(CASH_ROWS).iterate()) yield cashBooking(raw as CashRaw, days);
      for (const raw of client.prepare(ENTRY_ROWS).iterate()) yield entryBooking(raw as EntryRaw, days);
      for (const raw of client.prepare(REFUND_ROWS).iterate()) yield refundBooking(raw as RefundRaw, days);
    },
    replace: (sums) => Promise.resolve(sums.replaceTables(db)),
    snapshot: () => Promise.resolve(totalsSnapshot(db)),
  };
}

/** PostgreSQL: the same queries, read through a cursor of the unit's transaction. */
function unitEngine(tx: Tx): RebuildEngine {
  const all = <T>(text: string) => rawRows<T>(tx, sql.raw(text));
  const stream = <T>(text: string) => cursorRows<T>(tx, sql.raw(text));
  return {
    missing: async (days) => [
      ...(await all<PaymentRaw>(QUERIES.missingPayments)).map((r) => paymentBooking(r, days)),
      ...(await all<CashRaw>(QUERIES.missingCash)).map((r) => cashBooking(r, days)),
      ...(await all<EntryRaw>(QUERIES.missingEntries)).map((r) => entryBooking(r, days)),
      ...(await all<RefundRaw>(QUERIES.missingRefunds)).map((r) => refundBooking(r, days)),
    ],
    bookings: async function* (days) {
      for await (const rows of stream<PaymentRaw>(QUERIES.final))
        yield* rows.map((r) => paymentBooking(r, days));
      for await (const rows of stream<CashRaw>(CASH_ROWS)) yield* rows.map((r) => cashBooking(r, days));
      for await (const rows of stream<EntryRaw>(ENTRY_ROWS)) yield* rows.map((r) => entryBooking(r, days));
      for await (const rows of stream<RefundRaw>(REFUND_ROWS)) yield* rows.map((r) => refundBooking(r, days));
    },
    replace: (sums) => replaceTablesIn(sums, tx),
    snapshot: () => totalsSnapshotIn(tx),
  };
}

async function backfill(tx: Tx, missing: Booking[]): Promise<number> {
  for (const { vat, ...row } of missing) {
    await tx.insert(transactions).values(row);
    // Parts may outlive their row (a list cleared by hand): they are written again, not added.
    await replaceVatParts(tx, row.source, vat);
  }
  return missing.length;
}
