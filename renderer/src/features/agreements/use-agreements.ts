import { useCallback, useEffect, useRef, useState } from 'react';
import {
  AGREEMENT_PAGE_SIZE,
  type AgreementDetailView,
  type AgreementPageView,
  type ContractError,
} from '../../../../shared/contract';
import type { AgreementStatus } from '../../../../shared/domain/recurring-plans';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

export interface AgreementFilter {
  status: AgreementStatus | '';
  search: string;
}

export type Shown<T> =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'ok'; value: T };

/** The agreements a page at a time, newest first, for a status and a part of a name. */
export function useAgreementList() {
  const [filter, setFilter] = useState<AgreementFilter>({ status: '', search: '' });
  const [offset, setOffset] = useState(0);
  const [shown, setShown] = useState<Shown<AgreementPageView>>({ kind: 'loading' });
  const [reads, setReads] = useState(0);
  const asked = useRef(0);
  useEffect(() => {
    // Only the last question's answer is shown, whatever order the answers come in.
    const question = ++asked.current;
    const input = {
      offset,
      limit: AGREEMENT_PAGE_SIZE,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
    };
    void call('agreements.list', input).then((result) => {
      if (question !== asked.current) return;
      setShown(result.ok ? { kind: 'ok', value: result.value } : { kind: 'error', error: result.error });
    });
  }, [filter, offset, reads]);
  const apply = useCallback((next: AgreementFilter) => {
    setOffset(0);
    setFilter({ ...next });
  }, []);
  const reload = useCallback(() => setReads((n) => n + 1), []);
  // A charge made meanwhile changes the charges taken and the next charge: read the page again.
  useStationEvents((event) => {
    if (event.name === 'agreements.charged') reload();
  }, reload);
  const total = shown.kind === 'ok' ? shown.value.total : 0;
  return {
    filter,
    shown,
    offset,
    apply,
    reload,
    hasPrevious: offset > 0,
    hasNext: offset + AGREEMENT_PAGE_SIZE < total,
    previous: () => setOffset((at) => Math.max(0, at - AGREEMENT_PAGE_SIZE)),
    next: () => setOffset((at) => at + AGREEMENT_PAGE_SIZE),
  };
}

/** One agreement with its charges; `reload` reads it again (after a revocation or a refund). */
export function useAgreementDetail(agreementId: string) {
  const [shown, setShown] = useState<Shown<AgreementDetailView>>({ kind: 'loading' });
  const [reads, setReads] = useState(0);
  useEffect(() => {
    let current = true;
    void call('agreements.detail', { agreementId }).then((result) => {
      if (!current) return;
      setShown(result.ok ? { kind: 'ok', value: result.value } : { kind: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [agreementId, reads]);
  const reload = useCallback(() => setReads((n) => n + 1), []);
  useStationEvents((event) => {
    if (event.name === 'agreements.charged') reload();
  }, reload);
  return { shown, reload };
}
