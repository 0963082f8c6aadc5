import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result, SaleView, StationEvent } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { newerSale } from '../till/sale-rules';
import type { DisplaySale, WristbandBalance } from './display-sale';

/** After a sale ends, the customer sees the outcome this long before the welcome screen returns. */
export const OUTCOME_MS = 20_000;

/**
 * Follows whatever the till is doing: the station's current sale, then every change to it or to a
 * newer sale. The display has no buttons, so it must find its way back to idle by itself. A display
 * linked to one till (`tillId`) follows that till only; without one it follows every till.
 */
export function useCustomerSale(tillId: string | null = null): DisplaySale | null {
  const [sale, setSale] = useState<DisplaySale | null>(null);
  // The station announces a debit's new balance just before the sale it belongs to.
  const lastBalance = useRef<WristbandBalance | null>(null);

  const take = useCallback((result: Result<SaleView | null>) => {
    if (result.ok) setSale(result.value);
  }, []);
  const load = useCallback(
    () => call('till.getCurrentSale', tillId ? { tillId } : {}).then(take),
    [take, tillId],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useStationEvents(
    (event) => {
      if (event.name === 'wristbands.changed') lastBalance.current = event.payload;
      const next = saleOf(event, tillId);
      if (!next) return;
      const shown = withBalance(next, lastBalance.current);
      setSale((current) =>
        !current || shown.createdAt >= current.createdAt ? newerSale(current, shown) : current,
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

function saleOf(event: StationEvent, tillId: string | null): DisplaySale | null {
  if (event.name !== 'payments.changed') return null;
  const sale = event.payload.sale;
  return tillId === null || sale.tillId === tillId ? sale : null;
}

/** A wristband sale keeps the balance its own debit left, whatever other wristbands do afterwards. */
function withBalance(sale: DisplaySale, balance: WristbandBalance | null): DisplaySale {
  if (sale.tender !== 'wristband' || sale.balanceAfterCents != null) return sale;
  if (!balance || balance.wristbandId !== sale.wristbandId) return sale;
  return { ...sale, balanceAfterCents: balance.balanceCents };
}
