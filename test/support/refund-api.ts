import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  createMerchantKeys,
  merchantKeySecret,
  type MerchantKeys,
} from '../../electron/core/bancontact/merchant-keys';
import type { SecretStore } from '../../electron/core/settings/secret-store';
import { readStationSecrets } from './station-secrets';

/** A secret store held in memory, for keys a test makes that no station keeps. */
export function memorySecrets(initial: Record<string, string> = {}): SecretStore {
  const values = new Map(Object.entries(initial));
  return {
    file: 'memory',
    verify: () => undefined,
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    delete: (name) => void values.delete(name),
  };
}

/**
 * The station's own merchant key for a profile, read where the station stored it: its sealed store on
 * SQLite (given to the station by the test), the site's sealed secrets on PostgreSQL.
 */
export function stationMerchantKeys(
  dataDir: string,
  onSite: boolean,
  sealed: SecretStore,
  ppid: string,
): MerchantKeys {
  const name = merchantKeySecret(ppid);
  const stored = onSite ? (readStationSecrets(dataDir)[name] ?? null) : sealed.get(name);
  if (stored === null) throw new Error(`the station has no merchant key for ${ppid}`);
  return createMerchantKeys(memorySecrets({ [name]: stored }));
}

/** The private part of the station's current key (`d`), to look for where it must never be. */
export function privatePart(dataDir: string, onSite: boolean, sealed: SecretStore, ppid: string): string {
  const name = merchantKeySecret(ppid);
  const stored = onSite ? readStationSecrets(dataDir)[name] : sealed.get(name);
  return (JSON.parse(stored!) as { current: { d: string } }).current.d;
}

/** Every file under a folder whose bytes hold `text` (as UTF-8), by path relative to the folder. */
export function filesHolding(folder: string, text: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(Buffer.from(text, 'utf8')))
        found.push(path.slice(folder.length + 1));
    }
  };
  walk(folder);
  return found;
}
