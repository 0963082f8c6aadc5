import type Database from 'better-sqlite3';
import type { AuditEntryInput } from './audit-entry';
import { nextEntry } from './next-entry';

/**
 * Appends entries to `audit_log`, each linked to the one before it. Must run inside a transaction
 * that the caller opened IMMEDIATE, so no second writer can read the same last hash in between.
 */
export function createAppender(sqlite: Database.Database, mode: () => string | null) {
  const last = sqlite.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, mode, action, outcome, staff_id, staff_name, device_id, device_name,
       subject, detail, prev_hash, hash)
     VALUES (@seq, @at, @mode, @action, @outcome, @staffId, @staffName, @deviceId, @deviceName,
       @subject, @detail, @prevHash, @hash)`,
  );
  return (entry: AuditEntryInput, at: number): number => {
    const previous = last.get();
    const next = nextEntry(entry, at, mode(), previous);
    insert.run(next);
    return next.seq;
  };
}

export type Appender = ReturnType<typeof createAppender>;
