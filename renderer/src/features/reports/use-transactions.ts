import { useCallback, useState } from 'react';
import { call } from '../../api/client';
import type { Filters } from './transaction-filters';
import { useStationData } from './use-station-data';

export const PAGE_SIZE = 50;

/**
 * The filtered transactions, a page of 50 at a time. The cursors of the pages walked so far are kept,
 * so a refresh re-reads the page on screen rather than jumping back to the first.
 */
export function useTransactions() {
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const read = useCallback(
    () => call('reports.listTransactions', { ...filters, cursor, limit: PAGE_SIZE }),
    [filters, cursor],
  );
  const page = useStationData(read);
  const apply = (next: Filters) => {
    setFilters(next);
    setCursors([]);
  };
  const nextCursor = page.kind === 'ready' ? page.value.nextCursor : null;
  const next = () => {
    if (nextCursor) setCursors((walked) => [...walked, nextCursor]);
  };
  return {
    filters,
    page,
    pageNumber: cursors.length + 1,
    apply,
    next,
    hasNext: nextCursor !== null,
    first: () => setCursors([]),
  };
}
