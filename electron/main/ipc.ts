import { BrowserWindow, ipcMain } from 'electron';
import { isMethodName, methods } from '../../shared/contract';
import type { Caller } from '../core/api/dispatcher';
import type { Station } from '../core/station';

/**
 * Bridges the preload's `call` and `on` to the station's dispatcher and events. The desktop windows
 * are the station's own device; each window keeps its own session token here, in the main process,
 * where no page script can read it (the HTTP shell keeps it in an HttpOnly cookie instead).
 */
export function connectIpc(station: Station): {
  disconnect(): void;
  showsCustomerDisplay(windowId: number): void;
} {
  const tokens = new Map<number, string>();
  const displays = new Set<number>();
  ipcMain.handle('kassa:call', async (event, method: unknown, input: unknown) => {
    const name = typeof method === 'string' ? method : '';
    const caller = await desktopCaller(station, tokens, event.sender.id, name);
    return station.dispatch(name, input, displays.has(event.sender.id) ? asDisplay(caller) : caller);
  });
  const toWindows = (message: unknown): void => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('kassa:event', message);
  };
  const unsubscribe = station.events.subscribe(toWindows);
  // The station may have missed events (a site's lost LISTEN connection): the windows fetch again
  // (renderer/src/api/ipc-transport.ts, as a browser does when its stream comes back).
  const stopResync = station.events.onResync(() => toWindows({ resync: true }));
  return {
    disconnect() {
      ipcMain.removeHandler('kassa:call');
      unsubscribe();
      stopResync();
    },
    // The main process opened that window itself: it knows it is the customer display, whatever the page says.
    showsCustomerDisplay: (windowId) => void displays.add(windowId),
  };
}

/** The desktop's customer display window: a view-only session of its own, never the cashier's. */
function asDisplay(caller: Caller): Caller {
  return {
    ...caller,
    staff: null,
    sessionId: null,
    session: undefined,
    rights: { session: 'display', deviceRights: 'manager', deviceKind: 'station' },
  };
}

async function desktopCaller(
  station: Station,
  tokens: Map<number, string>,
  windowId: number,
  method: string,
): Promise<Caller> {
  const permission = isMethodName(method) ? methods[method].permission : null;
  const passive = permission === 'public' || permission === 'signedIn';
  const caller = await station.access.callerFor({
    channel: 'desktop',
    sessionToken: tokens.get(windowId),
    passive,
  });
  return {
    ...caller,
    session: {
      set: (token) => void tokens.set(windowId, token),
      clear: () => void tokens.delete(windowId),
    },
  };
}
