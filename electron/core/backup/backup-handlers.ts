import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import { ContractFailure } from '../../../shared/contract';
import type { BackupView } from '../../../shared/contract/backup-methods';
import type { Handlers } from '../api/dispatcher';
import { unusableFolderReason } from './backup-folder';
import type { BackupOutcome } from './backup-runner';
import type { BackupService, BackupSettings } from './backup-service';

export interface BackupHandlerDeps {
  backups: BackupService;
  settings: () => BackupSettings;
  saveSettings: (next: BackupSettings) => void;
}

type BackupMethods =
  'backups.getStatus' | 'backups.list' | 'backups.runNow' | 'backups.setFolder' | 'backups.setInterval';

/** The Backups section of Settings: status, list, Back up now, the folder and the interval. */
export function createBackupHandlers({
  backups,
  settings,
  saveSettings,
}: BackupHandlerDeps): Pick<Handlers, BackupMethods> {
  const change = (next: Partial<BackupSettings>) => {
    saveSettings({ ...settings(), ...next });
    backups.announce();
    return backups.status();
  };
  return {
    'backups.getStatus': () => backups.status(),
    'backups.list': ({ limit }) => backups.list(limit),
    'backups.runNow': async () => viewOrFailure(await backups.backUp('manual')),
    'backups.setFolder': ({ folder }) =>
      change(movedTo(settings(), folder === null ? null : usableFolder(folder))),
    'backups.setInterval': ({ intervalMinutes }) => change({ intervalMinutes }),
  };
}

/** The folder left behind is remembered: its backups can still be restored. */
function movedTo(current: BackupSettings, folder: string | null): Partial<BackupSettings> {
  const left = current.folder;
  if (left === null || left === folder) return { folder };
  const previousFolders = [left, ...current.previousFolders.filter((f) => f !== left && f !== folder)];
  return { folder, previousFolders: previousFolders.slice(0, 20) };
}

function viewOrFailure(outcome: BackupOutcome): BackupView {
  if (!outcome.ok) {
    const full = outcome.code === 'ENOSPC' || outcome.code === 'SQLITE_FULL';
    throw new ContractFailure(full ? 'DISK_FULL' : 'INTERNAL', `The backup failed: ${outcome.message}`);
  }
  const { fileName, databaseFile, takenAt, reason, sizeBytes } = outcome;
  return { fileName, databaseFile, takenAt: new Date(takenAt).toISOString(), reason, sizeBytes };
}

/**
 * A folder the station can use for backups: absolute (a relative path would depend on where the
 * station happened to start), created if missing, and writable, proven by writing a file there now
 * rather than at the next Z.
 */
export function usableFolder(folder: string): string {
  const refuse = (why: string): never => {
    throw new ContractFailure('INVALID_INPUT', `The backup folder ${folder} ${why}`, { fields: ['folder'] });
  };
  if (!isAbsolute(folder))
    refuse('is not an absolute path (it must start at the root, e.g. /media/usb/kassa)');
  const clean = normalize(folder);
  const unusable = unusableFolderReason(clean);
  if (unusable) refuse(unusable);
  try {
    mkdirSync(clean, { recursive: true, mode: 0o700 });
  } catch (error) {
    refuse(`cannot be created: ${(error as Error).message}`);
  }
  const probe = join(clean, `.kassa-write-test-${process.pid}`);
  try {
    writeFileSync(probe, 'kassa', { mode: 0o600 });
    rmSync(probe, { force: true });
  } catch (error) {
    refuse(`cannot be written: ${(error as Error).message}`);
  }
  return clean;
}
