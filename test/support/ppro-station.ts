import {
  startPproSimulatorServer,
  type PproSimulatorServer,
  type PproSimulatorServerOptions,
} from '../../electron/core/ppro-simulator';
import type { StationOptions } from '../../electron/core/station';
import { startTestStation, type TestStation } from './station-in-process';

export interface TestPproSimulator extends PproSimulatorServer {
  /** The simulator's control API (`/_sim/...`): GET without a body, POST with one. */
  control<T = Record<string, unknown>>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** A PPRO simulator of the test's own, on a free port, its control API at hand. */
export async function startTestPproSimulator(
  options: PproSimulatorServerOptions = {},
): Promise<TestPproSimulator> {
  const server = await startPproSimulatorServer({ port: 0, ...options });
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

export interface PproTestStation {
  station: TestStation;
  ppro: TestPproSimulator;
  close(): Promise<void>;
}

/**
 * A training station (startTestStation, both engines) whose agreements go to the test's own PPRO
 * simulator: the test authorises, refuses, moves the clock and sets the maximum there.
 */
export async function startPproTestStation(
  options: { station?: Partial<StationOptions>; simulator?: PproSimulatorServerOptions } = {},
): Promise<PproTestStation> {
  const ppro = await startTestPproSimulator(options.simulator);
  const station = await startTestStation({ pproSimulatorUrl: ppro.baseUrl, ...options.station }).catch(
    async (error: unknown) => {
      await ppro.close();
      throw error;
    },
  );
  return {
    station,
    ppro,
    async close() {
      await station.close();
      await ppro.close();
    },
  };
}
