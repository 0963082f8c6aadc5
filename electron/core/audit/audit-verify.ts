import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { asc, gt } from 'drizzle-orm';
import type { StationDb, StationTx } from '../db/open-station-database';
import { auditLog } from '../db/station-schema';
import { SqliteStore } from '../db/unit-of-work';
import { entryHash, GENESIS_HASH, type HashedFields } from './audit-hash';

/** Why the chain breaks at `firstBrokenSeq`. */
export type BrokenReason =
  /** The entry's content no longer gives its hash: someone changed it. */
  | 'changed'
  /** Sequence numbers jump: entries before this one were removed. */
  | 'missing'
  /** The entry does not name the hash of the entry before it: one was replaced or put in between. */
  | 'unlinked';

export interface AuditVerification {
  ok: boolean;
  /** Entries checked (up to and including the first broken one). */
  checked: number;
  firstBrokenSeq?: number;
  reason?: BrokenReason;
  /** An English sentence for logs and the command line. */
  message: string;
  /** The hash of the last entry checked: printed elsewhere (a Z report), it anchors the chain's end. */
  lastHash: string;
}

type Row = HashedFields & { hash: string };

const PAGE = 10_000;

/**
 * Walks the whole chain from the first entry: every hash recomputed, every link and sequence number
 * checked. Read a page at a time through `.iterate()` (one row in memory at once), each page in its own
 * read of the store, and yields between pages, so a million entries neither fill memory nor stall the
 * payments the station is serving.
 */
export async function verifyChain(store: StationDb, pageSize = PAGE): Promise<AuditVerification> {
  const page = pageReader(store, pageSize);
  const walk = { previous: { seq: 0, hash: GENESIS_HASH }, checked: 0 };
  for (;;) {
    const outcome = await store.read(async (q) => checkPage(await page(q, walk.previous.seq), walk));
    if (outcome.broken) return outcome.broken;
    if (outcome.read < pageSize) break;
    await yieldToEventLoop();
  }
  const { checked, previous } = walk;
  return { ok: true, checked, message: `audit log intact: ${checked} entries`, lastHash: previous.hash };
}

type PageReader = (q: StationTx, after: number) => Promise<Iterable<Row>>;

/**
 * The entries after `after`, a page of them: on SQLite through `.iterate()` (one row in memory at
 * once), on PostgreSQL one query whose page is held (pageSize rows of a few hundred bytes).
 */
function pageReader(store: StationDb, pageSize: number): PageReader {
  if (store instanceof SqliteStore) {
    const page = store.client.prepare<[number, number], Row>(
      `SELECT seq, at, mode, action, outcome, staff_id AS staffId, staff_name AS staffName,
         device_id AS deviceId, device_name AS deviceName, subject, detail, prev_hash AS prevHash, hash
       FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?`,
    );
    return (_q, after) => Promise.resolve(page.iterate(after, pageSize));
  }
  return (q, after) =>
    q.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(pageSize);
}

function checkPage(
  rows: Iterable<Row>,
  walk: { previous: { seq: number; hash: string }; checked: number },
): { read: number; broken?: AuditVerification } {
  let read = 0;
  for (const row of rows) {
    read += 1;
    walk.checked += 1;
    const reason = brokenReason(row, walk.previous);
    if (reason) return { read, broken: broken(row.seq, reason, walk.checked, walk.previous) };
    walk.previous = { seq: row.seq, hash: row.hash };
  }
  return { read };
}

function brokenReason(row: Row, previous: { seq: number; hash: string }): BrokenReason | null {
  if (row.seq !== previous.seq + 1) return 'missing';
  if (row.prevHash !== previous.hash) return 'unlinked';
  if (entryHash(row) !== row.hash) return 'changed';
  return null;
}

const SAYS: Record<BrokenReason, (seq: number, previous: number) => string> = {
  changed: (seq) => `entry #${seq} was changed: its content does not match its hash`,
  missing: (seq, previous) =>
    previous === 0
      ? `entry #${seq} is the first left: the entries before it were removed`
      : previous + 1 === seq - 1
        ? `entry #${previous + 1} is missing: it was removed`
        : `entries #${previous + 1} to #${seq - 1} are missing: they were removed`,
  unlinked: (seq, previous) =>
    `entry #${seq} does not follow entry #${previous}: an entry was replaced or put in between`,
};

function broken(
  seq: number,
  reason: BrokenReason,
  checked: number,
  previous: { seq: number; hash: string },
): AuditVerification {
  const message = `audit log broken at entry #${seq}: ${SAYS[reason](seq, previous.seq)}`;
  return { ok: false, checked, firstBrokenSeq: seq, reason, message, lastHash: previous.hash };
}
