import { resolve } from 'node:path';

/** The CLI runs from the source tree (via tsx), so resources sit at fixed places beside it. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const MIGRATIONS_FOLDER = resolve(REPO_ROOT, 'resources', 'migrations');
export const RENDERER_DIR = resolve(REPO_ROOT, 'out', 'renderer');
export const STATION_MIGRATIONS_FOLDER = resolve(REPO_ROOT, 'resources', 'station-migrations');
