import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { keepNewFilesPrivate } from '../core/data-folder';
import { createConsoleLogger } from '../core/logging/logger';
import { createStation, type Station, type StationOptions } from '../core/station';
import { MIGRATIONS_FOLDER, RENDERER_DIR, REPO_ROOT } from './paths';
import { startListeners } from '../core/station-listeners';
import { parseListenAddress } from '../core/station-config';

export interface RunStationOptions extends Pick<
  StationOptions,
  | 'dataDir'
  | 'database'
  | 'stationName'
  | 'devicesListen'
  | 'simulatorUrl'
  | 'pproSimulatorUrl'
  | 'publicUrl'
  | 'requestTimeoutMs'
  | 'pollIntervalMs'
  | 'sweepIntervalMs'
  | 'topupSweepIntervalMs'
  | 'rateLimitPerSecond'
> {
  port: number;
  /** A listener that answers only Bancontact's callbacks (`--callback-port`); off when absent. */
  callbackPort?: number;
  callbackHost?: string;
  /**
   * `npm run station` exits 1 on a refused start, after its one line; `npm start`'s browser fallback
   * keeps serving the refusal screen instead.
   */
  exitOnRefusal?: boolean;
}

/**
 * Starts the station and its HTTP shell, prints where it listens, and stops cleanly on a signal.
 * Resolves with the shell's URL: with port 0 only the shell knows which port it got.
 */
export async function runStation(runOptions: RunStationOptions): Promise<string> {
  const { port, exitOnRefusal = true, callbackPort, callbackHost, ...options } = runOptions;
  keepNewFilesPrivate();
  const logger = createConsoleLogger(true);
  const station = createStation({
    ...options,
    migrationsFolder: MIGRATIONS_FOLDER,
    logger,
    version: kassaVersion(),
  });
  // The shell listens first so the station knows its own address (training callbacks come back to it).
  const shell = await startListeners(station, {
    ...{ port, callbackPort, callbackHost, rendererDir: RENDERER_DIR, dataDir: options.dataDir, logger },
    // createStation refused a malformed one above, with the field named.
    devicesListen: options.devicesListen ? parseListenAddress(options.devicesListen) : null,
  });
  station.setLocalUrl(shell.url);
  await station.start();
  await shell.serveDevices();
  if (shell.callbackUrl) console.log(`Bancontact callbacks (only) at ${shell.callbackUrl}`);
  const refusal = station.refusal();
  if (refusal) {
    // One line naming the file and the remedy, no stack trace.
    console.error(refusal.line);
    if (exitOnRefusal) {
      await shell.close();
      await station.stop();
      process.exit(1);
    }
    console.log(`Kassa refused to start; the reason and the remedies are shown at ${shell.url}`);
    return shell.url;
  }
  sayReady(station, shell.url, options.dataDir);
  const shutdown = async (): Promise<void> => {
    await shell.close();
    await station.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return shell.url;
}

function sayReady(station: Station, url: string, dataDir: string): void {
  const simulatorUrl = station.simulatorUrl();
  const mode = simulatorUrl ? `training mode, simulator at ${simulatorUrl}` : 'live mode';
  console.log(`Kassa station ready at ${url} (${mode}, data in ${dataDir})`);
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.log('The UI is not built yet: run `npm run build` to serve it here.');
  }
}

function kassaVersion(): string {
  return (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function failStart(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const hint = message.includes('EADDRINUSE') ? ' (that port is taken: choose another with --port)' : '';
  console.error(`Kassa could not start: ${message}${hint}`);
  process.exit(1);
}
