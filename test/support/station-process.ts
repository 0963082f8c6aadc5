import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './temp';

export interface StationProcess {
  url: string;
  simulatorUrl: string | null;
  process: ChildProcess;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the station gets no chance to clean up. */
  kill(): Promise<void>;
}

const READY =
  /Kassa station ready at (http:\/\/\S+) \((?:training mode, simulator at (http:\/\/\S+?),|live mode,)/;

/** Runs `electron/cli/station.ts` as its own process, exactly as `npm run station` does. */
export function spawnStation(args: {
  dataDir: string;
  port?: number;
  simulatorUrl?: string;
}): Promise<StationProcess> {
  const argv = [
    '--import',
    'tsx',
    join(REPO_ROOT, 'electron/cli/station.ts'),
    '--port',
    String(args.port ?? 0),
    '--data',
    args.dataDir,
  ];
  if (args.simulatorUrl) argv.push('--simulator-url', args.simulatorUrl);
  const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`station did not start:\n${output}`)), 20_000);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        simulatorUrl: match[2] ?? null,
        process: child,
        stop: () => end('SIGTERM'),
        kill: () => end('SIGKILL'),
      });
    });
    child.once('exit', (code) => reject(new Error(`station exited with ${code}:\n${output}`)));
  });
}

/** Calls one contract method over the HTTP shell. */
export async function callHttp<T = unknown>(
  baseUrl: string,
  method: string,
  input: unknown = {},
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  const response = await fetch(`${baseUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}
