import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { testSiteFor } from './postgres-site';
import { REPO_ROOT } from './temp';

export interface StationProcess {
  url: string;
  simulatorUrl: string | null;
  process: ChildProcess;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL: the station gets no chance to clean up. */
  kill(): Promise<void>;
  /** Everything the station printed so far (stdout and stderr), e.g. to explain a crash. */
  output(): string;
}

export interface SpawnStationArgs {
  dataDir: string;
  /** `--database`: a PostgreSQL site; under `integration-pg` a fresh one when not given, null for SQLite. */
  database?: string | null;
  port?: number;
  simulatorUrl?: string;
  /** `--ppro-simulator-url`: training's PPRO simulator, the test's own. */
  pproSimulatorUrl?: string;
  /** `--public-url`: where Bancontact (here the simulator) posts callbacks; without it, polling alone. */
  publicUrl?: string;
  requestTimeoutMs?: number;
  pollIntervalMs?: number;
  sweepIntervalMs?: number;
  /** `--topup-sweep-interval-ms`: how often each top-up profile is searched. */
  topupSweepIntervalMs?: number;
  /** `--rate-limit`: Bancontact requests per second and profile. */
  rateLimit?: number;
  /** `--station-name`: its name on the site. */
  stationName?: string;
  /** `--devices-listen HOST:PORT`: where it listens for devices behind the site address (HAProxy). */
  devicesListen?: string;
}

const READY =
  /Kassa station ready at (http:\/\/\S+) \((?:training mode, simulator at (http:\/\/\S+?),|live mode,)/;

const OUTPUT_KEPT = 64 * 1024;

/** Runs `electron/cli/station.ts` as its own process, exactly as `npm run station` does. */
export function spawnStation(args: SpawnStationArgs): Promise<StationProcess> {
  const argv = [
    '--import',
    'tsx',
    join(REPO_ROOT, 'electron/cli/station.ts'),
    '--port',
    String(args.port ?? 0),
    '--data',
    args.dataDir,
  ];
  const database = args.database === undefined ? testSiteFor(args.dataDir) : args.database;
  if (database) argv.push('--database', database);
  if (args.simulatorUrl) argv.push('--simulator-url', args.simulatorUrl);
  if (args.pproSimulatorUrl) argv.push('--ppro-simulator-url', args.pproSimulatorUrl);
  if (args.publicUrl) argv.push('--public-url', args.publicUrl);
  if (args.stationName) argv.push('--station-name', args.stationName);
  if (args.devicesListen) argv.push('--devices-listen', args.devicesListen);
  const numbers = {
    '--request-timeout-ms': args.requestTimeoutMs,
    '--poll-interval-ms': args.pollIntervalMs,
    '--sweep-interval-ms': args.sweepIntervalMs,
    '--topup-sweep-interval-ms': args.topupSweepIntervalMs,
    '--rate-limit': args.rateLimit,
  };
  for (const [flag, value] of Object.entries(numbers))
    if (value !== undefined) argv.push(flag, String(value));
  const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      // A station that never got ready must not linger on its port and data folder.
      child.kill('SIGKILL');
      reject(new Error(`station did not start:\n${output}`));
    }, 20_000);
    // Only the tail is kept: a station that runs for a long time logs a lot.
    const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
    child.stderr?.on('data', append);
    child.stdout?.on('data', (chunk: Buffer) => {
      append(chunk);
      const match = ready ? null : READY.exec(output);
      if (!match?.[1]) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        url: match[1],
        simulatorUrl: match[2] ?? null,
        process: child,
        stop: () => end('SIGTERM'),
        kill: () => end('SIGKILL'),
        output: () => output,
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
  /** Gives up (the promise rejects) after this long; no limit when absent. */
  timeoutMs?: number,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  const response = await fetch(`${baseUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
    ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
  });
  return (await response.json()) as
    { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
}

/** Calls one contract method and answers its value; a refusal throws, naming the method and the code. */
export async function mustCall<T = unknown>(
  baseUrl: string,
  method: string,
  input: unknown = {},
): Promise<T> {
  const answer = await callHttp<T>(baseUrl, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}
