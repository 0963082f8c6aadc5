import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Everything the composition root did, recorded by the mocks below. */
const seen = vi.hoisted(() => ({
  windows: [] as Array<{ options: Record<string, unknown>; route: unknown }>,
  permissionHandlers: 0,
  stationOptions: null as Record<string, unknown> | null,
  started: false,
  /** What the HTTP shell was asked for, and the station's own address when it started. */
  shellPorts: [] as number[],
  localUrlAtStart: null as string | null,
  localUrl: null as string | null,
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }] as Array<{
    id: number;
    bounds: { x: number; y: number; width: number; height: number };
  }>,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = {
      id: 0,
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
      send: () => undefined,
    };
    private readonly record: (typeof seen.windows)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, route: null };
      seen.windows.push(this.record);
    }
    once() {}
    loadFile(_file: string, options: { hash: string }) {
      this.record.route = options.hash;
      return Promise.resolve();
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => '/home/cashier/.config/Kassa',
      getVersion: () => '1.2.3',
      isPackaged: false,
      on: () => undefined,
    },
    screen: { getAllDisplays: () => seen.displays, getPrimaryDisplay: () => seen.displays[0] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => void seen.permissionHandlers++,
        setPermissionCheckHandler: () => void seen.permissionHandlers++,
      },
    },
    shell: { openExternal: () => undefined },
    ipcMain: { handle: () => undefined, removeHandler: () => undefined },
    safeStorage: {},
  };
});
vi.mock('electron-updater', () => ({ autoUpdater: { checkForUpdatesAndNotify: () => Promise.resolve() } }));
vi.mock('../../electron/core/station-listeners', () => ({
  startListeners: async (_station: unknown, options: { port: number }) => {
    seen.shellPorts.push(options.port);
    // The default port is taken on this machine: the shell must fall back to a free one.
    if (options.port === 4780) throw new Error('listen EADDRINUSE: address already in use 127.0.0.1:4780');
    return {
      url: 'http://127.0.0.1:51234',
      callbackUrl: null,
      serveDevices: async () => undefined,
      close: async () => undefined,
    };
  },
}));
vi.mock('../../electron/core/station', () => ({
  createStation: (options: Record<string, unknown>) => {
    seen.stationOptions = options;
    return {
      setLocalUrl: (url: string) => void (seen.localUrl = url),
      start: async () => {
        seen.started = true;
        seen.localUrlAtStart = seen.localUrl;
      },
      stop: async () => undefined,
      refusal: () => null,
      dispatch: async () => ({ ok: true, value: null }),
      events: { subscribe: () => () => undefined, onResync: () => () => undefined },
    };
  },
}));

const argv = process.argv;
beforeEach(() => {
  vi.resetModules();
  seen.windows.length = 0;
  seen.permissionHandlers = 0;
  seen.started = false;
  seen.shellPorts.length = 0;
  seen.localUrl = null;
  seen.localUrlAtStart = null;
});
afterEach(() => {
  process.argv = argv;
});

async function launch(): Promise<void> {
  await import('../../electron/main/index');
  await vi.waitFor(() => expect(seen.windows.length).toBeGreaterThanOrEqual(2));
}

describe('the desktop app', () => {
  it('starts the station, then opens the till and the customer display as two hardened windows', async () => {
    process.argv = ['electron', '.', '--data', '/srv/kassa'];
    await launch();
    expect(seen.started).toBe(true);
    expect(seen.stationOptions).toMatchObject({ dataDir: '/srv/kassa', version: '1.2.3' });
    // The desktop app keeps the API key with the OS keychain, not in the headless station's file.
    expect(seen.stationOptions?.secrets).toBeDefined();
    expect(seen.permissionHandlers).toBe(2);
    expect(seen.windows.map((w) => w.route)).toEqual(['/', '/customer']);
    for (const window of seen.windows) {
      expect(window.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      });
    }
  });

  it('runs the HTTP shell for callbacks and tells the station its address before it starts', async () => {
    process.argv = ['electron', '.', '--data', '/srv/kassa'];
    delete process.env.KASSA_PORT;
    await launch();
    expect(seen.shellPorts).toEqual([4780, 0]);
    expect(seen.localUrlAtStart).toBe('http://127.0.0.1:51234');
  });

  it("keeps its data in Electron's user-data folder by default", async () => {
    process.argv = ['electron', '.'];
    delete process.env.KASSA_DATA_DIR;
    await launch();
    expect(seen.stationOptions).toMatchObject({ dataDir: '/home/cashier/.config/Kassa' });
  });

  it('puts the customer display full screen on a second screen when there is one', async () => {
    process.argv = ['electron', '.', '--data', '/srv/kassa'];
    seen.displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1024, height: 768 } });
    await launch();
    expect(seen.windows[1]?.options).toMatchObject({ x: 1920, y: 0, fullscreen: true });
  });
});
