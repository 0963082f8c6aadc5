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
