import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/core/api/http-server';
import type { Caller } from '../../electron/core/api/dispatcher';
import type { Station } from '../../electron/core/station';
import type { StationEvent } from '../../shared/contract';
import { REPO_ROOT, tempDir } from '../support/temp';

type Handler = (...args: unknown[]) => unknown;
const created: Array<{
  options: Record<string, unknown>;
  handlers: Record<string, Handler>;
  sent: unknown[][];
  openHandler?: (d: { url: string }) => unknown;
}> = [];
const exposed: Record<string, unknown> = {};
const ipcHandlers = new Map<string, Handler>();
const openExternal = vi.fn();

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () =>
      created.map((record) => ({ webContents: { send: (...a: unknown[]) => record.sent.push(a) } }));
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record: (typeof created)[number] = { options, handlers: {}, sent: [] };
      created.push(record);
      this.webContents = {
        setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (record.openHandler = fn),
        on: (name: string, fn: Handler) => (record.handlers[name] = fn),
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
  // A stand-in for the OS keychain: reversible, and visibly not the plain text.
  const safeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (text: string) =>
      Buffer.from(`enc:${Buffer.from(text).toString('base64').split('').reverse().join('')}`),
    decryptString: (data: Buffer) =>
      Buffer.from(data.toString().slice(4).split('').reverse().join(''), 'base64').toString(),
  };
  return {
    BrowserWindow,
    safeStorage,
    shell: { openExternal },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    ipcMain: {
      handle: (channel: string, fn: Handler) => ipcHandlers.set(channel, fn),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
  };
});

beforeEach(() => {
  created.length = 0;
  ipcHandlers.clear();
  openExternal.mockClear();
});

/** The directives of a CSP, e.g. {'script-src': "'self'"}. */
function directives(policy: string): Record<string, string> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('the Electron shell', () => {
  it('opens windows isolated, sandboxed, without Node, and denies navigation and pop-ups', async () => {
    const { createSecureWindow } = await import('../../electron/main/secure-window');
    createSecureWindow('/');
    const [window] = created;
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(window?.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(window?.openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // Only https links leave the app, in the system browser.
    expect(openExternal.mock.calls).toEqual([['https://evil.example/']]);
    const event = { preventDefault: vi.fn() };
    window?.handlers['will-navigate']?.(event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('refuses every permission request and check', async () => {
    const { hardenSession } = await import('../../electron/main/secure-window');
    let request: Handler = () => undefined;
    let check: Handler = () => true;
    hardenSession({
      setPermissionRequestHandler: (fn: Handler) => (request = fn),
      setPermissionCheckHandler: (fn: Handler) => (check = fn),
    } as never);
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(check({}, 'notifications')).toBe(false);
  });

  it('loads the UI under a strict content security policy, the same as the HTTP shell sends', () => {
    const html = readFileSync(join(REPO_ROOT, 'renderer', 'index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const desktop = directives(meta!);
    expect(desktop).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
    });
    expect(meta).not.toMatch(/unsafe-|\*/);
    const http = directives(CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(desktop)) expect(http[name], name).toBe(value);
  });

  it('exposes only call and on to the renderer', async () => {
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['kassa']);
    expect(Object.keys(exposed.kassa as object).sort()).toEqual(['call', 'on']);
  });
});

describe('the IPC bridge', () => {
  it('calls as the session of the window that called, keeps each window its own token, and sends every event to every window', async () => {
    const { connectIpc } = await import('../../electron/main/ipc');
    const { createSecureWindow } = await import('../../electron/main/secure-window');
    let listener: (event: StationEvent) => void = () => undefined;
    const seenTokens: Array<string | undefined> = [];
    // The station's part is what this bridge hands it: a caller per window, and a sink for a new session.
    const dispatch = vi.fn(async (method: string, _input: unknown, caller: Caller) => {
      if (method === 'session.signIn') caller.session?.set('token-of-window-1');
      if (method === 'session.signOut') caller.session?.clear();
      return { ok: true, value: null };
    });
    const station = {
      dispatch,
      access: {
        callerFor: (credentials: { channel: string; sessionToken?: string }) => {
          seenTokens.push(credentials.sessionToken);
          return {
            channel: credentials.channel,
            rights: { session: 'none' },
            staff: null,
            device: null,
            sessionId: null,
          };
        },
      },
      events: {
        subscribe: (fn: typeof listener) => ((listener = fn), () => undefined),
        onResync: () => () => undefined,
      },
    };
    const ipc = connectIpc(station as unknown as Station);
    ipc.showsCustomerDisplay(3);
    createSecureWindow('/');
    createSecureWindow('/customer');

    const call = ipcHandlers.get('kassa:call')!;
    const window1 = { sender: { id: 1 } };
    const window2 = { sender: { id: 2 } };
    await call(window1, 'session.signIn', { staffId: 'x', secret: '1234' });
    await call(window1, 'till.listSales', {});
    await call(window2, 'till.listSales', {});
    await call(window1, { not: 'a name' }, undefined);
    await call(window1, 'session.signOut', {});
    await call(window1, 'till.listSales', {});
    // The customer display window the main process opened calls with a view-only session, never a person's.
    await call({ sender: { id: 3 } }, 'till.getCurrentSale', {});
    expect((dispatch.mock.calls.at(-1) as unknown[])[2]).toMatchObject({
      staff: null,
      rights: { session: 'display' },
    });
    expect(seenTokens).toEqual([
      undefined,
      'token-of-window-1',
      undefined,
      'token-of-window-1',
      'token-of-window-1',
      undefined,
      undefined,
    ]);
    expect(dispatch.mock.calls.map((c) => (c as unknown[])[0])).toContain('');
    expect((dispatch.mock.calls[1] as unknown[])[2]).toMatchObject({ channel: 'desktop' });

    const event = { name: 'settings.changed', payload: {} } as unknown as StationEvent;
    listener(event);
    expect(created.map((w) => w.sent)).toEqual([[['kassa:event', event]], [['kassa:event', event]]]);
    ipc.disconnect();
    expect(ipcHandlers.has('kassa:call')).toBe(false);
  });
});

describe('the desktop secret store', () => {
  let folder: ReturnType<typeof tempDir>;
  beforeEach(() => (folder = tempDir()));
  afterEach(() => folder.remove());

  it('keeps the API key encrypted by the OS keychain, in a file only its owner can read', async () => {
    const { createSafeStorageSecretStore } = await import('../../electron/main/safe-storage-secrets');
    const key = 'live-api-key-0123456789abcdef';
    const store = createSafeStorageSecretStore(folder.dir);
    store.set('bancontact.apiKey', key);
    const file = join(folder.dir, 'secrets.enc');
    expect(readFileSync(file, 'utf8')).not.toContain(key);
    expect(readFileSync(file, 'utf8')).toMatch(/^enc:/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createSafeStorageSecretStore(folder.dir).get('bancontact.apiKey')).toBe(key);
    store.delete('bancontact.apiKey');
    expect(store.get('bancontact.apiKey')).toBeNull();
  });
});
