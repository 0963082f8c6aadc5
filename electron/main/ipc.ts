import { BrowserWindow, ipcMain } from 'electron';
import { isMethodName, methods } from '../../shared/contract';
import type { Caller } from '../core/api/dispatcher';
import type { Station } from '../core/station';

/**
 * Bridges the preload's `call` and `on` to the station's dispatcher and events. The desktop windows
 * are the station's own device; each window keeps its own session token here, in the main process,
 * where no page script can read it (the HTTP shell keeps it in an HttpOnly cookie instead).
 */
export function connectIpc(station: Station): () => void {
  const tokens = new Map<number, string>();
  ipcMain.handle('kassa:call', (event, method: unknown, input: unknown) => {
    const name = typeof method === 'string' ? method : '';
    return station.dispatch(name, input, desktopCaller(station, tokens, event.sender.id, name));
  });
  const unsubscribe = station.events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('kassa:event', event);
  });
  return () => {
    ipcMain.removeHandler('kassa:call');
    unsubscribe();
  };
}

function desktopCaller(
  station: Station,
  tokens: Map<number, string>,
  windowId: number,
  method: string,
): Caller {
  const permission = isMethodName(method) ? methods[method].permission : null;
  const passive = permission === 'public' || permission === 'signedIn';
  const caller = station.access.callerFor({
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
