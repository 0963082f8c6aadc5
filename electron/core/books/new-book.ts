import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { LiveDatabaseFile } from '../../../shared/contract/station-methods';
import type { Db } from '../db/open-database';
import { syncFolder } from '../files/durable-file';
import { fileStamp } from '../files/file-stamp';
import { ensureBookIdentity, raiseZFloor, readBookIdentity } from './book-identity';
import { readMarker } from './book-checks';
import { writeBookMarker } from './book-marker';
import { probeDatabase } from './database-probe';
import { checkWritableFolder } from './refused-state';

export interface NewBookRequest {
  dataDir: string;
  databaseFile: LiveDatabaseFile;
  at: number;
  /** Opens (creating, migrating) a database file; the station's and the CLI's own `openDatabase`. */
  open: (file: string) => Db;
}

export interface NewBookDone {
  movedAside: string[];
  nextZNumber: number;
  bookId: string;
}

/**
 * The explicit remedy for a live book that cannot be trusted: the old file and its -wal/-shm are
 * renamed (never deleted) to `<name>-replaced-<time>.sqlite…`, a fresh database gets a new identity
 * whose Z floor is the highest last Z anyone remembers (the marker's, the old file's when readable),
 * and the marker is rewritten for it. No Z number is ever issued twice.
 */
export async function startNewBook(request: NewBookRequest): Promise<NewBookDone> {
  const { dataDir, databaseFile, at } = request;
  // A read-only folder is said as such (the refusal's own words), before anything is touched.
  checkWritableFolder(dataDir);
  const file = join(dataDir, databaseFile);
  const floor = Math.max(readMarker(dataDir, databaseFile)?.lastZ ?? 0, lastZOf(file));
  const movedAside = moveAside(dataDir, databaseFile, at);
  const db = request.open(file);
  try {
    const identity = await db.write(async (tx) => {
      await ensureBookIdentity(tx, at);
      await raiseZFloor(tx, floor);
      return readBookIdentity(tx);
    });
    if (!identity) throw new Error(`${file}: the new book has no identity`);
    writeBookMarker(dataDir, databaseFile, identity, at);
    return { movedAside, nextZNumber: identity.lastZ + 1, bookId: identity.bookId };
  } finally {
    await db.close();
  }
}

/** The old file's last Z when it can still be read; 0 when it is missing or damaged. */
function lastZOf(file: string): number {
  const probe = probeDatabase(file);
  return probe.state === 'ok' ? Math.max(probe.identity?.lastZ ?? 0, probe.highestZ) : 0;
}

function moveAside(dataDir: string, databaseFile: string, at: number): string[] {
  const stamp = fileStamp(at);
  // The -wal keeps the old name's shape, so the moved file still opens with its last commits.
  const base = databaseFile.replace(/\.sqlite$/, '');
  const target = `${base}-replaced-${stamp}.sqlite`;
  const moved: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    if (!existsSync(join(dataDir, databaseFile + suffix))) continue;
    renameSync(join(dataDir, databaseFile + suffix), join(dataDir, target + suffix));
    moved.push(target + suffix);
  }
  syncFolder(dataDir);
  return moved;
}
