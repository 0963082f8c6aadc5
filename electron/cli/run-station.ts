import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpShell } from '../core/api/http-server';
import { keepNewFilesPrivate } from '../core/data-folder';
import { createConsoleLogger } from '../core/logging/logger';
import { createStation, type StationOptions } from '../core/station';
import { MIGRATIONS_FOLDER, RENDERER_DIR, REPO_ROOT } from './paths';

export interface RunStationOptions extends Pick<
  StationOptions,
  'dataDir' | 'simulatorUrl' | 'publicUrl' | 'requestTimeoutMs' | 'pollIntervalMs' | 'sweepIntervalMs' | 'rateLimitPerSecond'
> {
  port: number;
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
export async function runStation({ port, exitOnRefusal = true, ...options }: RunStationOptions): Promise<string> {
  keepNewFilesPrivate();
  const logger = createConsoleLogger(true);
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const station = createStation({ ...options, migrationsFolder: MIGRATIONS_FOLDER, logger, version });
  // The shell listens first so the station knows its own address (training callbacks come back to it).
  const shell = await startHttpShell(station, { port, rendererDir: RENDERER_DIR });
  station.setLocalUrl(shell.url);
  await station.start();
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
  const simulatorUrl = station.simulatorUrl();
  const mode = simulatorUrl ? `training mode, simulator at ${simulatorUrl}` : 'live mode';
  console.log(`Kassa station ready at ${shell.url} (${mode}, data in ${options.dataDir})`);
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    console.log('The UI is not built yet: run `npm run build` to serve it here.');
  }
  const shutdown = async (): Promise<void> => {
    await shell.close();
    await station.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return shell.url;
}

export function failStart(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const hint = message.includes('EADDRINUSE') ? ' (that port is taken: choose another with --port)' : '';
  console.error(`Kassa could not start: ${message}${hint}`);
  process.exit(1);
}
