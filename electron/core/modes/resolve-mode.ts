import type { Environment, Mode } from '../../../shared/contract';

/** What the mode depends on in `settings.json` (settings/settings-file.ts). */
export interface ModeSettings {
  mode: Mode;
  environment: Environment | null;
  ppid: string | null;
}

/**
 * What the caller found in the secret store. Only whether a key exists counts, never its value, so
 * the command lines, which cannot decrypt the desktop's `secrets.enc`, decide the same way the station does.
 */
export interface ModeSecrets {
  hasApiKey: boolean;
}

/** The settings say live but something live needs is missing: the station then runs in training. */
export type MissingForLive = 'environment' | 'ppid' | 'apiKey';

export type ResolvedMode =
  | { mode: 'live'; environment: Environment; ppid: string; databaseFile: string }
  | { mode: 'training'; environment: null; databaseFile: string; missingForLive: MissingForLive[] };

/**
 * The one rule for which mode a data folder opens in, shared by the station and the command lines:
 * live only when the settings say live and name an environment and a payment profile, and an API key
 * is stored; anything less is training (a half-configured live station must not take real money).
 * Pure: the caller reads the files and passes what it found.
 */
export function resolveMode(settings: ModeSettings, secrets: ModeSecrets): ResolvedMode {
  const missing = missingForLive(settings, secrets);
  const { environment, ppid } = settings;
  if (settings.mode === 'live' && environment && ppid && missing.length === 0)
    return { mode: 'live', environment, ppid, databaseFile: databaseFileFor('live', environment) };
  return {
    mode: 'training',
    environment: null,
    databaseFile: databaseFileFor('training', null),
    missingForLive: settings.mode === 'live' ? missing : [],
  };
}

function missingForLive(settings: ModeSettings, secrets: ModeSecrets): MissingForLive[] {
  const missing: MissingForLive[] = [];
  if (!settings.environment) missing.push('environment');
  if (!settings.ppid) missing.push('ppid');
  if (!secrets.hasApiKey) missing.push('apiKey');
  return missing;
}

/** Separate files per mode and environment, so training sales can never mix with real ones. */
export function databaseFileFor(mode: Mode, environment: Environment | null): string {
  if (mode === 'training') return 'training.sqlite';
  return environment === 'preprod' ? 'preprod.sqlite' : 'kassa.sqlite';
}
