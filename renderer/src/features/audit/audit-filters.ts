/** The audit screen's filters as typed: empty strings mean "any". */
export interface AuditFilterDraft {
  from: string;
  to: string;
  action: string;
  staffId: string;
  deviceId: string;
  outcome: '' | 'ok' | 'refused';
  text: string;
}

export const NO_FILTER: AuditFilterDraft = {
  from: '',
  to: '',
  action: '',
  staffId: '',
  deviceId: '',
  outcome: '',
  text: '',
};

/** The contract's filter: only what was chosen. Dates are the station's business days, `to` included. */
export function filterInput(draft: AuditFilterDraft) {
  const text = draft.text.trim();
  return {
    ...(draft.from ? { from: draft.from } : {}),
    ...(draft.to ? { to: draft.to } : {}),
    ...(draft.action ? { action: draft.action } : {}),
    ...(draft.staffId ? { staffId: draft.staffId } : {}),
    ...(draft.deviceId ? { deviceId: draft.deviceId } : {}),
    ...(draft.outcome ? { outcome: draft.outcome } : {}),
    ...(text ? { text } : {}),
  };
}

export function rangeWrong(draft: AuditFilterDraft): boolean {
  return draft.from !== '' && draft.to !== '' && draft.to < draft.from;
}

/**
 * The details of an entry as short "key: value" lines, never raw JSON: nested values are written out
 * compactly, a list as its items joined.
 */
export function detailLines(detail: Record<string, unknown>): string[] {
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${detailValue(value)}`);
}

function detailValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(detailValue).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
