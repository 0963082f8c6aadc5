import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { refuse } from '../../shared/contract/station-refusal';
import { secretsSchema, type SecretStore } from '../core/settings/secret-store';
import { writePrivateFile } from '../core/files/durable-file';

/** API keys encrypted with the OS keychain (safeStorage), in a file only the owner can read. */
export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const file = join(dataDir, 'secrets.enc');
  // Every write reads first: a file that failed to load is refused, never replaced by a smaller one.
  const read = (): Record<string, string> => (existsSync(file) ? decrypted(file) : {});
  const write = (values: Record<string, string>): void =>
    writePrivateFile(file, safeStorage.encryptString(JSON.stringify(values)));
  return {
    file,
    verify: () => void read(),
    get: (name) => read()[name] ?? null,
    set: (name, value) => write({ ...read(), [name]: value }),
    delete: (name) => {
      const values = read();
      delete values[name];
      write(values);
    },
  };
}

/** Truncated, damaged, or encrypted by another user's keychain: the station refuses, naming the file. */
function decrypted(file: string): Record<string, string> {
  let parsed;
  try {
    parsed = secretsSchema.safeParse(JSON.parse(safeStorage.decryptString(readFileSync(file))));
  } catch {
    parsed = null;
  }
  if (parsed?.success) return parsed.data;
  throw refuse({
    file,
    problem: 'unreadable',
    detail: 'it cannot be decrypted or is damaged',
    remedies: ['fix-file'],
  });
}
