import type { MethodName, MethodOutput, Result, StationEvent } from '../../shared/contract';
import { stationWindowCaller, type Caller } from '../../electron/core/api/dispatcher';
import { silentLogger } from '../../electron/core/logging/logger';
import { createStation, type Station, type StationOptions } from '../../electron/core/station';
import {
  startSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '../../electron/core/simulator';
import { signInAs } from './sign-in';
import { testSiteFor } from './postgres-site';
import { MIGRATIONS, tempDir } from './temp';

export const localCaller: Caller = stationWindowCaller('local-http');

export interface TestStation {
  station: Station;
  dataDir: string;
  /** The PostgreSQL site the station runs on, or null on SQLite. */
  database: string | null;
  events: StationEvent[];
  call<M extends MethodName>(method: M, input: unknown): Promise<Result<MethodOutput<M>>>;
  /** Like `call`, but fails the test when the call fails. */
  must<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A station on a real SQLite folder, in-process, reached through its dispatcher; under `integration-pg`
 * its books and people are on a fresh site of the run's PostgreSQL server (kept across restarts).
 */
export async function startTestStation(options: Partial<StationOptions> = {}): Promise<TestStation> {
  const folder = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? folder!.dir;
  const database = options.database === undefined ? testSiteFor(dataDir) : options.database;
  const make = (): Station =>
    createStation({
      dataDir,
      migrationsFolder: MIGRATIONS,
      logger: silentLogger,
      pollIntervalMs: 50,
      ...options,
      database,
    });
  const events: StationEvent[] = [];
  let station = make();
  let unsubscribe = station.events.subscribe((event) => events.push(event));
  await station.start();
  // Going live needs a real administrator signed in: one is made the first time a test goes live, and
  // kept across restarts like a browser keeps its cookie. Every other call is the station window's.
  let administratorToken: string | undefined;
  const callerFor = async (method: string): Promise<Caller> => {
    if (method !== 'settings.goLive' && method !== 'profiles.goLive') return localCaller;
    administratorToken ??= (await signInAs(station, 'administrator', { name: 'Test administrator' })).token();
    return station.access.callerFor({ channel: 'local-http', sessionToken: administratorToken });
  };
  const call = async <M extends MethodName>(method: M, input: unknown) =>
    station.dispatch(method, input, await callerFor(method)) as Promise<Result<MethodOutput<M>>>;
  return {
    get station() {
      return station;
    },
    dataDir,
    database,
    events,
    call,
    async must(method, input) {
      const result = await call(method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    async restart() {
      unsubscribe();
      await station.stop();
      station = make();
      unsubscribe = station.events.subscribe((event) => events.push(event));
      await station.start();
    },
    async close() {
      unsubscribe();
      await station.stop();
      folder?.remove();
    },
  };
}

export async function startTestSimulator(options: SimulatorServerOptions = {}): Promise<
  SimulatorServer & {
    control<T = unknown>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  }
> {
  const server = await startSimulatorServer({ port: 0, ...options });
  return {
    ...server,
    async control(path, body) {
      const response = await fetch(server.baseUrl + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as never };
    },
  };
}
