import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { refuse } from '../../shared/contract/station-refusal';
import { checkLiveDatabase, checkSharedBook } from '../core/books/book-checks';
import { openDatabase, type Db } from '../core/db/open-database';
import {
  booksNameFor,
  openPostgresBooks,
  openPostgresStation,
  siteDatabaseName,
} from '../core/db/pg/site-databases';
import { siteSecrets } from '../core/db/station-schema';
import { resolveMode, type ModeSecrets, type ResolvedMode } from '../core/modes/resolve-mode';
import { createFileSecretStore } from '../core/settings/secret-store';
import { SETTINGS_FILE, type StoredSettings } from '../core/settings/settings-file';
import { API_KEY_SECRET } from '../core/settings/settings-service';
import { SITE_SECRETS_PLACE } from '../core/settings/site-secret-store';
import { bookLocation } from '../core/station-storage';
import { MIGRATIONS_FOLDER } from './paths';

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
 * Whether the site database holds the API key: on a site the station keeps it there, sealed under the
 * site key (settings/site-secret-store.ts), and never in the folder. The row's presence is all the
 * mode needs, so the command lines read no value and need no site key.
 */
export async function siteStoredSecrets(database: string): Promise<ModeSecrets> {
  const opening = { siteUrl: database, migrationsFolder: MIGRATIONS_FOLDER, applicationName: 'kassa-cli' };
  const db = await openPostgresStation(opening);
  try {
    const rows = await db.read((q) =>
      q.select({ name: siteSecrets.name }).from(siteSecrets).where(eq(siteSecrets.name, API_KEY_SECRET)),
    );
    return { hasApiKey: rows.length > 0 };
  } finally {
    await db.close();
  }
}

/**
 * The mode a command line works in: the station's (modes/resolve-mode.ts), with the key looked for
 * where the station keeps it: the folder, or on a site (`database`) the site database. Settings that
 * say live without what live needs make the station refuse to start (books/refused-state.ts), so the
 * command lines refuse them too, in the same one line naming the same place, instead of reading or
 * writing a book the station would not open.
 */
export async function commandLineMode(
  dataDir: string,
  stored: StoredSettings,
  database: string | null,
): Promise<ResolvedMode> {
  const secrets = database ? await siteStoredSecrets(database) : storedSecrets(dataDir);
  const resolved = resolveMode(stored, secrets);
  if (resolved.mode === 'live' || resolved.missingForLive.length === 0) return resolved;
  const [missing] = resolved.missingForLive;
  if (missing === 'apiKey')
    throw refuse({
      file: database ? SITE_SECRETS_PLACE : createFileSecretStore(dataDir).file,
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

/**
 * The site's PostgreSQL address a command line works on: `--database`, else KASSA_DATABASE (which keeps
 * a password out of the process list), else null for the data folder's SQLite files. The message never
 * quotes the address: it may carry a password.
 */
export function commandLineDatabase(flag: string | undefined): string | null {
  const address = flag ?? (process.env.KASSA_DATABASE || undefined);
  if (address === undefined) return null;
  if (!/^postgres(ql)?:\/\//.test(address) || !URL.canParse(address))
    throw new Error('--database must be a postgres:// or postgresql:// address (e.g. postgres://host/kassa)');
  siteDatabaseName(address);
  return address;
}

export interface CommandLineBooks {
  dataDir: string;
  /** `kassa.sqlite`, `preprod.sqlite` or `training.sqlite`: the mode's book, as the station names it. */
  databaseFile: string;
  live: boolean;
  /** The site's PostgreSQL address, or null for SQLite files. */
  database: string | null;
  /** Who holds the connection in pg_stat_activity. */
  applicationName: string;
}

/**
 * Opens the mode's books as the station does (station-storage.ts, books/book-checks.ts): a live book
 * that is not the one the folder's marker remembers is refused, a SQLite file before SQLite opens it,
 * the site's shared books once opened. The command lines never write the marker: that is the station's.
 */
export async function openCommandLineBooks(books: CommandLineBooks): Promise<Db> {
  const { dataDir, databaseFile, live, database } = books;
  if (!database) {
    if (live) checkLiveDatabase(dataDir, databaseFile);
    return openDatabase({ file: join(dataDir, databaseFile), migrationsFolder: MIGRATIONS_FOLDER });
  }
  const opening = {
    siteUrl: database,
    migrationsFolder: MIGRATIONS_FOLDER,
    applicationName: books.applicationName,
  };
  const db = await openPostgresBooks(opening, booksNameFor(databaseFile));
  if (!live) return db;
  try {
    await checkSharedBook(db, {
      dataDir,
      databaseFile,
      location: bookLocation({ dataDir, database }, databaseFile),
    });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
