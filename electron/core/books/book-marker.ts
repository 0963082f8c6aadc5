import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../files/durable-file';
import type { BookIdentity } from './book-identity';

/** Beside `settings.json`: what each live database was when the station last wrote to it. */
export const BOOK_MARKER_FILE = 'books.json';

const markerSchema = z.record(
  z.string(),
  z.looseObject({ bookId: z.string().min(1), lastZ: z.number().int().min(0), updatedAt: z.number().int() }),
);

export type BookMarkers = z.infer<typeof markerSchema>;

/** Thrown when `books.json` exists but cannot be read: the station refuses rather than guesses. */
export class BookMarkerUnreadable extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'BookMarkerUnreadable';
  }
}

export function readBookMarkers(dataDir: string): BookMarkers {
  const file = join(dataDir, BOOK_MARKER_FILE);
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new BookMarkerUnreadable(file, 'not valid JSON');
  }
  const parsed = markerSchema.safeParse(raw);
  if (!parsed.success) throw new BookMarkerUnreadable(file, parsed.error.issues[0]?.message ?? 'invalid');
  return parsed.data;
}

/** The marker of one database file (`kassa.sqlite`, `preprod.sqlite`), or null when none was written. */
export function readBookMarker(dataDir: string, databaseFile: string): BookIdentity | null {
  const entry = readBookMarkers(dataDir)[databaseFile];
  return entry ? { bookId: entry.bookId, lastZ: entry.lastZ } : null;
}

/** Written durably (synced file and folder) before the station answers the call that changed it. */
export function writeBookMarker(
  dataDir: string,
  databaseFile: string,
  identity: BookIdentity,
  at: number,
): void {
  const markers = readBookMarkers(dataDir);
  markers[databaseFile] = { ...markers[databaseFile], ...identity, updatedAt: at };
  writePrivateFile(join(dataDir, BOOK_MARKER_FILE), JSON.stringify(markers, null, 2));
}
