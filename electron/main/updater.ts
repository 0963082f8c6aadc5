import { app } from 'electron';
import { autoUpdater } from 'electron-updater';

/** Checks for a signed update in packaged builds only; a failed check never disturbs the till. */
export function checkForUpdates(): void {
  if (!app.isPackaged) return;
  autoUpdater.checkForUpdatesAndNotify().catch(() => undefined);
}
