import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { BookIdentity } from './book-identity';

/** What a database file holds, looked at without changing it. */
export type ProbeResult =
  | { state: 'missing' }
  | { state: 'empty' }
  | { state: 'not-sqlite'; detail: string }
  | { state: 'damaged'; detail: string }
  /** `identity` is null for a file from before book identities, or a fresh one. */
  | { state: 'ok'; identity: BookIdentity | null; highestZ: number };

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Looks at a database the way the station is about to trust it: present, not empty, a SQLite file,
 * `PRAGMA quick_check` passing, and its book identity, without changing it: any `-wal` or `-shm`
 * the look leaves behind (it should leave none) is removed when it is empty and was not there before.
 */
export function probeDatabase(file: string): ProbeResult {
  if (!existsSync(file)) return { state: 'missing' };
  if (statSync(file).size === 0) return { state: 'empty' };
  if (!hasSqliteHeader(file)) return { state: 'not-sqlite', detail: 'it is not a SQLite database' };
  const sidecars = [`${file}-wal`, `${file}-shm`].filter((path) => !existsSync(path));
  try {
    return readOnlyLook(file);
  } finally {
    removeCreatedSidecars(sidecars);
  }
}

function hasSqliteHeader(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * An exclusive lock keeps the WAL index in memory, so no `-shm` is made (a read-only connection
 * would make one, and could not on a full disk), and query_only keeps the look from writing; the
 * empty `-wal` SQLite opens is removed again when the connection closes.
 */
function readOnlyLook(file: string): ProbeResult {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('query_only = 1');
    const check = sqlite.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') return { state: 'damaged', detail: `it is damaged (${firstLine(check)})` };
    return { state: 'ok', identity: identityOf(sqlite), highestZ: highestZ(sqlite) };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB') return { state: 'not-sqlite', detail: 'it is not a SQLite database' };
    if (code.startsWith('SQLITE_CORRUPT'))
      return { state: 'damaged', detail: `it is damaged (${firstLine((error as Error).message)})` };
    // A full disk, a lock, an I/O error: no verdict on the book, and the caller says what it is.
    throw error;
  } finally {
    sqlite.close();
  }
}

const hasTable = (sqlite: Database.Database, name: string): boolean =>
  sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** The same rule as `readBookIdentity`, in plain SQL: the read-only probe runs before migrations. */
function identityOf(sqlite: Database.Database): BookIdentity | null {
  if (!hasTable(sqlite, 'book_identity')) return null;
  const row = sqlite
    .prepare('SELECT book_id AS bookId, z_floor AS zFloor FROM book_identity WHERE id = 1')
    .get() as { bookId: string; zFloor: number } | undefined;
  if (!row) return null;
  return { bookId: row.bookId, lastZ: Math.max(row.zFloor, highestZ(sqlite)) };
}

/** The highest Z in the file (0 for a file from before the reports). */
function highestZ(sqlite: Database.Database): number {
  if (!hasTable(sqlite, 'z_reports')) return 0;
  return (sqlite.prepare('SELECT max(number) AS n FROM z_reports').get() as { n: number | null }).n ?? 0;
}

function removeCreatedSidecars(created: string[]): void {
  for (const path of created) {
    // Only an empty log is ours to remove; a log with frames would be another connection's commits.
    if (path.endsWith('-wal') && existsSync(path) && statSync(path).size > 0) continue;
    rmSync(path, { force: true });
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? text;
}
