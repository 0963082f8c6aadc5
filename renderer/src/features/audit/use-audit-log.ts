import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditPageView, ContractError } from '../../../../shared/contract';
import { call } from '../../api/client';
import { filterInput, NO_FILTER, type AuditFilterDraft } from './audit-filters';

export const PAGE_SIZE = 50;

type Shown =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'page'; page: AuditPageView };

/**
 * The audit log, newest first, a page at a time. `older` follows the station's cursor; the cursors
 * already followed are kept so `newer` goes back without re-reading from the top.
 */
export function useAuditLog() {
  const [filter, setFilter] = useState<AuditFilterDraft>(NO_FILTER);
  const [cursors, setCursors] = useState<number[]>([]);
  const [shown, setShown] = useState<Shown>({ kind: 'loading' });
  const asked = useRef(0);

  const beforeSeq = cursors.at(-1);
  useEffect(() => {
    // Only the last question's answer is shown, whatever order the answers come in.
    const question = ++asked.current;
    const input = { ...filterInput(filter), limit: PAGE_SIZE, ...(beforeSeq ? { beforeSeq } : {}) };
    void call('audit.list', input).then((result) => {
      if (question !== asked.current) return;
      setShown(result.ok ? { kind: 'page', page: result.value } : { kind: 'error', error: result.error });
    });
  }, [filter, beforeSeq]);

  const apply = useCallback((next: AuditFilterDraft) => {
    setCursors([]);
    // A new object even for the same values: "Show" always reads again.
    setFilter({ ...next });
  }, []);
  const next = shown.kind === 'page' ? shown.page.nextBeforeSeq : null;
  const older = useCallback(() => {
    if (next !== null) setCursors((list) => [...list, next]);
  }, [next]);
  const newer = useCallback(() => setCursors((list) => list.slice(0, -1)), []);

  return { filter, shown, apply, older, newer, hasOlder: next !== null, hasNewer: cursors.length > 0 };
}
