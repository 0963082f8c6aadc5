import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../files/durable-file';
import { readJsonFile } from './validated-file';

/** Where the station keeps API keys. Values never leave the station. */
export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Throws a StartRefusal naming the store's file when it cannot be read; checked at start. */
  verify(): void;
  /** Where the store keeps its values, for messages. */
  readonly file: string;
}

/** Secret names to values; anything else in the file is a damaged file, not a secret to guess at. */
export const secretsSchema = z.record(z.string(), z.string());

/**
 * Headless station: a JSON file that only its owner may read (0600).
 * The desktop shell replaces this with one encrypted by the OS keychain.
 */
export function createFileSecretStore(dataDir: string, fileName = 'secrets.json'): SecretStore {
  const file = join(dataDir, fileName);
  // Every write reads first: a file that failed to load is refused, never replaced by a smaller one.
  const read = (): Record<string, string> => readJsonFile(file, secretsSchema) ?? {};
  const write = (values: Record<string, string>): void => writePrivateFile(file, JSON.stringify(values));
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
