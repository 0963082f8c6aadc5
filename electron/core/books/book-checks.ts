import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { refuse, type RefusalProblem } from '../../../shared/contract/station-refusal';
import type { Db } from '../db/open-database';
import type { Logger } from '../logging/logger';
import { syncFolder } from '../files/durable-file';
import { fileStamp } from '../files/file-stamp';
import { ensureBookIdentity, readBookIdentity, type BookIdentity } from './book-identity';
import { BOOK_MARKER_FILE, BookMarkerUnreadable, readBookMarker, writeBookMarker } from './book-marker';
import { probeDatabase } from './database-probe';

const BOOK_REMEDIES = ['restore-backup', 'start-new-book'] as const;

/**
 * Before a live database opens: with a marker, the file must be there, be a sound SQLite database
 * and hold the same book with at least the marker's last Z. Without a marker (the first time live)
 * it may be missing, but never empty or damaged. Throws a StartRefusal; changes no file.
 */
export function checkLiveDatabase(dataDir: string, databaseFile: string): BookIdentity | null {
  const file = join(dataDir, databaseFile);
  const marker = readMarker(dataDir, databaseFile);
  const probe = probeDatabase(file);
  const fail = (problem: RefusalProblem, detail: string): never => {
    throw refuse({ file, problem, detail, databaseFile, remedies: [...BOOK_REMEDIES] });
  };
  if (probe.state === 'missing') {
    if (marker) fail('missing', `it is missing, but this folder's books say it holds Z ${marker.lastZ}`);
    return null;
  }
  if (probe.state === 'empty') return fail('empty', 'it is empty (0 bytes)');
  if (probe.state !== 'ok') return fail(probe.state, probe.detail);
  if (!marker) return null;
  matchMarker(probe.identity, marker, fail);
  return marker;
}

/** The book found must be the one the marker remembers, with at least its last Z; `fail` throws. */
function matchMarker(
  found: BookIdentity | null,
  marker: BookIdentity,
  fail: (problem: RefusalProblem, detail: string) => never,
): void {
  if (!found) fail('no-identity', 'it has no book identity, so it is not the book this folder kept');
  if (found.bookId !== marker.bookId)
    fail('other-book', `it holds another book (${found.bookId}, expected ${marker.bookId})`);
  if (found.lastZ < marker.lastZ)
    fail(
      'older-z',
      `its last Z is ${found.lastZ}, but Z ${marker.lastZ} was issued: it is older than the books`,
    );
}

/**
 * The shared live books on PostgreSQL, once opened: the data folder's marker is checked against them
 * as against a file. A database without a book yet, where the marker remembers one, was replaced or
 * emptied: refused like a missing file.
 */
export async function checkSharedBook(
  db: Db,
  opening: Pick<BookOpening, 'dataDir' | 'databaseFile' | 'location'>,
): Promise<void> {
  const { dataDir, databaseFile, location } = opening;
  const marker = readMarker(dataDir, databaseFile);
  if (!marker) return;
  const found = await db.read((q) => readBookIdentity(q));
  const fail = (problem: RefusalProblem, detail: string): never => {
    throw refuse({ file: location, problem, detail, databaseFile, remedies: [...BOOK_REMEDIES] });
  };
  if (!found) fail('missing', `it holds no book, but this folder's books say it holds Z ${marker.lastZ}`);
  matchMarker(found, marker, fail);
}

/** `books.json` that cannot be read is a refusal naming it, not a reason to start without a marker. */
export function readMarker(dataDir: string, databaseFile: string): BookIdentity | null {
  try {
    return readBookMarker(dataDir, databaseFile);
  } catch (error) {
    if (!(error instanceof BookMarkerUnreadable)) throw error;
    const detail = error.message.slice(error.file.length + 2);
    throw refuse({
      file: join(dataDir, BOOK_MARKER_FILE),
      problem: 'not-json',
      detail,
      remedies: ['fix-file'],
    });
  }
}

/**
 * After the database opened: gives it an identity the first time, and for a live book writes the
 * marker when there was none or the database is ahead of it (a higher Z is fine).
 */
export async function rememberBook(
  db: Db,
  options: { dataDir: string; databaseFile: string; live: boolean; at: number },
): Promise<BookIdentity> {
  const identity = await db.write((tx) => ensureBookIdentity(tx, options.at));
  if (!options.live) return identity;
  const marker = readMarker(options.dataDir, options.databaseFile);
  if (!marker || marker.bookId !== identity.bookId || marker.lastZ < identity.lastZ)
    writeBookMarker(options.dataDir, options.databaseFile, identity, options.at);
  return identity;
}

/**
 * Training holds no real money: a damaged `training.sqlite` is moved aside (never deleted) so that
 * SQLite creates a fresh one, and the log says so.
 */
export function setAsideDamagedTraining(
  dataDir: string,
  databaseFile: string,
  logger: Logger,
  at: number,
): void {
  const file = join(dataDir, databaseFile);
  const probe = probeDatabase(file);
  if (probe.state === 'ok' || probe.state === 'missing' || probe.state === 'empty') return;
  const aside = `${file}.damaged-${fileStamp(at)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  syncFolder(dataDir);
  logger.warn(
    `${databaseFile} was damaged (${probe.detail}): moved aside to ${aside}; training starts on a new one`,
  );
}

export interface BookOpening {
  dataDir: string;
  /** `kassa.sqlite`, `preprod.sqlite` or `training.sqlite`. */
  databaseFile: string;
  live: boolean;
  logger: Logger;
  at: number;
  /** The book's file, or its PostgreSQL database's address without credentials: named in a refusal. */
  location: string;
  /** True on PostgreSQL: no file to probe or set aside, the opened books are checked instead. */
  onServer: boolean;
}

/**
 * Opens a mode's database (with `open`) only after it passed the checks: a live book refuses when it
 * is not the one its marker remembers, a damaged training file is set aside. SQLite is never given
 * the chance to create an empty file where a book was expected.
 */
export async function openBook(opening: BookOpening, open: () => Promise<Db>): Promise<Db> {
  const { dataDir, databaseFile, live, logger, at, onServer } = opening;
  if (live && !onServer) checkLiveDatabase(dataDir, databaseFile);
  if (!live && !onServer) setAsideDamagedTraining(dataDir, databaseFile, logger, at);
  const db = await open();
  try {
    if (live && onServer) await checkSharedBook(db, opening);
    await rememberBook(db, { dataDir, databaseFile, live, at });
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

/**
 * The listener of a Z in a live book: the marker learns the new last Z before the close is answered.
 * A marker that failed to follow is only behind, which the next start accepts (a higher Z is fine).
 */
export function markerAfterZ(
  db: Db,
  opening: Pick<BookOpening, 'dataDir' | 'databaseFile' | 'live' | 'logger'> & { now: () => number },
) {
  return async (): Promise<void> => {
    if (!opening.live) return;
    try {
      const identity = await db.read((q) => readBookIdentity(q));
      if (identity) writeBookMarker(opening.dataDir, opening.databaseFile, identity, opening.now());
    } catch (error) {
      opening.logger.error(`the book marker could not follow the Z of ${opening.databaseFile}`, error);
    }
  };
}
