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
