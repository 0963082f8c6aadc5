import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { KeyStore, StoredKey } from './key-store';

function readKeys(file: string): StoredKey[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { keys?: unknown };
  if (!Array.isArray(parsed.keys)) throw new Error(`${file} is not a simulator key file`);
  return parsed.keys as StoredKey[];
}

function writeKeys(file: string, keys: StoredKey[]): void {
  // Written whole and renamed into place, so a crash never leaves half a key file; owner only.
  const next = `${file}.next`;
  writeFileSync(next, `${JSON.stringify({ keys })}\n`, { mode: 0o600 });
  chmodSync(next, 0o600);
  renameSync(next, file);
}

/**
 * Signing keys in a JSON file of their own (`--keys FILE`), for a simulator that keeps nothing else:
 * clients cache the JWKS for hours, so even an in-memory simulator keeps signing with the key they know
 * after a restart. The file holds private keys: mode 0600, and nothing reads it out loud.
 */
export function createFileKeyStore(file: string): KeyStore {
  readKeys(file); // a damaged file stops the start rather than being replaced by a new key
  return {
    insert: (key) => writeKeys(file, [...readKeys(file), key]),
    replaceJwk: (kid, privateJwk) =>
      writeKeys(
        file,
        readKeys(file).map((k) => (k.kid === kid ? { ...k, privateJwk } : k)),
      ),
    list: () => readKeys(file),
  };
}
