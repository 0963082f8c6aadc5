import { join } from 'node:path';
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type Session } from 'electron';

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
} as const;

/** Kassa's UI needs no camera, microphone, location or notifications: every request is refused. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** A window that runs only Kassa's own UI: no navigation away, no pop-ups, no Node. */
export function createSecureWindow(
  route: string,
  extra: BrowserWindowConstructorOptions = {},
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    show: false,
    ...extra,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  const devServer = process.env.ELECTRON_RENDERER_URL;
  if (devServer) void window.loadURL(`${devServer}#${route}`);
  else void window.loadFile(join(__dirname, '../renderer/index.html'), { hash: route });
  return window;
}
