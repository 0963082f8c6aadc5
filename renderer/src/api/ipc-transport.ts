import type { KassaBridge } from '../kassa-bridge';
import { asResult, asStationEvent, failure, type Transport } from './transport';

/** The Electron window: the preload bridge carries calls and events over IPC. */
export function createIpcTransport(bridge: KassaBridge): Transport {
  return {
    kind: 'ipc',
    async call(method, input) {
      try {
        return asResult(await bridge.call(method, input)) ?? failure('INTERNAL', 'Malformed answer over IPC');
      } catch (error) {
        return failure('STATION_UNREACHABLE', `IPC call failed: ${String(error)}`);
      }
    },
    // The bridge forwards whatever main sends; check it like the SSE path does.
    subscribe: (listener) =>
      bridge.on((event: unknown) => {
        const known = asStationEvent(event);
        if (known) listener(known);
      }),
    // IPC lives as long as the window; there is no connection to lose. But the station may have missed
    // events itself (a site's lost LISTEN connection, api/event-bus.ts `resync`): main says so, and the
    // window fetches again as a browser does after its stream came back.
    onReconnect: (listener) =>
      bridge.on((event: unknown) => {
        if (isResync(event)) listener();
      }),
  };
}

/** electron/main/ipc.ts sends `{ resync: true }` on `kassa:event` when the screens must fetch again. */
function isResync(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { resync?: unknown }).resync === true;
}
