import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment, Mode, TopupProfileChoice } from '../../../shared/contract';
import { databaseFileFor } from '../mode-runtime';
import type { SecretStore } from '../settings/secret-store';
import { API_KEY_SECRET } from '../settings/settings-service';
import type { StoredSettings } from '../settings/settings-file';
import { trainingTopupProfiles } from './topup-profiles';

export interface PrintContext {
  mode: Mode;
  environment: Environment | null;
  /** The mode's database file in the data folder, the one the station uses. */
  databaseFile: string;
  profiles: TopupProfileChoice[];
}

/**
 * The mode the station would open this data folder in, decided the way it decides it: live once the
 * settings say so and an API key was stored. The desktop app keeps its keys encrypted by the OS
 * (secrets.enc), which only Electron can read; its presence counts as a stored key, as printing
 * needs no key, only the profiles' ids and amount modes.
 */
export function printContext(dataDir: string, stored: StoredSettings, secrets: SecretStore): PrintContext {
  const hasKey = secrets.get(API_KEY_SECRET) !== null || existsSync(join(dataDir, 'secrets.enc'));
  const live = stored.mode === 'live' && stored.environment !== null && stored.ppid !== null && hasKey;
  const mode: Mode = live ? 'live' : 'training';
  const environment = live ? stored.environment : null;
  const profiles = live
    ? stored.topupProfiles.map(({ ppid, name, amountMode }) => ({ ppid, name, amountMode }))
    : trainingTopupProfiles('').map(({ ppid, name, amountMode }) => ({ ppid, name, amountMode }));
  return { mode, environment, databaseFile: join(dataDir, databaseFileFor(mode, environment)), profiles };
}
