import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../electron/core/config';

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
});
