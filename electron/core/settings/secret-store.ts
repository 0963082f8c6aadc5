import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the station keeps API keys. Values never leave the station. */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/**
 * Headless station: a JSON file that only its owner may read (0600).
 * The desktop shell replaces this with one encrypted by the OS keychain.
 */
export function createFileSecretStore(dataDir: string, fileName = 'secrets.json'): SecretStore {
  const file = join(dataDir, fileName);
  const read = (): Record<string, string> =>
    existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
  const write = (values: Record<string, string>): void => writePrivateFile(file, JSON.stringify(values));
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

/** Writes through a temporary file so that a crash never leaves half a file, readable by the owner only. */
export function writePrivateFile(file: string, contents: string | Buffer): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, contents, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
