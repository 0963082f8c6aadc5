import { useCallback, useEffect, useState } from 'react';
import type { Result, SaleView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { newerSale } from '../till/sale-rules';

/** After a sale ends, the customer sees the outcome this long before the welcome screen returns. */
export const OUTCOME_MS = 20_000;

/**
 * Follows whatever the till is doing: the station's current sale, then every change to it or to a
 * newer sale. The display has no buttons, so it must find its way back to idle by itself.
 */
export function useCustomerSale(): SaleView | null {
  const [sale, setSale] = useState<SaleView | null>(null);

  const take = useCallback((result: Result<SaleView | null>) => {
    if (result.ok) setSale(result.value);
  }, []);
  const load = useCallback(() => call('till.getCurrentSale', {}).then(take), [take]);

  useEffect(() => {
    void call('till.getCurrentSale', {}).then(take);
  }, [take]);

  useStationEvents(
    (event) => {
      if (event.name !== 'payments.changed') return;
      const next = event.payload.sale;
      setSale((current) =>
        !current || next.createdAt >= current.createdAt ? newerSale(current, next) : current,
      );
    },
    () => void load(),
  );

  const ended = sale !== null && sale.status !== 'open';
  useEffect(() => {
    if (!ended) return;
    const timer = setTimeout(() => setSale(null), OUTCOME_MS);
    return () => clearTimeout(timer);
  }, [ended, sale]);

  return sale;
}
