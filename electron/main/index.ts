import { join } from 'node:path';
import { app, screen, session } from 'electron';
import { desktopDataDir } from '../core/config';
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
  await station.start();
  const disconnect = connectIpc(station);
  createSecureWindow('/');
  openCustomerDisplay();
  checkForUpdates();
  app.on('window-all-closed', () => {
    disconnect();
    void station.stop().then(() => app.quit());
  });
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

void main();
