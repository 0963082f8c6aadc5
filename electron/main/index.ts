import { join } from 'node:path';
import { app, screen, session, type BrowserWindow } from 'electron';
import { desktopDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { createConsoleLogger } from '../core/logging/logger';
import { createStation, type Station } from '../core/station';
import { startListeners, type StationListeners } from '../core/station-listeners';
import { connectIpc } from './ipc';
import { createSafeStorageSecretStore } from './safe-storage-secrets';
import { createSecureWindow, hardenSession } from './secure-window';
import { checkForUpdates } from './updater';

/** Composition root of the desktop app: the station, the IPC bridge and two windows. */
async function main(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  const dataDir = desktopDataDir(process.argv, app.getPath('userData'));
  const resources = app.isPackaged ? process.resourcesPath : join(__dirname, '../../resources');
  const logger = createConsoleLogger();
  const station = createStation({
    dataDir,
    migrationsFolder: join(resources, 'migrations'),
    secrets: createSafeStorageSecretStore(dataDir),
    version: app.getVersion(),
    logger,
  });
  const shell = await startDesktopShell(station, dataDir, logger);
  station.setLocalUrl(shell.url);
  await station.start();
  await shell.serveDevices();
  // A refused start keeps the app open: the window shows the reason and the remedies instead of the till.
  const refusal = station.refusal();
  if (refusal) console.error(refusal.line);
  const ipc = connectIpc(station);
  createSecureWindow('/');
  ipc.showsCustomerDisplay(openCustomerDisplay().webContents.id);
  checkForUpdates();
  app.on('window-all-closed', () => {
    ipc.disconnect();
    void shell
      .close()
      .then(() => station.stop())
      .then(() => app.quit());
  });
}

/**
 * The station's listeners run beside the windows: the HTTP shell on 127.0.0.1 only (the built-in
 * simulator calls back to it in training mode, a browser on this computer can use it), and the HTTPS
 * listener for linked devices once an administrator turns it on. KASSA_PORT chooses the loopback port;
 * a taken port falls back to a free one.
 */
async function startDesktopShell(
  station: Station,
  dataDir: string,
  logger: ReturnType<typeof createConsoleLogger>,
): Promise<StationListeners> {
  const port = Number(process.env.KASSA_PORT ?? 4780);
  const options = { port, rendererDir: join(__dirname, '../renderer'), dataDir, logger };
  try {
    return await startListeners(station, options);
  } catch {
    return startListeners(station, { ...options, port: 0 });
  }
}

/** The customer display goes full screen on a second screen when there is one. */
function openCustomerDisplay(): BrowserWindow {
  const displays = screen.getAllDisplays();
  const external = displays.find((display) => display.id !== screen.getPrimaryDisplay().id);
  if (external) {
    return createSecureWindow('/customer', { x: external.bounds.x, y: external.bounds.y, fullscreen: true });
  }
  return createSecureWindow('/customer', { width: 800, height: 600 });
}

// Before Electron or the station writes anything: the data folder's files are the user's alone.
keepNewFilesPrivate();
void main();
