import { describe, expect, it } from 'vitest';
import { resolveMode, type ModeSettings } from '../../electron/core/modes/resolve-mode';

const live: ModeSettings = { mode: 'live', environment: 'production', ppid: 'ppid-1' };
const key = { hasApiKey: true };
const noKey = { hasApiKey: false };

describe('resolveMode: the one rule the station and the command lines share', () => {
  it('opens production live with its environment, its profile and a stored key', () => {
    expect(resolveMode(live, key)).toEqual({
      mode: 'live',
      environment: 'production',
      ppid: 'ppid-1',
      databaseFile: 'kassa.sqlite',
    });
  });

  it('keeps preprod in its own book', () => {
    expect(resolveMode({ ...live, environment: 'preprod' }, key)).toMatchObject({
      mode: 'live',
      environment: 'preprod',
      databaseFile: 'preprod.sqlite',
    });
  });

  it('opens training when the settings say training, whatever credentials are stored', () => {
    expect(resolveMode({ ...live, mode: 'training' }, key)).toEqual({
      mode: 'training',
      environment: null,
      databaseFile: 'training.sqlite',
      missingForLive: [],
    });
    expect(resolveMode({ mode: 'training', environment: null, ppid: null }, noKey)).toMatchObject({
      mode: 'training',
      missingForLive: [],
    });
  });

  it('falls back to training when live is set but the key is missing, and says what is missing', () => {
    expect(resolveMode(live, noKey)).toEqual({
      mode: 'training',
      environment: null,
      databaseFile: 'training.sqlite',
      missingForLive: ['apiKey'],
    });
  });

  it('falls back to training when live is set without an environment or a payment profile', () => {
    expect(resolveMode({ ...live, environment: null }, key)).toMatchObject({
      mode: 'training',
      databaseFile: 'training.sqlite',
      missingForLive: ['environment'],
    });
    expect(resolveMode({ ...live, ppid: null }, key)).toMatchObject({
      mode: 'training',
      missingForLive: ['ppid'],
    });
    expect(resolveMode({ mode: 'live', environment: null, ppid: null }, noKey)).toMatchObject({
      mode: 'training',
      missingForLive: ['environment', 'ppid', 'apiKey'],
    });
  });

  it('treats an empty payment profile id as missing, not as a profile', () => {
    expect(resolveMode({ ...live, ppid: '' }, key)).toMatchObject({
      mode: 'training',
      missingForLive: ['ppid'],
    });
  });
});
