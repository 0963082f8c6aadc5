import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

// The renderer gets exactly two functions; everything else stays on this side of the bridge.
contextBridge.exposeInMainWorld('kassa', {
  call: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('kassa:call', method, input),
  on: (listener: (event: unknown) => void): (() => void) => {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on('kassa:event', forward);
    return () => ipcRenderer.removeListener('kassa:event', forward);
  },
});
