import type { AuditEntryInput } from './audit-entry';
import { canonicalJson, entryHash, GENESIS_HASH, type HashedFields } from './audit-hash';
import { safeDetail } from './secret-fields';

/** The last entry of the chain: what the next one links to. */
export interface ChainEnd {
  seq: number;
  hash: string;
}

/**
 * The next entry of the chain, hashed: one rule for SQLite's appender (audit-writer.ts) and the unit of
 * work that appends on either engine (audit-chain-units.ts), so both write the same bytes.
 */
export function nextEntry(
  entry: AuditEntryInput,
  at: number,
  mode: string | null,
  previous: ChainEnd | undefined,
): HashedFields & { hash: string } {
  const fields: HashedFields = {
    seq: (previous?.seq ?? 0) + 1,
    at,
    mode,
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
  return { ...fields, hash: entryHash(fields) };
}
