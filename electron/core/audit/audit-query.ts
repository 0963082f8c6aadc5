import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { StationDb } from '../db/open-station-database';
import { auditLog } from '../db/station-schema';

export const MAX_PAGE = 200;
const DEFAULT_PAGE = 50;

/** Which entries: every field optional; times in ms, `from` included, `to` excluded. */
export interface AuditFilter {
  fromMs?: number;
  toMs?: number;
  /** An exact action (`reports.closeDay`), or a prefix ending in `.*` (`drawer.*`). */
  action?: string;
  outcome?: 'ok' | 'refused';
  staffId?: string;
  deviceId?: string;
  /** Found anywhere in the subject, case-insensitively: a wristband id, a Z number, a file id. */
  text?: string;
  /** Only entries older than this sequence number: the next page. */
  beforeSeq?: number;
  limit?: number;
}

export interface AuditRow {
  seq: number;
  at: number;
  mode: string | null;
  action: string;
  outcome: 'ok' | 'refused';
  staffId: string | null;
  staffName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  subject: string | null;
  detail: string;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  entries: AuditRow[];
  /** Pass as `beforeSeq` for the next (older) page; null when this page was the last. */
  nextBeforeSeq: number | null;
}

/** `%` and `_` typed by a person are meant literally. */
const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE conditions of a filter, shared by the list and the export. */
export function filterConditions(filter: AuditFilter): SQL[] {
  const t = auditLog;
  const conditions: (SQL | undefined)[] = [
    filter.fromMs === undefined ? undefined : gte(t.at, filter.fromMs),
    filter.toMs === undefined ? undefined : lt(t.at, filter.toMs),
    actionCondition(filter.action),
    filter.outcome ? eq(t.outcome, filter.outcome) : undefined,
    filter.staffId ? eq(t.staffId, filter.staffId) : undefined,
    filter.deviceId ? eq(t.deviceId, filter.deviceId) : undefined,
    filter.text ? sql`${t.subject} LIKE ${`%${escapeLike(filter.text)}%`} ESCAPE '\\'` : undefined,
  ];
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

function actionCondition(action: string | undefined): SQL | undefined {
  if (!action) return undefined;
  if (!action.endsWith('.*')) return eq(auditLog.action, action);
  return sql`${auditLog.action} LIKE ${`${escapeLike(action.slice(0, -1))}%`} ESCAPE '\\'`;
}

/** One page, newest first, found by keyset on `seq` so a deep page costs what the first one does. */
export async function listEntries(db: StationDb, filter: AuditFilter): Promise<AuditPage> {
  const limit = Math.min(Math.max(filter.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
  const conditions = filterConditions(filter);
  if (filter.beforeSeq !== undefined) conditions.push(lt(auditLog.seq, filter.beforeSeq));
  const rows = await db.read((q) =>
    q
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.seq))
      .limit(limit + 1),
  );
  const entries = rows.slice(0, limit);
  return { entries, nextBeforeSeq: rows.length > limit ? (entries.at(-1)?.seq ?? null) : null };
}

/** Every action the log holds, in order, read off the `audit_action` index. */
export async function distinctActions(db: StationDb): Promise<string[]> {
  const rows = await db.read((q) =>
    q.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  );
  return rows.map((row) => row.action);
}
