import { BrowserWindow, ipcMain } from 'electron';
import { stationWindowCaller, type Caller } from '../core/api/dispatcher';
import type { Station } from '../core/station';

const desktopCaller: Caller = stationWindowCaller('desktop');

/** Bridges the preload's `call` and `on` to the station's dispatcher and events. */
export function connectIpc(station: Station): () => void {
  ipcMain.handle('kassa:call', (_event, method: unknown, input: unknown) =>
    station.dispatch(typeof method === 'string' ? method : '', input, desktopCaller),
  );
  const unsubscribe = station.events.subscribe((event) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send('kassa:event', event);
  });
  return () => {
    ipcMain.removeHandler('kassa:call');
    unsubscribe();
  };
}
