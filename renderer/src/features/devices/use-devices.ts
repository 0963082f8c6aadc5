import { useCallback, useEffect, useState } from 'react';
import type { ContractError } from '../../../../shared/contract';
import type { DeviceNetworkView, DeviceView } from '../../../../shared/contract/device-views';
import { DEFAULT_TILL_ID } from '../../../../shared/contract/methods';
import { call } from '../../api/client';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'error'; error: ContractError } | { kind: 'ready'; value: T };

/** The linked devices, newest answer wins; `reload` after pairing, revoking or on request. */
export function useDevices() {
  const [loaded, setLoaded] = useState<Loaded<DeviceView[]>>({ kind: 'loading' });
  const reload = useCallback(() => {
    void call('devices.list', {}).then((result) =>
      setLoaded(result.ok ? { kind: 'ready', value: result.value } : { kind: 'error', error: result.error }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { loaded, reload, setLoaded };
}

/**
 * The LAN listener's settings: administrators only. Anyone else gets `forbidden` and the screen
 * leaves the section out rather than showing a refusal they cannot act on.
 */
export function useNetwork() {
  const [network, setNetwork] = useState<DeviceNetworkView | null>(null);
  const [forbidden, setForbidden] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  useEffect(() => {
    void call('devices.getNetwork', {}).then((result) => {
      if (result.ok) return setNetwork(result.value);
      if (result.error.code === 'FORBIDDEN') return setForbidden(true);
      setError(result.error);
    });
  }, []);
  return { network, setNetwork, forbidden, error };
}

/** Tills a new device may join or show: the station's own and every linked till's, sorted. */
export function knownTills(devices: DeviceView[]): string[] {
  const tills = new Set<string>([DEFAULT_TILL_ID]);
  for (const device of devices) if (device.tillId && device.status === 'active') tills.add(device.tillId);
  return [...tills].sort();
}
