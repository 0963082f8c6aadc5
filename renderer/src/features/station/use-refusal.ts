import { useCallback, useEffect, useRef, useState } from 'react';
import type { StationRefusal } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/**
 * Whether the station refused to start, read from `station.getStatus`: at load, after a reconnect, and
 * while refused on any station news (a restore that repaired the book), or when a remedy asks.
 */
export function useRefusal(): { refusal: StationRefusal | null; recheck: () => void } {
  const [refusal, setRefusal] = useState<StationRefusal | null>(null);
  const refusedRef = useRef(false);
  const recheck = useCallback(() => {
    void call('station.getStatus', {}).then((result) => {
      if (!result.ok) return;
      const next = result.value.refusal ?? null;
      refusedRef.current = next !== null;
      setRefusal(next);
    });
  }, []);
  useEffect(recheck, [recheck]);
  useStationEvents(() => {
    if (refusedRef.current) recheck();
  }, recheck);
  return { refusal, recheck };
}
