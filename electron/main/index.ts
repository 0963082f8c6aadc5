import { join } from 'node:path';
import { app, screen, session } from 'electron';
import { startHttpShell, type HttpShell } from '../core/api/http-server';
import { desktopDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { createStation } from '../core/station';
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
  const station = createStation({
    dataDir,
    migrationsFolder: join(resources, 'migrations'),
    secrets: createSafeStorageSecretStore(dataDir),
    version: app.getVersion(),
  });
  const shell = await startDesktopShell(station);
  station.setLocalUrl(shell.url);
  await station.start();
  // A refused start keeps the app open: the window shows the reason and the remedies instead of the till.
  const refusal = station.refusal();
  if (refusal) console.error(refusal.line);
  const disconnect = connectIpc(station);
  createSecureWindow('/');
  openCustomerDisplay();
  checkForUpdates();
  app.on('window-all-closed', () => {
    disconnect();
    void shell
      .close()
      .then(() => station.stop())
      .then(() => app.quit());
  });
}

/**
 * The station's HTTP shell runs beside the windows, on 127.0.0.1 only: Bancontact's callbacks reach it
 * through the merchant's tunnel or reverse proxy, the built-in simulator calls back to it in training
 * mode, and linked devices use it. KASSA_PORT chooses the port; a taken port falls back to a free one.
 */
async function startDesktopShell(station: Parameters<typeof startHttpShell>[0]): Promise<HttpShell> {
  const port = Number(process.env.KASSA_PORT ?? 4780);
  const rendererDir = join(__dirname, '../renderer');
  try {
    return await startHttpShell(station, { port, rendererDir });
  } catch {
    return startHttpShell(station, { port: 0, rendererDir });
  }
}

/** The customer display goes full screen on a second screen when there is one. */
function openCustomerDisplay(): void {
  const displays = screen.getAllDisplays();
  const external = displays.find((display) => display.id !== screen.getPrimaryDisplay().id);
  if (external) {
    createSecureWindow('/customer', { x: external.bounds.x, y: external.bounds.y, fullscreen: true });
  } else {
    createSecureWindow('/customer', { width: 800, height: 600 });
  }
}

// Before Electron or the station writes anything: the data folder's files are the user's alone.
keepNewFilesPrivate();
void main();
