import type { RebuildView } from '../../../shared/contract/report-views';
import { localTime } from '../../../shared/domain/business-day';
import type { Db, SqliteDb, Tx } from '../db/open-database';
import { SqliteStore } from '../db/unit-of-work';
import { transactions } from '../db/schema';
import { attributeLegacySales } from '../ledger/attribution';
import { contribution, type Booking } from '../ledger/booking';
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
import { snapshotDifferences, totalsSnapshot, TotalsAccumulator } from './totals-accumulator';

const FINAL =
  "('SUCCEEDED', 'AUTHORIZATION_FAILED', 'FAILED', 'CANCELLED', 'EXPIRED', 'VOIDED', 'CREATE_FAILED')";
const MISSING = (prefix: string, id: string) =>
  `NOT EXISTS (SELECT 1 FROM transactions t WHERE t.source = '${prefix}:' || ${id})`;

/**
 * Recomputes the running totals from the raw rows (payments and their events, cash tenders, wristband
 * entries) and says how many totals rows differed. Rows of the transactions list that a raw row lacks
 * (data from before the reports existed) are added first. One transaction: readers see the old
 * totals or the new ones, never a half-written mix. The raw rows are read and the totals written
 * through better-sqlite3 itself, inside the unit of work.
 */
export async function rebuildTotals(db: Db): Promise<RebuildView> {
  if (!(db instanceof SqliteStore)) throw new Error('Rebuilding the totals on PostgreSQL comes with stage c');
  const started = performance.now();
  return db.write(async (tx) => {
    await attributeLegacySales(db);
    const days = await resolver(tx);
    const rowsAdded = await backfill(db, tx, days);
    const before = totalsSnapshot(db);
    const sums = new TotalsAccumulator();
    let bookings = 0;
    for (const booking of allBookings(db, days)) {
      const c = contribution(booking);
      if (!c) continue;
      sums.add(c);
      bookings++;
    }
    sums.replaceTables(db);
    const differences = snapshotDifferences(before, totalsSnapshot(db));
    return { bookings, rowsAdded, differences, tookMs: Math.round(performance.now() - started) };
  });
}

async function resolver(q: Tx): Promise<DayResolver> {
  const calendar = await ZCalendar.load(q);
  const lastClosed = await lastClosedDay(q);
  return {
    dayOf: (kind, rowId, at) => calendar.dayOf(kind, rowId, at),
    openDay: (at) => dayAfterClosing(localTime(at).day, lastClosed),
  };
}

/** Streams every final booking from the raw tables; nothing but one row at a time is held. */
function* allBookings(db: SqliteDb, days: DayResolver): Generator<Booking> {
  const client = db.client;
  for (const raw of client.prepare(`${PAYMENT_ROWS} WHERE p.status IN ${FINAL}`).iterate()) {
    yield paymentBooking(raw as PaymentRaw, days);
  }
  for (const raw of client.prepare(CASH_ROWS).iterate()) yield cashBooking(raw as CashRaw, days);
  for (const raw of client.prepare(ENTRY_ROWS).iterate()) yield entryBooking(raw as EntryRaw, days);
}

async function backfill(db: SqliteDb, tx: Tx, days: DayResolver): Promise<number> {
  const client = db.client;
  // Read first, then write: better-sqlite3 runs no statement while an iterator is open.
  const missing: Booking[] = [
    ...(client.prepare(`${PAYMENT_ROWS} WHERE ${MISSING('p', 'p.id')}`).all() as PaymentRaw[]).map((r) =>
      paymentBooking(r, days),
    ),
    ...(client.prepare(`${CASH_ROWS} WHERE ${MISSING('c', 's.id')}`).all() as CashRaw[]).map((r) =>
      cashBooking(r, days),
    ),
    ...(client.prepare(`${ENTRY_ROWS} AND ${MISSING('e', 'e.id')}`).all() as EntryRaw[]).map((r) =>
      entryBooking(r, days),
    ),
  ];
  for (const booking of missing) await tx.insert(transactions).values(booking);
  return missing.length;
}
