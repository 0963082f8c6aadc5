import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { writePrivateFile, type SecretStore } from '../core/settings/secret-store';

/** API keys encrypted with the OS keychain (safeStorage), in a file only the owner can read. */
export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, 'secrets.enc');
  const read = (): Record<string, string> => {
    if (!existsSync(file)) return {};
    return JSON.parse(safeStorage.decryptString(readFileSync(file))) as Record<string, string>;
  };
  const write = (values: Record<string, string>): void =>
    writePrivateFile(file, safeStorage.encryptString(JSON.stringify(values)));
  return {
    get: (name) => read()[name] ?? null,
    set: (name, value) => write({ ...read(), [name]: value }),
    delete: (name) => {
      const values = read();
      delete values[name];
      write(values);
    },
  };
}
