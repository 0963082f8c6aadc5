import { and, desc, inArray, ne } from 'drizzle-orm';
import type { GroupLine, ReportView, TransactionRowView } from '../../../shared/contract/report-views';
import type { StationDb } from '../db/open-station-database';
import { devices, staff } from '../db/station-schema';

/**
 * Names for the ids a report groups by. The mode's database keeps only ids (a sale's cashier is a
 * staff id); the names live in station.sqlite, whose staff rows are never deleted, so a person who
 * left still has a name on old reports.
 */
export interface ReportNames {
  /** Names by staff id; an id with no person (a till's cashier setting) is left out. */
  staff(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The name of the till or bar linked for each till id; a till with none is left out. */
  tills(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

/** Names read from the station database that is open at the time of asking. */
export function stationReportNames(db: () => StationDb | null): ReportNames {
  return {
    staff: async (ids) => {
      const open = db();
      if (!open || ids.length === 0) return new Map();
      const rows = await open.read((q) =>
        q
          .select({ id: staff.id, name: staff.name })
          .from(staff)
          .where(inArray(staff.id, [...ids])),
      );
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    tills: async (ids) => {
      const open = db();
      if (!open || ids.length === 0) return new Map();
      // A customer display shows a till but is not it; the latest link of a till names it.
      const rows = await open.read((q) =>
        q
          .select({ tillId: devices.tillId, name: devices.name })
          .from(devices)
          .where(and(inArray(devices.tillId, [...ids]), ne(devices.kind, 'display')))
          .orderBy(desc(devices.createdAt)),
      );
      const named = new Map<string, string>();
      for (const r of rows) if (r.tillId && !named.has(r.tillId)) named.set(r.tillId, r.name);
      return named;
    },
  };
}

/**
 * The report with the names of its tills and cashiers (ids stay; the name is added when known). A Z
 * keeps the names it was closed with; a Z from before names existed gets today's.
 */
export async function withNames(report: ReportView, names: ReportNames | undefined): Promise<ReportView> {
  if (!names) return report;
  return {
    ...report,
    byTill: named(report.byTill, await names.tills(report.byTill.map((l) => l.id))),
    byCashier: named(report.byCashier, await names.staff(report.byCashier.map((l) => l.id))),
  };
}

/** Transactions rows with their cashier's name, for the list and its detail. */
export async function rowsWithNames(
  rows: TransactionRowView[],
  names: ReportNames | undefined,
): Promise<TransactionRowView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.cashierId === null ? [] : [r.cashierId])))];
  const found = (await names?.staff(ids)) ?? new Map<string, string>();
  return rows.map((row) => {
    const name = row.cashierId === null ? undefined : found.get(row.cashierId);
    return name === undefined ? row : { ...row, cashierName: name };
  });
}

function named(lines: GroupLine[], found: ReadonlyMap<string, string>): GroupLine[] {
  return lines.map((line) => {
    const name = line.name ?? found.get(line.id);
    return name === undefined ? line : { ...line, name };
  });
}
