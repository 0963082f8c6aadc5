import { join } from 'node:path';
import type { Environment, Mode, TopupProfileChoice } from '../../../shared/contract';
import type { ResolvedMode } from '../modes/resolve-mode';
import type { StoredSettings } from '../settings/settings-file';
import { liveTopupChoices } from '../settings/topup-profile-settings';
import { trainingTopupProfiles } from '../settings/topup-profiles';

export interface PrintContext {
  mode: Mode;
  environment: Environment | null;
  /** The mode's database file in the data folder, the one the station uses. */
  databaseFile: string;
  profiles: TopupProfileChoice[];
}

/**
 * Where a batch printed outside the station goes: the book of the mode the station's own rule chose
 * (`resolveMode`, modes/resolve-mode.ts), with the live profiles' ids and amount modes (printing needs no key).
 */
export function printContext(dataDir: string, stored: StoredSettings, resolved: ResolvedMode): PrintContext {
  const profiles = resolved.mode === 'live' ? liveTopupChoices(stored) : trainingTopupProfiles('');
  return {
    mode: resolved.mode,
    environment: resolved.environment,
    databaseFile: join(dataDir, resolved.databaseFile),
    profiles: profiles.map(({ ppid, name, amountMode = 'open' }) => ({ ppid, name, amountMode })),
  };
}
