import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: Array<{
  options: Record<string, unknown>;
  handlers: Record<string, (...args: unknown[]) => unknown>;
  openHandler?: (d: { url: string }) => unknown;
}> = [];
const exposed: Record<string, unknown> = {};

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, handlers: {} };
      created.push(record);
      this.webContents = {
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (record.openHandler = fn),
        on: (name: string, fn: (...args: unknown[]) => unknown) => (record.handlers[name] = fn),
      };
    }
    once() {}
    loadFile() {
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal: vi.fn() },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  };
});

beforeEach(() => {
  created.length = 0;
});

describe('the Electron shell', () => {
  it('opens windows isolated, sandboxed, without Node, and denies navigation and pop-ups', async () => {
    const { createSecureWindow } = await import('../../electron/main/secure-window');
    createSecureWindow('/');
    const [window] = created;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(window?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const event = { preventDefault: vi.fn() };
    window?.handlers['will-navigate']?.(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('exposes only call and on to the renderer', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['kassa']);
    expect(Object.keys(exposed.kassa as object).sort()).toEqual(['call', 'on']);
  });
});
