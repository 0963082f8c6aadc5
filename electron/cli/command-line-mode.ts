import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { refuse } from '../../shared/contract/station-refusal';
import { resolveMode, type ModeSecrets, type ResolvedMode } from '../core/modes/resolve-mode';
import { createFileSecretStore } from '../core/settings/secret-store';
import { SETTINGS_FILE, type StoredSettings } from '../core/settings/settings-file';
import { API_KEY_SECRET } from '../core/settings/settings-service';

/** The desktop app's secret store, encrypted by the OS keychain (electron/main/safe-storage-secrets.ts). */
const DESKTOP_SECRETS_FILE = 'secrets.enc';

/**
 * Whether the data folder holds an API key, for `resolveMode`. The headless station's `secrets.json`
 * is read (a damaged one is refused, as the station refuses it); the desktop's `secrets.enc` only
 * Electron can decrypt, so its presence counts as a stored key: the command lines need the mode,
 * never the key itself.
 */
export function storedSecrets(dataDir: string): ModeSecrets {
  const headless = createFileSecretStore(dataDir).get(API_KEY_SECRET) !== null;
  return { hasApiKey: headless || existsSync(join(dataDir, DESKTOP_SECRETS_FILE)) };
}

/**
 * The mode a command line works in: the station's (modes/resolve-mode.ts). Settings that say live
 * without what live needs make the station refuse to start (books/refused-state.ts), so the command
 * lines refuse them too, in the same one line, instead of reading or writing a book the station
 * would not open.
 */
export function commandLineMode(dataDir: string, stored: StoredSettings): ResolvedMode {
  const resolved = resolveMode(stored, storedSecrets(dataDir));
  if (resolved.mode === 'live' || resolved.missingForLive.length === 0) return resolved;
  const [missing] = resolved.missingForLive;
  if (missing === 'apiKey')
    throw refuse({
      file: createFileSecretStore(dataDir).file,
      problem: 'no-credentials',
      detail: 'it holds no Bancontact API key, but the settings say live mode',
      remedies: ['enter-credentials'],
    });
  throw refuse({
    file: join(dataDir, SETTINGS_FILE),
    problem: 'bad-field',
    detail: `the field "${missing}" is empty, but "mode" is "live"`,
    field: missing,
    remedies: ['fix-field'],
  });
}
