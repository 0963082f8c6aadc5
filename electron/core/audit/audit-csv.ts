import { open } from 'node:fs/promises';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { and, asc, gt } from 'drizzle-orm';
import { formatLocalDateTime } from '../../../shared/domain/business-day';
import type { StationDb } from '../db/open-station-database';
import { auditLog } from '../db/station-schema';
import { filterConditions, type AuditFilter, type AuditRow } from './audit-query';

export type AuditCsvSeparator = ';' | ',';

export const AUDIT_CSV_HEADER = [
  'seq',
  'local_time',
  'at_utc',
  'mode',
  'action',
  'outcome',
  'staff_id',
  'staff_name',
  'device_id',
  'device_name',
  'subject',
  'detail',
  'prev_hash',
  'hash',
];

const PAGE = 5_000;
const BOM = '\ufeff';

/**
 * A cell as Excel should read it: quoted when it holds the separator, a quote or a line end, and a
 * leading `'` before `=`, `+`, `-`, `@` so a staff name typed as a formula stays text (CSV injection).
 */
export function csvCell(value: string | number | null, separator: AuditCsvSeparator): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(row: AuditRow, separator: AuditCsvSeparator): string {
  const cells = [
    row.seq,
    formatLocalDateTime(row.at),
    new Date(row.at).toISOString(),
    row.mode,
    row.action,
    row.outcome,
    row.staffId,
    row.staffName,
    row.deviceId,
    row.deviceName,
    row.subject,
    row.detail,
    row.prevHash,
    row.hash,
  ];
  return cells.map((cell) => csvCell(cell, separator)).join(separator);
}

/**
 * Streams the filtered entries to `path` in chain order (oldest first, with each entry's hashes, so an
 * auditor can follow the links), UTF-8 with a BOM for Excel and CRLF line ends, a page at a time.
 */
export async function writeAuditCsv(
  db: StationDb,
  filter: AuditFilter,
  path: string,
  separator: AuditCsvSeparator,
): Promise<number> {
  const conditions = filterConditions(filter);
  const file = await open(path, 'w');
  try {
    await file.write(BOM + AUDIT_CSV_HEADER.join(separator) + '\r\n');
    let rows = 0;
    let after = 0;
    for (;;) {
      const from = after;
      // One read per page; the file is written outside it (a unit of work awaits only the database).
      const page = await db.read((q) =>
        q
          .select()
          .from(auditLog)
          .where(and(...conditions, gt(auditLog.seq, from)))
          .orderBy(asc(auditLog.seq))
          .limit(PAGE),
      );
      if (page.length > 0) await file.write(page.map((row) => line(row, separator)).join('\r\n') + '\r\n');
      rows += page.length;
      if (page.length < PAGE) return rows;
      after = page.at(-1)!.seq;
      await yieldToEventLoop();
    }
  } finally {
    await file.close();
  }
}
