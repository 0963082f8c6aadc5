import type { SqliteStationDb, StationDb } from '../db/open-station-database';
import { unitWrites } from './audit-chain-units';
import { SqliteStore } from '../db/unit-of-work';
import type { AuditEntryInput, AuditRefusals, AuditSink } from './audit-entry';
import { writeAuditCsv, type AuditCsvSeparator } from './audit-csv';
import { distinctActions, listEntries, type AuditFilter, type AuditPage } from './audit-query';
import { verifyChain, type AuditVerification } from './audit-verify';
import { createAppender, type Appender } from './audit-writer';
import { createRefusalTallies, minuteOf } from './refusal-tallies';

export interface AuditLogDeps {
  db: StationDb;
  now: () => number;
  /** The mode the station runs in (training, preprod, live), or null before one is chosen. */
  mode: () => string | null;
}

/** The station's append-only, hash-chained record of who did what (docs/audit-log.md). */
export interface AuditLog extends AuditSink, AuditRefusals {
  /**
   * A refused call: the first one of this caller and action in a minute is written; the rest of that
   * minute are counted and written as one "refused N more times" entry when the minute is over.
   */
  refused(entry: AuditEntryInput, callerKey: string): Promise<void>;
  record(entry: AuditEntryInput): Promise<void>;
  /** Writes the counts of minutes that are over; the station runs it every minute. */
  flush(): Promise<void>;
  /** Newest first, at most 200 per page; `nextBeforeSeq` asks for the next page. */
  list(filter?: AuditFilter): Promise<AuditPage>;
  /** The actions the log holds, for a filter's choices. */
  actions(): Promise<string[]>;
  /** Recomputes every hash and link from the first entry, a page at a time. */
  verify(options?: { pageSize?: number }): Promise<AuditVerification>;
  /** Writes the filtered entries to `path` as CSV, oldest first (chain order); answers the rows written. */
  exportCsv(filter: AuditFilter, path: string, separator: AuditCsvSeparator): Promise<number>;
}

/**
 * On SQLite the chain is written with better-sqlite3's prepared statements and transactions (see
 * createSqliteAuditLog); on PostgreSQL through units of work (audit-chain-units.ts), the same entries
 * with the same hashes. Reading, verifying and exporting are the same on both.
 */
export function createAuditLog(deps: AuditLogDeps): AuditLog {
  const { db } = deps;
  const reading = {
    list: (filter: AuditFilter = {}) => listEntries(db, filter),
    actions: () => distinctActions(db),
    verify: (options?: { pageSize?: number }) => verifyChain(db, options?.pageSize),
    exportCsv: (filter: AuditFilter, path: string, separator: AuditCsvSeparator) =>
      writeAuditCsv(db, filter, path, separator),
  };
  return { ...reading, ...(db instanceof SqliteStore ? sqliteWrites(deps) : unitsWrites(deps)) };
}

type Writing = Pick<AuditLog, 'record' | 'refused' | 'flush'>;

/** PostgreSQL: each write one unit of work, serialised across the site's stations by the store. */
function unitsWrites({ db, now, mode }: AuditLogDeps): Writing {
  const writes = unitWrites(db, mode);
  return {
    record: (entry) => writes.record(entry, now()),
    refused: (entry, callerKey) => writes.refuse(entry, callerKey, now(), now),
    flush: () => writes.flush(now()),
  };
}

/**
 * SQLite: each write runs inside a unit of work of the station database, so it holds the store's
 * mutex; inside a caller's unit, better-sqlite3 nests its transaction as a savepoint of that unit's.
 */
function sqliteWrites({ db, now, mode }: AuditLogDeps): Writing {
  const store = db as SqliteStationDb;
  const sqlite = store.client;
  const writes = createWrites(sqlite, createAppender(sqlite, mode));
  return {
    record: (entry) => store.write(() => writes.record.immediate(entry, now())),
    // A read scope holds the mutex without opening a unit's transaction: the refusal's own
    // better-sqlite3 transaction then commits by itself, and a bare counter bump can skip its fsync.
    refused: (entry, callerKey) =>
      store.read(() => {
        const at = now();
        // A counter bump need not reach the disk on its own: the next entry's commit syncs the WAL with it,
        // and a flood of refusals must not cost one fsync each.
        if (writes.onlyCounts(entry, callerKey, at))
          withoutSync(sqlite, () => writes.refuse.immediate(entry, callerKey, at));
        else writes.refuse.immediate(entry, callerKey, at);
      }),
    flush: () => store.write(() => writes.flush.immediate(now())),
  };
}

/** The three writing transactions; each first turns the refusal counts of ended minutes into entries. */
function createWrites(sqlite: SqliteStationDb['client'], append: Appender) {
  const tallies = createRefusalTallies(sqlite, append);
  const hasTally = sqlite
    .prepare<[number, string, string], number>(
      'SELECT 1 FROM audit_refusal_tallies WHERE minute = ? AND caller_key = ? AND action = ?',
    )
    .pluck();
  /** Tallies of minutes before this one are already entries (none yet: leftovers of a restart are closed first). */
  let closedBefore = Number.NEGATIVE_INFINITY;
  function closeEndedMinutes(at: number): void {
    const minute = minuteOf(at);
    if (minute <= closedBefore) return;
    tallies.closeMinutesBefore(minute, at);
    closedBefore = minute;
  }
  return {
    record: sqlite.transaction((entry: AuditEntryInput, at: number) => {
      closeEndedMinutes(at);
      append(entry, at);
    }),
    refuse: sqlite.transaction((entry: AuditEntryInput, callerKey: string, at: number) => {
      closeEndedMinutes(at);
      if (!tallies.count(entry, callerKey, minuteOf(at))) return;
      append({ ...entry, outcome: 'refused', detail: { ...entry.detail, caller: callerKey } }, at);
    }),
    flush: sqlite.transaction((at: number) => {
      closedBefore = Number.NEGATIVE_INFINITY;
      closeEndedMinutes(at);
    }),
    /** True when this refusal will only bump a counter: no entry, no minute to close. */
    onlyCounts: (entry: AuditEntryInput, callerKey: string, at: number): boolean =>
      minuteOf(at) <= closedBefore && hasTally.get(minuteOf(at), callerKey, entry.action) === 1,
  };
}

/** Runs `work` with synchronous = NORMAL, then puts back what was set; not inside someone's transaction. */
function withoutSync(sqlite: SqliteStationDb['client'], work: () => void): void {
  if (sqlite.inTransaction) return work();
  const before = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = NORMAL');
  try {
    work();
  } finally {
    sqlite.pragma(`synchronous = ${before}`);
  }
}
