import { useEffect, useState } from 'react';
import type { SalesSetupView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** The rules a till sells by (VAT rate, discount limit, confirm-above amount), read again on a resync. */
export function useSalesSetup(): SalesSetupView | null {
  const [setup, setSetup] = useState<SalesSetupView | null>(null);
  const load = () =>
    void call('settings.getSalesSetup', {}).then((result) => {
      if (result.ok) setSetup(result.value);
    });
  useEffect(load, []);
  // The sales setup has no event of its own; a settings change or a reconnect is the moment to re-read it.
  useStationEvents((event) => {
    if (event.name === 'settings.changed') load();
  }, load);
  return setup;
}

/** Until the station answered: Belgium's standard rate, and the contract's defaults. */
export const SETUP_FALLBACK = { vatRate: 21, discountLimitPercent: 10, confirmAboveCents: 50_000 };

export function tillVatRate(setup: SalesSetupView | null): number {
  return setup?.defaultVatRate ?? SETUP_FALLBACK.vatRate;
}
