import { desc, lt } from 'drizzle-orm';
import { addDays, localTime, type DayNumber } from '../../../shared/domain/business-day';
import type { Db, Tx } from '../db/open-database';
import { zReports } from '../db/schema';
import { readIn } from './read-in';

/** Which raw table a booking comes from; each Z remembers the highest id of each. */
export type MarkKind = 'event' | 'entry' | 'cash' | 'refund';

const MARK_COLUMN = {
  event: zReports.eventMark,
  entry: zReports.entryMark,
  cash: zReports.cashMark,
  refund: zReports.refundMark,
} as const;

/**
 * A business day is the Brussels calendar day, except that nothing lands in a day that a Z has
 * closed: after the Z of day D, later bookings belong to D + 1 at the earliest.
 */
export function dayAfterClosing(localDay: DayNumber, lastClosed: DayNumber | null): DayNumber {
  return lastClosed !== null && localDay <= lastClosed ? addDays(lastClosed, 1) : localDay;
}

export async function lastClosedDay(db: Db | Tx): Promise<DayNumber | null> {
  const [z] = await readIn(db, (q) =>
    q.select({ day: zReports.businessDay }).from(zReports).orderBy(desc(zReports.number)).limit(1),
  );
  return z?.day ?? null;
}

/** The business day open at `at`: what "today" means for the summaries, X and Z. */
export async function currentBusinessDay(db: Db | Tx, at: number): Promise<DayNumber> {
  return dayAfterClosing(localTime(at).day, await lastClosedDay(db));
}

/**
 * The day a raw row (a payment's final event, a wristband entry, a cash tender) counts in. A row
 * belongs after the last Z whose mark is below its id, so the answer is the same when the row is
 * written and when a rebuild reads it back years later, whatever the clocks did.
 */
export async function businessDayOf(
  db: Db | Tx,
  kind: MarkKind,
  rowId: number,
  at: number,
): Promise<DayNumber> {
  const [z] = await readIn(db, (q) =>
    q
      .select({ day: zReports.businessDay })
      .from(zReports)
      .where(lt(MARK_COLUMN[kind], rowId))
      .orderBy(desc(zReports.number))
      .limit(1),
  );
  return dayAfterClosing(localTime(at).day, z?.day ?? null);
}

interface ZMarks {
  day: DayNumber;
  event: number;
  entry: number;
  cash: number;
  refund: number;
}

/** The same rule as businessDayOf, for a rebuild that reads a million rows: every Z in memory. */
export class ZCalendar {
  private constructor(private readonly zs: ZMarks[]) {}

  static async load(db: Db | Tx): Promise<ZCalendar> {
    const rows = await readIn(db, (q) => q.select().from(zReports).orderBy(zReports.number));
    return new ZCalendar(
      rows.map((z) => ({
        ...{ day: z.businessDay, event: z.eventMark, entry: z.entryMark },
        ...{ cash: z.cashMark, refund: z.refundMark },
      })),
    );
  }

  dayOf(kind: MarkKind, rowId: number, at: number): DayNumber {
    // Marks never decrease with the Z number: binary search for the last Z whose mark is below rowId.
    let low = 0;
    let high = this.zs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.zs[mid]![kind] < rowId) low = mid + 1;
      else high = mid;
    }
    return dayAfterClosing(localTime(at).day, low === 0 ? null : this.zs[low - 1]!.day);
  }
}
