import { useSyncExternalStore } from 'react';
import { onDeviceRevoked } from '../../api/client';

/*
 * Whether this device lost its link: it unlinked itself, or a call was answered DEVICE_REVOKED (revoked
 * at the station, or unused for 30 days). Once true, the app shows only that it is unlinked; a new link
 * opens /pair#<code>, a fresh page load.
 */
let unlinked = false;
const listeners = new Set<() => void>();

export function markUnlinked(): void {
  if (unlinked) return;
  unlinked = true;
  for (const listener of [...listeners]) listener();
}

onDeviceRevoked(markUnlinked);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useDeviceUnlinked(): boolean {
  return useSyncExternalStore(subscribe, () => unlinked);
}

/** Tests start each case linked. */
export function resetUnlinkedForTests(): void {
  unlinked = false;
}
