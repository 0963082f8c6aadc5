import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_NAME,
  dataFlag,
  defaultDataDir,
  desktopDataDir,
  resolveDataDir,
} from '../../electron/core/config';
import { REPO_ROOT } from '../support/temp';

describe('the data folder', () => {
  it('prefers --data, then KASSA_DATA_DIR, then the OS user-data folder', () => {
    expect(resolveDataDir('/tmp/a', { KASSA_DATA_DIR: '/tmp/b' })).toBe('/tmp/a');
    expect(resolveDataDir(undefined, { KASSA_DATA_DIR: '/tmp/b' })).toBe('/tmp/b');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/home/x/.config' })).toBe(
      defaultDataDir(process.platform, { XDG_CONFIG_HOME: '/home/x/.config' }),
    );
  });

  it('matches where Electron keeps user data on each OS', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/x/.config' })).toBe('/home/x/.config/Kassa');
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/x/AppData/Roaming' })).toMatch(/Roaming[\\/]Kassa$/);
    expect(defaultDataDir('darwin', {})).toMatch(/Library\/Application Support\/Kassa$/);
  });

  it('reads --data DIR and --data=DIR from a command line', () => {
    expect(dataFlag(['node', 'station.ts', '--port', '1', '--data', '/tmp/x'])).toBe('/tmp/x');
    expect(dataFlag(['electron', '.', '--data=/tmp/y'])).toBe('/tmp/y');
    expect(dataFlag(['electron', '.'])).toBeUndefined();
  });

  it("gives the desktop app the same order, with Electron's user-data folder as the default", () => {
    const userData = '/home/x/.config/Kassa';
    expect(
      desktopDataDir(['electron', '.', '--data', '/tmp/a'], userData, { KASSA_DATA_DIR: '/tmp/b' }),
    ).toBe('/tmp/a');
    expect(desktopDataDir(['electron', '.'], userData, { KASSA_DATA_DIR: '/tmp/b' })).toBe('/tmp/b');
    expect(desktopDataDir(['electron', '.'], userData, {})).toBe(userData);
  });

  it('is named so that Electron picks the folder the headless station uses', () => {
    // Electron names the user-data folder after productName; a mismatch would split one till's data in two.
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { productName?: string };
    expect(pkg.productName).toBe(APP_NAME);
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/c' })).toBe(`/c/${pkg.productName}`);
  });
});
