import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
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

/**
 * Writes through a temporary file, readable by the owner only (0600), and makes it durable: the
 * contents are synced before the rename and the folder after it, so a crash or a power cut leaves
 * either the old file or the new one, never half of one and never an older one reported as written.
 */
export function writePrivateFile(file: string, contents: string | Buffer): void {
  const temporary = `${file}.tmp`;
  try {
    writeSynced(temporary, typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents);
  } catch (error) {
    // A full disk must not leave a half-written temporary file behind; the old file is untouched.
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, file);
  syncFolder(dirname(file));
}

function writeSynced(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A rename is only durable once the folder holding it is synced. */
export function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
