import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SynchronousSetting } from '../../electron/core/db/open-database';
import { REPO_ROOT } from './temp';

export interface DurableStation {
  url: string;
  simulatorUrl: string | null;
  /** The station's own process id (under strace, not strace's). */
  pid: number;
  /** Null while it runs; its exit code or signal once it ended. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  /** SIGTERM to the station and wait for it (and its tracer) to end. */
  stop(): Promise<void>;
  output(): string;
}

export interface DurableStationArgs {
  dataDir: string;
  synchronous?: SynchronousSetting;
  simulatorUrl?: string;
  pollIntervalMs?: number;
  sweepIntervalMs?: number;
  /** Runs the station under `strace -f -tt -yy`, writing the trace here. */
  trace?: { file: string; syscalls: string[] };
}

const READY = /durable station ready at (http:\/\/\S+) \(simulator at (\S+)\) pid (\d+)/;
const OUTPUT_KEPT = 64 * 1024;

function commandLine(args: DurableStationArgs): string[] {
  const argv = [
    process.execPath,
    '--import',
    'tsx',
    join(REPO_ROOT, 'test/support/durable-station-child.ts'),
  ];
  argv.push('--data', args.dataDir, '--synchronous', args.synchronous ?? 'FULL');
  if (args.simulatorUrl) argv.push('--simulator-url', args.simulatorUrl);
  if (args.pollIntervalMs !== undefined) argv.push('--poll-interval-ms', String(args.pollIntervalMs));
  if (args.sweepIntervalMs !== undefined) argv.push('--sweep-interval-ms', String(args.sweepIntervalMs));
  if (!args.trace) return argv;
  // -s 64: enough of each buffer to tell an HTTP request line; -yy: file paths and TCP ends of each fd.
  const { file, syscalls } = args.trace;
  return ['strace', '-f', '-tt', '-yy', '-s', '64', '-o', file, '-e', `trace=${syscalls.join(',')}`, ...argv];
}

/** Starts `durable-station-child.ts` (optionally under strace) and resolves once it serves. */
export function spawnDurableStation(args: DurableStationArgs): Promise<DurableStation> {
  const [command, ...rest] = commandLine(args);
  const child: ChildProcess = spawn(command!, rest, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let ended: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = { code, signal };
      resolve();
    }),
  );
  let output = '';
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
  child.stderr?.on('data', append);
  child.stdout?.on('data', append);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`station did not start:\n${output}`));
    }, 60_000);
    const onData = (): void => {
      const match = READY.exec(output);
      if (!match) return;
      child.stdout?.off('data', onData);
      clearTimeout(timer);
      const pid = Number(match[3]);
      resolve({
        url: match[1]!,
        simulatorUrl: match[2] === 'none' ? null : match[2]!,
        pid,
        exit: () => ended,
        output: () => output,
        async stop() {
          if (ended) return;
          process.kill(pid, 'SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`station exited before it was ready:\n${output}`));
    });
  });
}
