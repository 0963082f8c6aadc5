import { createContext, useContext, useEffect, useState } from 'react';
import type { ContractError, Result } from '../../../../shared/contract';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'ready'; value: T };

/**
 * Bumped whenever something the closing screen shows may have changed: a station event, or an action
 * taken on this screen. Every panel re-reads on a new value, so the figures never disagree.
 */
export const RefreshContext = createContext<{ version: number; bump: () => void }>({
  version: 0,
  bump: () => undefined,
});

export const useRefresh = () => useContext(RefreshContext);

/**
 * Reads from the station now and on every refresh. `read` must be stable (useCallback). An answer that
 * arrives after a newer read started is dropped, so a slow old answer never overwrites a fresh one.
 */
export function useStationData<T>(read: () => Promise<Result<T>>): Loaded<T> {
  const { version } = useRefresh();
  const [loaded, setLoaded] = useState<Loaded<T>>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    void read().then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { kind: 'ready', value: result.value } : { kind: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [read, version]);
  return loaded;
}
