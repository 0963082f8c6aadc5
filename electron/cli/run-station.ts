import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpShell } from '../core/api/http-server';
import { createConsoleLogger } from '../core/logger';
import { createStation } from '../core/station';
import { MIGRATIONS_FOLDER, RENDERER_DIR, REPO_ROOT } from './paths';

export interface RunStationOptions {
  port: number;
  dataDir: string;
  simulatorUrl?: string;
}

/** Starts the station and its HTTP shell, prints where it listens, and stops cleanly on a signal. */
export async function runStation(options: RunStationOptions): Promise<void> {
  const logger = createConsoleLogger(true);
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version;
  const station = createStation({
    dataDir: options.dataDir,
    migrationsFolder: MIGRATIONS_FOLDER,
    simulatorUrl: options.simulatorUrl,
    logger,
    version,
  });
  await station.start();
  const hasUi = existsSync(join(RENDERER_DIR, 'index.html'));
  const shell = await startHttpShell(station, { port: options.port, rendererDir: RENDERER_DIR });
  const simulatorUrl = station.simulatorUrl();
  const mode = simulatorUrl ? `training mode, simulator at ${simulatorUrl}` : 'live mode';
  console.log(`Kassa station ready at ${shell.url} (${mode}, data in ${options.dataDir})`);
  if (!hasUi) console.log('The UI is not built yet: run `npm run build` to serve it here.');
  const shutdown = async (): Promise<void> => {
    await shell.close();
    await station.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

export function failStart(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  const hint = message.includes('EADDRINUSE') ? ' (that port is taken: choose another with --port)' : '';
  console.error(`Kassa could not start: ${message}${hint}`);
  process.exit(1);
}
