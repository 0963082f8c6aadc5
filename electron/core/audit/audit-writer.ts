import type Database from 'better-sqlite3';
import type { AuditEntryInput } from './audit-entry';
import { canonicalJson, entryHash, GENESIS_HASH, type HashedFields } from './audit-hash';
import { safeDetail } from './secret-fields';

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
    const fields: HashedFields = {
      seq: (previous?.seq ?? 0) + 1,
      at,
      mode: mode(),
      action: entry.action,
      outcome: entry.outcome,
      staffId: entry.staff?.id ?? null,
      staffName: entry.staff?.name ?? null,
      deviceId: entry.device?.id ?? null,
      deviceName: entry.device?.name ?? null,
      subject: entry.subject ?? null,
      // Cleaned here too, whoever wrote the entry: a secret in an append-only log can never be taken out.
      detail: canonicalJson(safeDetail(entry.detail)),
      prevHash: previous?.hash ?? GENESIS_HASH,
    };
    insert.run({ ...fields, hash: entryHash(fields) });
    return fields.seq;
  };
}

export type Appender = ReturnType<typeof createAppender>;
