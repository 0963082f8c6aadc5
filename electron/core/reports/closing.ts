import { and, desc, eq, gt, isNotNull, lt, sql } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { ReportView, ZListItem } from '../../../shared/contract/report-views';
import { formatDay, localTime, parseDay, type DayNumber } from '../../../shared/domain/business-day';
import type { Db, Tx } from '../db/open-database';
import {
  cashTenders,
  drawerSessions,
  paymentEvents,
  reportTotals,
  wristbandEntries,
  zReports,
} from '../db/schema';
import { readBookIdentity } from '../books/book-identity';
import { NO_ACTOR, actorColumns, type Actor } from '../ledger/actor';
import { currentBusinessDay, dayAfterClosing, lastClosedDay } from '../ledger/business-calendar';
import { buildReport } from './report-builder';

export interface ClosingDeps {
  db: Db;
  now: () => number;
  /**
   * Called after a Z has committed and before the close is answered: the book marker and the backup
   * listen here. `mode-runtime.ts` composes the listeners.
   */
  onDayClosed?: (zNumber: number) => void;
}

/** X snapshots and Z closings. A Z is inserted once and read back as it was; nothing updates it. */
export class Closing {
  constructor(private readonly deps: ClosingDeps) {}

  today(): DayNumber {
    return currentBusinessDay(this.deps.db, this.deps.now());
  }

  x(date: string | undefined): ReportView {
    const { db, now } = this.deps;
    const at = now();
    const today = currentBusinessDay(db, at);
    const day = date ? dayOrFail(date) : today;
    return buildReport(db, { day, kind: 'x', number: null, generatedAt: at, withOpenDrawers: day === today });
  }

  /**
   * Closes a business day with the next Z number. In one transaction: the checks, the report built
   * from the totals, and the frozen row with the marks that send every later booking to a later day.
   * `named` adds the tills' and cashiers' names as they are now: the Z keeps them (report-names.ts).
   */
  closeDay(
    date: string | undefined,
    actor: Actor = NO_ACTOR,
    named: (report: ReportView) => ReportView = (report) => report,
  ): ReportView {
    const { db, now } = this.deps;
    const report = db.transaction((tx) => {
      const at = now();
      const day = date ? dayOrFail(date) : currentBusinessDay(tx, at);
      assertClosable(tx, day, at);
      const number = nextZNumber(tx);
      const built = named(
        buildReport(tx, { day, kind: 'z', number, generatedAt: at, withOpenDrawers: false }),
      );
      tx.insert(zReports)
        .values({
          ...{ number, businessDay: day, closedAt: at, ...marks(tx), report: JSON.stringify(built) },
          ...actorColumns(actor),
        })
        .run();
      return built;
    });
    if (report.number !== null) this.deps.onDayClosed?.(report.number);
    return report;
  }

  z(number: number): ReportView {
    const row = this.deps.db.select().from(zReports).where(eq(zReports.number, number)).get();
    if (!row) throw new ContractFailure('NOT_FOUND', `No Z report number ${number}`);
    return JSON.parse(row.report) as ReportView;
  }

  /** The Z that closed `date`, or null while that day is open. */
  numberOf(date: string): number | null {
    const day = dayOrFail(date);
    return this.deps.db.select().from(zReports).where(eq(zReports.businessDay, day)).get()?.number ?? null;
  }

  /** Newest first. */
  list(limit: number, before: number | undefined): ZListItem[] {
    return this.deps.db
      .select()
      .from(zReports)
      .where(before === undefined ? undefined : lt(zReports.number, before))
      .orderBy(desc(zReports.number))
      .limit(limit)
      .all()
      .map((row) => {
        const report = JSON.parse(row.report) as ReportView;
        return {
          number: row.number,
          businessDate: formatDay(row.businessDay),
          closedAt: new Date(row.closedAt).toISOString(),
          sales: report.sales,
        };
      });
  }
}

/**
 * One above the book's last Z: the highest Z in this file, or the floor a restore or a new book set
 * (so a Z number given out before is never given out again).
 */
function nextZNumber(tx: Tx): number {
  const identity = readBookIdentity(tx);
  if (identity) return identity.lastZ + 1;
  const highest = tx
    .select({ n: sql<number | null>`max(${zReports.number})` })
    .from(zReports)
    .get()?.n;
  return (highest ?? 0) + 1;
}

function dayOrFail(date: string): DayNumber {
  const day = parseDay(date);
  if (day === null) throw new ContractFailure('INVALID_INPUT', `Not a date: ${date}`, { fields: ['date'] });
  return day;
}

function assertClosable(tx: Tx, day: DayNumber, at: number): void {
  const last = lastClosedDay(tx);
  if (last !== null && day <= last) {
    throw new ContractFailure(
      'DAY_ALREADY_CLOSED',
      `${formatDay(day)} is closed: the last Z closed ${formatDay(last)}`,
    );
  }
  const today = currentBusinessDay(tx, at);
  if (day > today)
    throw new ContractFailure(
      'DAY_NOT_STARTED',
      `${formatDay(day)} has not started; today is ${formatDay(today)}`,
    );
  const earlier = earliestUnclosed(tx, last, day);
  if (earlier !== null) {
    throw new ContractFailure(
      'EARLIER_DAY_OPEN',
      `Close ${formatDay(earlier)} first: it has sales and no Z yet`,
    );
  }
  // A drawer opened on this day or before is part of it and must be counted first; one opened for a
  // later day (the next morning's float) is not.
  const open = tx.select().from(drawerSessions).where(eq(drawerSessions.status, 'open')).all();
  const blocking = open.filter((d) => dayAfterClosing(localTime(d.openedAt).day, last) <= day);
  if (blocking.length > 0) {
    const tills = blocking.map((d) => d.tillId).join(', ');
    throw new ContractFailure('DRAWERS_OPEN', `Count and close the cash drawer of ${tills} first`);
  }
}

/** The first day after the last Z and before `day` that has bookings or a drawer count. */
function earliestUnclosed(tx: Tx, last: DayNumber | null, day: DayNumber): DayNumber | null {
  const after = last ?? 0;
  const totals = tx
    .select({ day: sql<number | null>`min(${reportTotals.businessDay})` })
    .from(reportTotals)
    .where(and(gt(reportTotals.businessDay, after), lt(reportTotals.businessDay, day)))
    .get()?.day;
  const drawers = tx
    .select({ day: sql<number | null>`min(${drawerSessions.businessDay})` })
    .from(drawerSessions)
    .where(
      and(
        isNotNull(drawerSessions.businessDay),
        gt(drawerSessions.businessDay, after),
        lt(drawerSessions.businessDay, day),
      ),
    )
    .get()?.day;
  const found = [totals, drawers].filter((d): d is number => d !== null && d !== undefined);
  return found.length === 0 ? null : Math.min(...found);
}

/** The highest id of each raw table a booking comes from, as the Z is taken. */
function marks(tx: Tx): { eventMark: number; entryMark: number; cashMark: number } {
  const max = (table: typeof paymentEvents | typeof wristbandEntries | typeof cashTenders) =>
    tx
      .select({ id: sql<number | null>`max(${table.id})` })
      .from(table)
      .get()?.id ?? 0;
  return { eventMark: max(paymentEvents), entryMark: max(wristbandEntries), cashMark: max(cashTenders) };
}
