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
  saleRefunds,
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
  onDayClosed?: (zNumber: number) => Promise<void> | void;
}

/** X snapshots and Z closings. A Z is inserted once and read back as it was; nothing updates it. */
export class Closing {
  constructor(private readonly deps: ClosingDeps) {}

  today(): Promise<DayNumber> {
    return this.deps.db.read((q) => currentBusinessDay(q, this.deps.now()));
  }

  x(date: string | undefined): Promise<ReportView> {
    const { db, now } = this.deps;
    const at = now();
    return db.read(async (q) => {
      const today = await currentBusinessDay(q, at);
      const day = date ? dayOrFail(date) : today;
      return buildReport(q, {
        day,
        kind: 'x',
        number: null,
        generatedAt: at,
        withOpenDrawers: day === today,
      });
    });
  }

  /**
   * Closes a business day with the next Z number. In one transaction: the checks, the report built
   * from the totals, and the frozen row with the marks that send every later booking to a later day.
   * `named` adds the tills' and cashiers' names as they are now: the Z keeps them (report-names.ts).
   */
  async closeDay(
    date: string | undefined,
    actor: Actor = NO_ACTOR,
    named: (report: ReportView) => Promise<ReportView> | ReportView = (report) => report,
  ): Promise<ReportView> {
    const { db, now } = this.deps;
    const report = await db.write(async (tx) => {
      const at = now();
      const day = date ? dayOrFail(date) : await currentBusinessDay(tx, at);
      await assertClosable(tx, day, at);
      const number = await nextZNumber(tx);
      const built = await named(
        await buildReport(tx, { day, kind: 'z', number, generatedAt: at, withOpenDrawers: false }),
      );
      const frozen = {
        number,
        businessDay: day,
        closedAt: at,
        ...(await marks(tx)),
        report: JSON.stringify(built),
      };
      await tx.insert(zReports).values({ ...frozen, ...actorColumns(actor) });
      return built;
    });
    if (report.number !== null) await this.deps.onDayClosed?.(report.number);
    return report;
  }

  async z(number: number): Promise<ReportView> {
    const [row] = await this.deps.db.read((q) =>
      q.select().from(zReports).where(eq(zReports.number, number)).limit(1),
    );
    if (!row) throw new ContractFailure('NOT_FOUND', `No Z report number ${number}`);
    return JSON.parse(row.report) as ReportView;
  }

  /** The Z that closed `date`, or null while that day is open. */
  async numberOf(date: string): Promise<number | null> {
    const day = dayOrFail(date);
    const [row] = await this.deps.db.read((q) =>
      q.select().from(zReports).where(eq(zReports.businessDay, day)).limit(1),
    );
    return row?.number ?? null;
  }

  /** Newest first. */
  async list(limit: number, before: number | undefined): Promise<ZListItem[]> {
    const rows = await this.deps.db.read((q) =>
      q
        .select()
        .from(zReports)
        .where(before === undefined ? undefined : lt(zReports.number, before))
        .orderBy(desc(zReports.number))
        .limit(limit),
    );
    return rows.map((row) => {
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
async function nextZNumber(tx: Tx): Promise<number> {
  const identity = await readBookIdentity(tx);
  if (identity) return identity.lastZ + 1;
  const [highest] = await tx.select({ n: sql<number | null>`max(${zReports.number})` }).from(zReports);
  return (highest?.n ?? 0) + 1;
}

function dayOrFail(date: string): DayNumber {
  const day = parseDay(date);
  if (day === null) throw new ContractFailure('INVALID_INPUT', `Not a date: ${date}`, { fields: ['date'] });
  return day;
}

async function assertClosable(tx: Tx, day: DayNumber, at: number): Promise<void> {
  const last = await lastClosedDay(tx);
  if (last !== null && day <= last) {
    throw new ContractFailure(
      'DAY_ALREADY_CLOSED',
      `${formatDay(day)} is closed: the last Z closed ${formatDay(last)}`,
    );
  }
  const today = await currentBusinessDay(tx, at);
  if (day > today)
    throw new ContractFailure(
      'DAY_NOT_STARTED',
      `${formatDay(day)} has not started; today is ${formatDay(today)}`,
    );
  const earlier = await earliestUnclosed(tx, last, day);
  if (earlier !== null) {
    throw new ContractFailure(
      'EARLIER_DAY_OPEN',
      `Close ${formatDay(earlier)} first: it has sales and no Z yet`,
    );
  }
  // A drawer opened on this day or before is part of it and must be counted first; one opened for a
  // later day (the next morning's float) is not.
  const open = await tx.select().from(drawerSessions).where(eq(drawerSessions.status, 'open'));
  const blocking = open.filter((d) => dayAfterClosing(localTime(d.openedAt).day, last) <= day);
  if (blocking.length > 0) {
    const tills = blocking.map((d) => d.tillId).join(', ');
    throw new ContractFailure('DRAWERS_OPEN', `Count and close the cash drawer of ${tills} first`);
  }
}

/** The first day after the last Z and before `day` that has bookings or a drawer count. */
async function earliestUnclosed(tx: Tx, last: DayNumber | null, day: DayNumber): Promise<DayNumber | null> {
  const after = last ?? 0;
  const [totalsRow] = await tx
    .select({ day: sql<number | null>`min(${reportTotals.businessDay})` })
    .from(reportTotals)
    .where(and(gt(reportTotals.businessDay, after), lt(reportTotals.businessDay, day)));
  const [drawersRow] = await tx
    .select({ day: sql<number | null>`min(${drawerSessions.businessDay})` })
    .from(drawerSessions)
    .where(
      and(
        isNotNull(drawerSessions.businessDay),
        gt(drawerSessions.businessDay, after),
        lt(drawerSessions.businessDay, day),
      ),
    );
  const found = [totalsRow?.day, drawersRow?.day].filter((d): d is number => d !== null && d !== undefined);
  return found.length === 0 ? null : Math.min(...found);
}

/** The highest id of each raw table a booking comes from, as the Z is taken. */
async function marks(tx: Tx): Promise<Record<'eventMark' | 'entryMark' | 'cashMark' | 'refundMark', number>> {
  type Marked = typeof paymentEvents | typeof wristbandEntries | typeof cashTenders | typeof saleRefunds;
  const max = async (table: Marked) => {
    const [row] = await tx.select({ id: sql<number | null>`max(${table.id})` }).from(table);
    return row?.id ?? 0;
  };
  return {
    eventMark: await max(paymentEvents),
    entryMark: await max(wristbandEntries),
    cashMark: await max(cashTenders),
    refundMark: await max(saleRefunds),
  };
}
