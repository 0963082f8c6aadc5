import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFile } from '../files/durable-file';

/** Written by a running station in its data folder; `npm run restore` refuses while its process lives. */
export const STATION_LOCK_FILE = 'station.lock';

interface LockContents {
  pid: number;
  startedAt: number;
}

/** Another station already runs on this data folder: two stations on one book would each write to it. */
export class StationAlreadyRunning extends Error {
  constructor(readonly pid: number) {
    super(`another Kassa station (process ${pid}) is already running on this data folder: stop it first`);
    this.name = 'StationAlreadyRunning';
  }
}

/** Every lock is written at this size, so a new one always fits in place of an old one, even on a full disk. */
const LOCK_BYTES = 64;

/**
 * Claims the data folder for this process: refused while another living station holds it. On a full
 * disk a lock left by a killed station is overwritten in place (same size, no new space needed), so
 * `npm run restore` never takes the stale lock for a free folder while this station runs.
 */
export function claimStationLock(dataDir: string, at: number): void {
  const other = runningStation(dataDir);
  if (other !== null) throw new StationAlreadyRunning(other);
  const file = join(dataDir, STATION_LOCK_FILE);
  const contents = JSON.stringify({ pid: process.pid, startedAt: at } satisfies LockContents).padEnd(
    LOCK_BYTES,
  );
  try {
    writePrivateFile(file, contents);
  } catch (error) {
    if (!existsSync(file)) throw error;
    writeFileSync(file, contents, { flag: 'r+' });
  }
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
