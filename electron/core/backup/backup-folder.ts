import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseBackupFileName, type BackupName } from './backup-names';

/** The `backups/` folder in the data folder, unless the administrator chose another (another disk). */
export function backupFolder(dataDir: string, chosen: string | null): string {
  return chosen ?? join(dataDir, 'backups');
}

/**
 * Why a folder can never hold backups, or null. The kernel's virtual file systems (/proc, /sys, /dev)
 * hold no files; creating folders there can even loop forever in Node's recursive mkdir.
 */
export function unusableFolderReason(folder: string): string | null {
  const clean = resolve(folder);
  const virtual = ['/proc', '/sys', '/dev'].find((root) => clean === root || clean.startsWith(`${root}/`));
  return virtual ? `is inside ${virtual}, a system folder that cannot hold files` : null;
}

/**
 * Every folder a restore looks in: the chosen one, the data folder's own `backups/`, and the folders
 * chosen before, so that moving backups to another disk never hides the earlier ones.
 */
export function restorableFolders(
  dataDir: string,
  settings: { folder: string | null; previousFolders: readonly string[] },
): string[] {
  const all = [
    backupFolder(dataDir, settings.folder),
    backupFolder(dataDir, null),
    ...settings.previousFolders,
  ];
  return [...new Set(all)].filter((folder) => unusableFolderReason(folder) === null);
}

/** The backups of all those folders, newest first; a name found twice is the first folder's. */
export function listRestorableBackups(folders: readonly string[]): BackupFile[] {
  const byName = new Map<string, BackupFile>();
  for (const file of folders.flatMap(listBackups))
    if (!byName.has(file.fileName)) byName.set(file.fileName, file);
  return [...byName.values()].sort((a, b) => b.takenAt - a.takenAt);
}

export interface BackupFile extends BackupName {
  fileName: string;
  path: string;
  sizeBytes: number;
}

/** The backups Kassa wrote in `folder`, newest first; other files are left out. A missing folder holds none. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupFile[] = [];
  for (const fileName of names) {
    const parsed = parseBackupFileName(fileName);
    if (!parsed) continue;
    const path = join(folder, fileName);
    found.push({ ...parsed, fileName, path, sizeBytes: statSync(path).size });
  }
  return found.sort((a, b) => b.takenAt - a.takenAt);
}
