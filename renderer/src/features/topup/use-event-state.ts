import { useCallback, useEffect, useState } from 'react';
import type { ContractError, EventStateView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/**
 * Whether the festival has ended, kept current by `topup.eventChanged` (another screen may end or
 * reopen it, and the first refund file makes the end final). Null until the station answered.
 */
export function useEventState() {
  const [state, setState] = useState<EventStateView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => {
    void call('topup.getEvent', {}).then((result) => {
      if (result.ok) setState(result.value);
      else setError(result.error);
    });
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => event.name === 'topup.eventChanged' && setState(event.payload), load);

  const change = async (method: 'topup.endEvent' | 'topup.reopenEvent'): Promise<boolean> => {
    setBusy(true);
    const result =
      method === 'topup.endEvent' ? await call(method, { confirm: true }) : await call(method, {});
    setBusy(false);
    setError(result.ok ? null : result.error);
    if (result.ok) setState(result.value);
    return result.ok;
  };
  return {
    state,
    error,
    busy,
    end: () => change('topup.endEvent'),
    reopen: () => change('topup.reopenEvent'),
  };
}
