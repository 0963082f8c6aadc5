import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'Kassa';

/** Where Electron's `app.getPath('userData')` would put Kassa's data, so both shells share one folder. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

/** `--data DIR` wins, then `KASSA_DATA_DIR`, then the OS user-data folder. */
export function resolveDataDir(flag: string | undefined, env = process.env): string {
  if (flag) return resolve(flag);
  if (env.KASSA_DATA_DIR) return resolve(env.KASSA_DATA_DIR);
  return defaultDataDir(process.platform, env);
}

/** The value of `--data DIR` or `--data=DIR` in a command line, if any. */
export function dataFlag(argv: readonly string[]): string | undefined {
  const at = argv.findIndex((arg) => arg === '--data' || arg.startsWith('--data='));
  if (at === -1) return undefined;
  const arg = argv[at] ?? '';
  return arg === '--data' ? argv[at + 1] : arg.slice('--data='.length);
}

/**
 * The desktop app's data folder: the same order as the headless station, except that the OS default
 * comes from Electron itself (`app.getPath('userData')`), which a packaged app may have been told to move.
 */
export function desktopDataDir(argv: readonly string[], userData: string, env = process.env): string {
  const flag = dataFlag(argv);
  return flag || env.KASSA_DATA_DIR ? resolveDataDir(flag, env) : userData;
}
