import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  claimStationLock,
  runningStation,
  STATION_LOCK_FILE,
} from '../../electron/core/restore/station-lock';
import { spawnStation, type StationProcess } from '../support/station-process';
import { REPO_ROOT, tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let first: StationProcess | null = null;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await first?.stop();
  first = null;
  for (const cleanup of cleanups.splice(0)) cleanup();
  folder.remove();
});

function cli(script: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr };
}

/** The process id of a process that has ended: what a lock left by a killed station names. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(run.stdout);
}

describe('one station per data folder', () => {
  it('refuses a second station in one plain line, and keeps the first one’s claim', async () => {
    folder = tempDir();
    first = await spawnStation({ dataDir: folder.dir });
    const pid = first.process.pid!;

    const second = cli('electron/cli/station.ts', '--port', '0', '--data', folder.dir);
    expect(second.status).toBe(1);
    expect(second.stderr.trim()).toBe(
      `Kassa could not start: another Kassa station (process ${pid}) is already running on this data folder: stop it first`,
    );
    expect(runningStation(folder.dir)).toBe(pid);
    // `npm run restore` refused beside a running station: station-lock-restore.test.ts (SQLite files).
  });

  it('takes over a killed station’s lock in place when the disk is full', () => {
    folder = tempDir();
    const dataDir = join(folder.dir, 'data');
    execFileSync('mkdir', ['-p', dataDir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', dataDir]);
    cleanups.push(() => execFileSync('umount', [dataDir]));
    const lock = join(dataDir, STATION_LOCK_FILE);
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), startedAt: 1 }).padEnd(64));
    expect(runningStation(dataDir)).toBeNull();
    const filler = openSync(join(dataDir, 'filler'), 'w');
    try {
      for (;;) writeSync(filler, Buffer.alloc(4096));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      closeSync(filler);
    }

    claimStationLock(dataDir, 2);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toEqual({ pid: process.pid, startedAt: 2 });
  });
});
