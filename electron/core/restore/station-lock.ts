import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../files/durable-file';

/** Written by a running station in its data folder; `npm run restore` refuses while its process lives. */
export const STATION_LOCK_FILE = 'station.lock';

interface LockContents {
  pid: number;
  startedAt: number;
}

export function claimStationLock(dataDir: string, at: number): void {
  const contents: LockContents = { pid: process.pid, startedAt: at };
  writePrivateFile(join(dataDir, STATION_LOCK_FILE), JSON.stringify(contents));
}

/** Removes the lock when it is this process's own (another station may have taken the folder since). */
export function releaseStationLock(dataDir: string): void {
  if (readLock(dataDir)?.pid === process.pid) rmSync(join(dataDir, STATION_LOCK_FILE), { force: true });
}

/**
 * The process id of a station running on this data folder, or null. A lock left behind by a station
 * that was killed names a process that no longer exists, and is ignored. (A reused process id could
 * make a stale lock look alive; the message names the pid so the administrator can check.)
 */
export function runningStation(dataDir: string): number | null {
  const lock = readLock(dataDir);
  if (!lock || lock.pid === process.pid) return null;
  return isAlive(lock.pid) ? lock.pid : null;
}

function readLock(dataDir: string): LockContents | null {
  try {
    const parsed = JSON.parse(
      readFileSync(join(dataDir, STATION_LOCK_FILE), 'utf8'),
    ) as Partial<LockContents>;
    return typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0
      ? { pid: parsed.pid, startedAt: Number(parsed.startedAt) }
      : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
