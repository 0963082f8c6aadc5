import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import type { StationOptions } from '../../electron/core/station';
import { startTestSimulator, type TestStation } from './station-in-process';
import { REPO_ROOT } from './temp';

export const DAY_MS = 86_400_000;

/** Every file under `dir` (relative path) with the SHA-256 of its content. */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      // The station's own database (people, devices, the audit log) is written by a refused start too:
      // people sign in on the refusal screen, and refused calls are audited. The books are what must not change.
      if (folder === dir && name.startsWith('station.sqlite')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

export type Simulator = Awaited<ReturnType<typeof startTestSimulator>>;

/** A clock the test moves a business day at a time, so that each day can get its Z. */
export function testClock(start = Date.now()) {
  let at = start;
  return { now: () => at, nextDay: () => void (at += DAY_MS) };
}

/** Options for a station whose production Bancontact is the given simulator. */
export function liveOptions(sim: Simulator, dataDir: string, now: () => number): Partial<StationOptions> {
  return { dataDir, simulatorUrl: sim.baseUrl, environmentUrls: { production: sim.baseUrl }, now };
}

/** Production credentials tested and used, as the Settings screen does. */
export async function goLive(station: TestStation): Promise<void> {
  const credentials = {
    environment: 'production',
    ppid: TRAINING_DISPLAY_PROFILE.ppid,
    apiKey: TRAINING_DISPLAY_PROFILE.apiKey,
  } as const;
  await station.must('settings.testConnection', credentials);
  await station.must('settings.goLive', credentials);
}

/** Closes today with a Z and moves to the next business day; answers the Z's number. */
export async function closeDay(station: TestStation, clock: ReturnType<typeof testClock>): Promise<number> {
  const report = await station.must('reports.closeDay', {});
  clock.nextDay();
  return report.number ?? -1;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command-line entry point (`electron/cli/<name>.ts`) to its end. */
export function runCli(name: string, args: string[]): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron/cli', `${name}.ts`), ...args],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}
