import { useEffect, useState } from 'react';
import type { SalesSetupView } from '../../../../shared/contract';
import { DEFAULT_TILL_ID } from '../../../../shared/contract/methods';
import { call } from '../../api/client';

/** Shops and tills for the pickers; read once, as they change only in the station's setup. */
export function useSalesSetup(): SalesSetupView | null {
  const [setup, setSetup] = useState<SalesSetupView | null>(null);
  useEffect(() => {
    let current = true;
    void call('settings.getSalesSetup', {}).then((result) => {
      if (current && result.ok) setSetup(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return setup;
}

/** The default till first (the one this screen's till uses), then every till the setup names. */
export function tillIds(setup: SalesSetupView | null): string[] {
  return [...new Set([DEFAULT_TILL_ID, ...(setup?.tills.map((till) => till.tillId) ?? [])])];
}
