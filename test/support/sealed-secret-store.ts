import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretStore } from '../../electron/core/settings/secret-store';
import { SiteCipher, type Sealed } from '../../electron/core/settings/site-key';

/**
 * What the desktop shell gives a station (electron/main/safe-storage-secrets.ts): secrets sealed in a
 * file of the data folder under a key the folder does not hold (there the OS keychain's, here one kept
 * in memory). A test that looks for a secret in clear in the data folder then sees only what the station
 * wrote anywhere else: logs, settings, books.
 */
export function sealedSecretStore(dataDir: string): SecretStore {
  const cipher = new SiteCipher(randomBytes(32));
  const file = join(dataDir, 'sealed-secrets.json');
  const read = (): Record<string, Sealed> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Sealed>) : {};
  const write = (values: Record<string, Sealed>) =>
    writeFileSync(file, JSON.stringify(values), { mode: 0o600 });
  return {
    file,
    verify: () => void read(),
    get: (name) => {
      const sealed = read()[name];
      return sealed === undefined ? null : cipher.open(name, sealed);
    },
    set: (name, value) => write({ ...read(), [name]: cipher.seal(name, value) }),
    delete: (name) => {
      const values = read();
      delete values[name];
      write(values);
    },
  };
}
