import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { ensureBookIdentity, raiseZFloor, readBookIdentity, type BookIdentity } from '../books/book-identity';
import { readBookMarker, writeBookMarker } from '../books/book-marker';
import type { Tx } from '../db/open-database';
import * as schema from '../db/schema';
import { SqliteStore } from '../db/unit-of-work';
import { syncFile, syncFolder } from '../files/durable-file';
import { fileStamp } from '../files/file-stamp';
import {
  checkBackup,
  invalid,
  readFestivalState,
  type CheckedBackup,
  type FestivalState,
} from './backup-check';
import { insertRestore, SAFETY_MARGIN_MS } from './restore-record';

export interface RestoreRequest {
  dataDir: string;
  migrationsFolder: string;
  /** The backup file to restore, anywhere on disk. */
  source: string;
  /** Which database it replaces: `kassa.sqlite`, `preprod.sqlite` or `training.sqlite`. */
  databaseFile: string;
  /** When the backup was taken (from its name, else its modification time). */
  takenAt: number;
  now: number;
  newId: () => string;
  /** The result of `checkBackup` when the caller checked the file already (a large one takes seconds). */
  checked?: CheckedBackup;
}

export interface RestoreOutcome {
  restoreId: string;
  databaseFile: string;
  fromFile: string;
  takenAt: number;
  searchedFrom: number;
  restoredAt: number;
  /** Where the replaced database went (`<db>.before-restore-<time>`), or null when there was none. */
  movedAside: string | null;
  bookId: string;
  /** The restored book's last Z: the next Z gets a higher number than any the station ever issued. */
  lastZ: number;
  /** Z reports issued after the backup, lost with the gap: their payments may come back as recovered. */
  lostZ: { from: number; to: number } | null;
}

/** Databases with a marker in `books.json` (docs/book-identity.md); training has none. */
const LIVE_FILES = new Set(['kassa.sqlite', 'preprod.sqlite']);
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Puts a checked backup in a database's place. The copy is prepared completely beside the database
 * (migrated, Z floor raised, the restore recorded, synced) before the current file is touched; then the
 * current file and its WAL are moved aside (never deleted), the copy renamed into place and the folder
 * synced, and finally the marker is written with the restored identity. The station must not have the
 * database open meanwhile.
 */
export async function restoreDatabase(request: RestoreRequest): Promise<RestoreOutcome> {
  const { dataDir, databaseFile, now } = request;
  const checked = request.checked ?? checkBackup(request.source, request.migrationsFolder);
  const target = join(dataDir, databaseFile);
  const replaced = await checkAgainstThisBook(request, checked, target);
  const floor = Math.max(markerLastZ(dataDir, databaseFile), await databaseLastZ(target));
  const temporary = `${target}.restoring-${fileStamp(now)}`;
  // A new computer after the old one died: the data folder may not exist yet.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  copyFileSync(request.source, temporary);
  chmodSync(temporary, 0o600);
  let prepared: Prepared;
  try {
    prepared = await prepareCopy(temporary, request, floor, checked.hasIdentity);
    if (replaced?.eventEndedAt && !checked.festival.eventEndedAt)
      keepEventEnded(temporary, replaced.eventEndedAt);
    syncFile(temporary);
  } catch (error) {
    for (const suffix of COMPANIONS) rmSync(`${temporary}${suffix}`, { force: true });
    throw error;
  }
  const movedAside = moveAside(target, now);
  renameSync(temporary, target);
  syncFolder(dataDir);
  if (LIVE_FILES.has(databaseFile)) writeBookMarker(dataDir, databaseFile, prepared.identity, now);
  return outcomeOf(request, prepared, movedAside);
}

type Prepared = { identity: BookIdentity; backupLastZ: number; restoreId: string; searchedFrom: number };

function outcomeOf(request: RestoreRequest, prepared: Prepared, movedAside: string | null): RestoreOutcome {
  const { identity, backupLastZ } = prepared;
  return {
    restoreId: prepared.restoreId,
    databaseFile: request.databaseFile,
    fromFile: basename(request.source),
    takenAt: request.takenAt,
    searchedFrom: prepared.searchedFrom,
    restoredAt: request.now,
    movedAside,
    bookId: identity.bookId,
    lastZ: identity.lastZ,
    lostZ: identity.lastZ > backupLastZ ? { from: backupLastZ + 1, to: identity.lastZ } : null,
  };
}

/** Only this book's backups, and none that would give back money a refund file already paid out. */
async function checkAgainstThisBook(request: RestoreRequest, checked: CheckedBackup, target: string) {
  const expected = await expectedBookId(request.dataDir, request.databaseFile, target);
  assertSameBook(request.source, checked, expected);
  const replaced = await readDatabase(target, (_q, sqlite) => readFestivalState(sqlite), null);
  if (replaced) assertNoRefundFileLost(request.source, checked.festival, replaced);
  return replaced;
}

/**
 * Migrates the copy as the station would, without the station's start-up hooks (a backup before
 * migrating would copy a file that is itself a backup), and leaves it in rollback-journal mode so the
 * single file holds everything; the station switches it back to WAL when it opens it.
 */
