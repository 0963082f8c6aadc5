import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPO_ROOT } from './temp';

const CLI = join(REPO_ROOT, 'electron/cli/simulator.ts');

/** What `npm run simulator -- --json` prints on its one line. */
export interface CliInfo {
  baseUrl: string;
  jwksUrl: string;
  profiles: Array<Record<string, unknown>>;
}

export interface RunningCli {
  child: ChildProcess;
  info: CliInfo;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

// `node --import tsx` runs the CLI without the npx/tsx wrapper processes, so signals reach the simulator
// itself and the exit code is the simulator's.
export function spawnCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the CLI with `--json` added and waits for its line; the caller stops it. */
export async function startCliJson(args: string[]): Promise<RunningCli> {
  const child = spawnCli([...args, '--json']);
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`simulator CLI exited (${String(code)}) before printing its line`);
  });
  // Handled here so a normal exit later is no unhandled rejection; the race below still sees it.
  exited.catch(() => undefined);
  const [line] = (await Promise.race([once(lines, 'line'), exited])) as [string];
  const info = JSON.parse(line) as CliInfo;
  return {
    child,
    info,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      const done = once(child, 'exit');
      child.kill(signal);
      const [code] = (await done) as [number | null];
      return code;
    },
  };
}
