import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../../shared/contract';
import { refuse, StartRefusal, type StationRefusal } from '../../../shared/contract/station-refusal';
import type { Dispatch } from '../api/dispatcher';
import type { SecretStore } from '../settings/secret-store';
import { SETTINGS_FILE, type StoredSettings } from '../settings/settings-file';
import { API_KEY_SECRET } from '../settings/settings-service';
import { readBookMarkers } from './book-marker';

/**
 * What a refused station still answers: enough for the refusal screen to say why and apply a remedy
 * (a new book, or a restore). Everything else answers STATION_REFUSED with the refusal's one line.
 */
export const ALLOWED_WHILE_REFUSED: ReadonlySet<string> = new Set([
  'station.getStatus',
  'settings.get',
  'settings.setLocale',
  'station.startNewBook',
  'backups.list',
  'backups.getStatus',
  'backups.restore',
  // The remedies are an administrator's: people sign in on the refusal screen too.
  'session.get',
  'session.signIn',
  'session.signOut',
  'session.createFirstAdministrator',
]);

/**
 * The refusal the station holds instead of a running mode. It lasts while no mode runs: a remedy that
 * opens the mode again (a new book, a restore) ends it without being told.
 */
export class RefusedState {
  private held: StationRefusal | null = null;

  constructor(private readonly isRunning: () => boolean) {}

  current(): StationRefusal | null {
    return this.held && !this.isRunning() ? this.held : null;
  }

  /** Runs a start (or a mode switch); a StartRefusal it meets is held, and answered, never thrown out. */
  async attempt(run: () => Promise<void>): Promise<StationRefusal | null> {
    try {
      await run();
      this.held = null;
      return null;
    } catch (error) {
      if (!(error instanceof StartRefusal)) throw error;
      this.held = error.refusal;
      return error.refusal;
    }
  }

  /** The one gate: every call passes here before the dispatcher. */
  gate(dispatch: Dispatch): Dispatch {
    return (method, input, caller) => {
      const refusal = this.current();
      if (!refusal || ALLOWED_WHILE_REFUSED.has(method)) return dispatch(method, input, caller);
      const refused: Result<never> = { ok: false, error: { code: 'STATION_REFUSED', message: refusal.line } };
      return Promise.resolve(refused);
    };
  }
}

export interface StartFileReaders {
  settings: () => StoredSettings;
  secrets: SecretStore;
  /** Reads (and so validates) `sales-setup.json`. */
  salesSetup: () => unknown;
}

/**
 * The files a start trusts, checked in order before any database opens; throws a StartRefusal
 * naming the first one at fault. Reads only.
 */
export function checkStartFiles(dataDir: string, readers: StartFileReaders): StoredSettings {
  checkWritableFolder(dataDir);
  checkSettingsPresent(dataDir);
  const stored = readers.settings();
  readers.secrets.verify();
  checkLiveCredentials(dataDir, stored, readers.secrets);
  readers.salesSetup();
  return stored;
}

/**
 * Without `settings.json` the station would start in training with the defaults; where the folder
 * holds a live book (its marker says so), real sales would land in `training.sqlite`. Said instead.
 */
function checkSettingsPresent(dataDir: string): void {
  const file = join(dataDir, SETTINGS_FILE);
  if (existsSync(file)) return;
  let live: string[];
  try {
    live = Object.keys(readBookMarkers(dataDir));
  } catch {
    return; // An unreadable marker is refused by the book checks, naming that file.
  }
  if (live.length === 0) return;
  throw refuse({
    file,
    problem: 'missing',
    detail: `it is missing, but this data folder holds a live book (${live.join(', ')})`,
    remedies: ['enter-credentials'],
  });
}

/**
 * Settings that say live with credentials missing once started in training without a word, and real
 * cash sales went into `training.sqlite`. Now it is said, naming what is missing.
 */
function checkLiveCredentials(dataDir: string, stored: StoredSettings, secrets: SecretStore): void {
  if (stored.mode !== 'live') return;
  const field = stored.environment ? (stored.ppid ? null : 'ppid') : 'environment';
  if (field) {
    const file = join(dataDir, SETTINGS_FILE);
    const detail = `the field "${field}" is empty, but "mode" is "live"`;
    throw refuse({ file, problem: 'bad-field', detail, field, remedies: ['fix-field'] });
  }
  if (secrets.get(API_KEY_SECRET)) return;
  throw refuse({
    file: secrets.file,
    problem: 'no-credentials',
    detail: 'it holds no Bancontact API key, but the settings say live mode',
    remedies: ['enter-credentials'],
  });
}

/** A folder the station cannot write to would fail at the first sale; say so before that. */
export function checkWritableFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const detail = code === 'EROFS' ? 'the folder is read-only' : `the folder cannot be written (${code})`;
    throw refuse({ file: dataDir, problem: 'read-only', detail, remedies: ['make-writable'] });
  }
}
