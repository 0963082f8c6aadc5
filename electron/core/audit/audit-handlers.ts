import { statSync } from 'node:fs';
import type { AuditEntryView, AuditVerifyView } from '../../../shared/contract/audit-views';
import type { Locale } from '../../../shared/domain/money';
import type { Handlers } from '../api/dispatcher';
import { AUDIT_CSV_TYPE, AUDIT_DOWNLOAD_PREFIX, type AuditExportFolder } from './audit-export-folder';
import type { AuditLog } from './audit-log';
import type { AuditFilter, AuditRow } from './audit-query';
import { dayRangeMs } from './day-bounds';

type AuditMethod = 'audit.list' | 'audit.listActions' | 'audit.verify' | 'audit.export';

export interface AuditHandlerDeps {
  exports: AuditExportFolder;
  /** The language the export is for: `;` separates in nl and fr (Excel there expects it), `,` in en. */
  locale: () => Locale;
}

interface FilterInput {
  from?: string;
  to?: string;
  action?: string;
  outcome?: 'ok' | 'refused';
  staffId?: string;
  deviceId?: string;
  text?: string;
}

/** The contract's audit methods over one audit log. */
export function createAuditHandlers(log: AuditLog, deps: AuditHandlerDeps): Pick<Handlers, AuditMethod> {
  return {
    'audit.list': async (input) => {
      const page = await log.list({ ...toFilter(input), beforeSeq: input.beforeSeq, limit: input.limit });
      return { entries: page.entries.map(toView), nextBeforeSeq: page.nextBeforeSeq };
    },
    'audit.listActions': () => log.actions(),
    'audit.verify': async () => verifyView(await log.verify()),
    'audit.export': async (input) => {
      const separator = input.separator ?? (deps.locale() === 'en' ? ',' : ';');
      const label = [input.from, input.to].filter(Boolean).join('-to-') || 'all';
      const { fileName, path } = deps.exports.newFile(label);
      const rows = await log.exportCsv(toFilter(input), path, separator);
      const bytes = statSync(path).size;
      return {
        path: `${AUDIT_DOWNLOAD_PREFIX}${fileName}`,
        fileName,
        contentType: AUDIT_CSV_TYPE,
        bytes,
        rows,
      };
    },
  };
}

function toFilter(input: FilterInput): AuditFilter {
  return {
    ...dayRangeMs(input.from, input.to),
    action: input.action,
    outcome: input.outcome,
    staffId: input.staffId,
    deviceId: input.deviceId,
    text: input.text,
  };
}

export function toView(row: AuditRow): AuditEntryView {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    mode: row.mode,
    action: row.action,
    outcome: row.outcome,
    staff: row.staffId === null ? null : { id: row.staffId, name: row.staffName ?? '' },
    device: row.deviceId === null ? null : { id: row.deviceId, name: row.deviceName ?? '' },
    subject: row.subject,
    detail: parseDetail(row.detail),
    hash: row.hash,
  };
}

/** A detail is JSON the log wrote itself; anything else is shown as text rather than failing the page. */
function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { text };
  }
}

function verifyView(result: Awaited<ReturnType<AuditLog['verify']>>): AuditVerifyView {
  return {
    ok: result.ok,
    checked: result.checked,
    firstBrokenSeq: result.firstBrokenSeq ?? null,
    reason: result.reason ?? null,
    lastHash: result.lastHash,
  };
}