async function prepareCopy(
  file: string,
  request: RestoreRequest,
  floor: number,
  hasIdentity: boolean,
): Promise<Prepared> {
  const sqlite = new Database(file, { fileMustExist: true });
  const store = new SqliteStore(drizzle(sqlite, { schema }));
  try {
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    migrate(store.syncDb, { migrationsFolder: request.migrationsFolder });
    // A temporary copy: nothing reads it until it is renamed into place; one unit of work all the same.
    return await store.write((tx) => prepareBook(tx, request, floor, hasIdentity));
  } finally {
    await store.close();
  }
}

async function prepareBook(tx: Tx, request: RestoreRequest, floor: number, hasIdentity: boolean) {
  if (!hasIdentity) await ensureBookIdentity(tx, request.now);
  const backupLastZ = (await readBookIdentity(tx))?.lastZ ?? 0;
  await raiseZFloor(tx, floor);
  const identity = (await readBookIdentity(tx)) ?? (await ensureBookIdentity(tx, request.now));
  const searchedFrom = request.takenAt - SAFETY_MARGIN_MS;
  const restoreId = request.newId();
  await insertRestore(tx, {
    id: restoreId,
    restoredAt: request.now,
    fromFile: basename(request.source),
    backupTakenAt: request.takenAt,
    searchedFrom,
  });
  return { identity, backupLastZ, restoreId, searchedFrom };
}

/**
 * A backup goes back only into the book it was taken of: another shop's, a training database or a
 * copy from another folder would replace this book's records with someone else's and carry its totals
 * into this book's Z. Where neither the marker nor the replaced file tells which book this is (a new
 * computer), any Kassa backup is accepted.
 */
function assertSameBook(source: string, checked: CheckedBackup, expected: string | null): void {
  if (expected === null || checked.bookId === expected) return;
  const backup = basename(source);
  if (checked.bookId === null)
    invalid(
      backup,
      'has no book id (a training database, or a copy from before Kassa knew books), so it cannot be told to be this book',
    );
  invalid(backup, 'is a backup of another book, not of the one this data folder holds');
}

/**
 * A refund file made after the backup was handed to the bank: restoring the backup would give those
 * wristbands their money back and the next refund file would pay it a second time. Refused; a backup
 * taken after the last refund file (one is taken after every Z, and on *Back up now*) will do.
 */
function assertNoRefundFileLost(source: string, backup: FestivalState, replaced: FestivalState): void {
  const lost = replaced.refundExportIds.filter((id) => !backup.refundExportIds.includes(id));
  if (lost.length === 0) return;
  invalid(
    basename(source),
    `was taken before ${lost.length} refund file(s) of this book were made: restoring it would refund that money again. Restore a backup taken after the last refund file`,
  );
}

/** The event ended after the backup: it stays ended, so the bars do not take wristbands again. */
function keepEventEnded(file: string, endedAt: number): void {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.prepare('INSERT OR IGNORE INTO event_end (id, ended_at) VALUES (1, ?)').run(endedAt);
  } finally {
    sqlite.close();
  }
}

/** The book this folder holds for that database: its marker's id, else the replaced file's own. */
async function expectedBookId(dataDir: string, databaseFile: string, target: string): Promise<string | null> {
  try {
    const marked = readBookMarker(dataDir, databaseFile);
    if (marked) return marked.bookId;
  } catch {
    // An unreadable marker is what a restore may be repairing: ask the file itself.
  }
  return readDatabase(target, async (q) => (await readBookIdentity(q))?.bookId ?? null, null);
}

/** The last Z the marker remembers; an unreadable marker is exactly what a restore may be repairing. */
function markerLastZ(dataDir: string, databaseFile: string): number {
  try {
    return readBookMarker(dataDir, databaseFile)?.lastZ ?? 0;
  } catch {
    return 0;
  }
}

/** The last Z of the database being replaced, if it can still be read (it may be damaged or missing). */
function databaseLastZ(file: string): Promise<number> {
  return readDatabase(file, async (q, sqlite) => (await readBookIdentity(q))?.lastZ ?? highestZOnly(sqlite), 0);
}

/** Reads the database being replaced, if it can still be read; `otherwise` when it cannot. */
async function readDatabase<T>(
  file: string,
  read: (q: Tx, sqlite: Database.Database) => Promise<T> | T,
  otherwise: T,
): Promise<T> {
  if (!existsSync(file)) return otherwise;
  let store: SqliteStore<typeof schema> | null = null;
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    store = new SqliteStore(drizzle(sqlite, { schema }));
    return await store.read((q) => read(q, sqlite));
  } catch {
    return otherwise;
  } finally {
    await store?.close();
  }
}

function highestZOnly(sqlite: Database.Database): number {
  const row = sqlite.prepare('SELECT max(number) AS n FROM z_reports').get() as { n: number | null };
  return row.n ?? 0;
}

function moveAside(target: string, now: number): string | null {
  if (!existsSync(target)) {
    // A missing database may still have a stray log: keep it beside nothing rather than replay it.
    for (const suffix of COMPANIONS.slice(1))
      moveIfPresent(`${target}${suffix}`, `${target}.orphan-${fileStamp(now)}${suffix}`);
    return null;
  }
  const aside = `${target}.before-restore-${fileStamp(now)}`;
  for (const suffix of COMPANIONS) moveIfPresent(`${target}${suffix}`, `${aside}${suffix}`);
  return aside;
}

function moveIfPresent(from: string, to: string): void {
  if (existsSync(from)) renameSync(from, to);
}
