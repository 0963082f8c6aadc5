import { createServer } from 'node:net';
import type { Result } from '../../shared/contract';
import {
  callHttp,
  spawnStation,
  type SpawnStationArgs,
  type StationProcess,
} from '../support/station-process';

/** How long one contract call may take before the cashier treats the station as unreachable. */
const CALL_TIMEOUT_MS = 15_000;
const START_ATTEMPTS = 3;

export interface UnexpectedExit {
  at: string;
  code: number | null;
  signal: string | null;
  /** The last lines the station printed. */
  outputTail: string;
}

/** A free loopback port, chosen once: the station must come back on the same one for callbacks to reach it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

/**
 * Runs the station as its own process on one port and one data folder, kills it with SIGKILL when
 * told, and starts it again at once, like a till that is power-cycled. A station that dies without
 * being told to is restarted too, and its death is recorded: that is a crash, a finding of the run.
 */
export class StationSupervisor {
  kills = 0;
  readonly unexpectedExits: UnexpectedExit[] = [];
  private current: StationProcess | null = null;
  private up: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(private readonly args: SpawnStationArgs & { port: number }) {}

  get url(): string {
    return `http://127.0.0.1:${this.args.port}`;
  }

  async start(): Promise<void> {
    this.up = this.spawn();
    await this.up;
  }

  /**
   * SIGKILL, then start again on the same folder; resolves once the new station serves. A kill asked
   * for while the station is still coming back waits for it, so two stations never share the folder.
   */
  killAndRestart(): Promise<void> {
    this.up = this.up.then(async () => {
      const victim = this.current;
      this.current = null;
      this.kills += 1;
      await victim?.kill();
      await this.spawn();
    });
    return this.up;
  }

  /** Resolves when the station serves again (at once when it is up). */
  whenUp(): Promise<void> {
    return this.up;
  }

  isUp(): boolean {
    return this.current !== null;
  }

  /** Sends a signal to the running station: SIGSTOP freezes it, SIGCONT wakes it. */
  signal(signal: NodeJS.Signals): void {
    this.current?.process.kill(signal);
  }

  /** One contract call; a station that is down or does not answer is STATION_UNREACHABLE, never a throw. */
  async call<T>(method: string, input: unknown = {}): Promise<Result<T>> {
    await this.up;
    try {
      return (await callHttp<T>(this.url, method, input, CALL_TIMEOUT_MS)) as Result<T>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'STATION_UNREACHABLE', message } };
    }
  }

  /** SIGTERM: the clean stop before the station's database is read. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.up.catch(() => undefined);
    const last = this.current;
    this.current = null;
    await last?.stop();
  }

  private async spawn(): Promise<void> {
    let lastError: unknown;
    // A port freed by SIGKILL is free at once; the retries cover a slow start on a loaded machine.
    for (let attempt = 0; attempt < START_ATTEMPTS; attempt++) {
      try {
        const station = await spawnStation(this.args);
        this.watch(station);
        this.current = station;
        return;
      } catch (error) {
        lastError = error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    throw new Error(`the station would not start again: ${String(lastError)}`);
  }

  private watch(station: StationProcess): void {
    station.process.once('exit', (code, signal) => {
      // Our own SIGKILL and SIGTERM clear `current` first; anything else is the station dying by itself.
      if (this.current !== station || this.stopping) return;
      this.unexpectedExits.push({
        at: new Date().toISOString(),
        code,
        signal,
        outputTail: station.output().slice(-4_000),
      });
      this.current = null;
      this.up = this.spawn();
    });
  }
}
