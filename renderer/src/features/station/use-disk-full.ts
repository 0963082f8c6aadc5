import { useCallback, useEffect, useState } from 'react';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';

/** The data folder while its disk is full (`station.getStatus`, kept current by `station.changed`), else null. */
export function useDiskFull(): string | null {
  const [folder, setFolder] = useState<string | null>(null);
  const load = useCallback(() => {
    void call('station.getStatus', {}).then((result) => {
      if (result.ok) setFolder(result.value.diskFull?.folder ?? null);
    });
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => {
    if (event.name === 'station.changed') setFolder(event.payload.diskFull?.folder ?? null);
  }, load);
  return folder;
}
