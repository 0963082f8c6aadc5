import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { ContractFailure } from '../../../shared/contract';

/** Tables every Kassa database has had since its first migration; a file without them is not a book. */
const KASSA_TABLES = ['sales', 'payments', 'payment_events', '__drizzle_migrations'];
const SQLITE_HEADER = 'SQLite format 3\0';

export interface CheckedBackup {
  /** False for a backup taken before migration 0005 (e.g. a "migration" backup): it gets an identity on restore. */
  hasIdentity: boolean;
  /** The book the backup belongs to; null without an identity. */
  bookId: string | null;
  /** The festival as the backup knew it: refund files made, and the end of the event. */
  festival: FestivalState;
}

export interface FestivalState {
  refundExportIds: string[];
  eventEndedAt: number | null;
}

/** Refund files and the event's end in an open Kassa database (tables an older one may lack). */
export function readFestivalState(sqlite: Database.Database): FestivalState {
  const tables = tableNames(sqlite);
  const refundExportIds = tables.has('refund_exports')
    ? (sqlite.prepare('SELECT id FROM refund_exports').all() as { id: string }[]).map((row) => row.id)
    : [];
  const ended = tables.has('event_end')
    ? (sqlite.prepare('SELECT ended_at AS at FROM event_end WHERE id = 1').get() as
        { at: number } | undefined)
    : undefined;
  return { refundExportIds, eventEndedAt: ended?.at ?? null };
}

function tableNames(sqlite: Database.Database): Set<string> {
  const rows = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
    name: string;
  }[];
  return new Set(rows.map((row) => row.name));
}

export function invalid(file: string, reason: string): never {
  throw new ContractFailure('BACKUP_INVALID', `${file}: ${reason}`);
}

/**
 * Checks a backup before anything is moved: a SQLite file that passes `integrity_check`, holds Kassa's
 * tables and, from migration 0005 on, a book identity, and was written by this Kassa or an older one
 * (a newer Kassa's migrations would be unknown here). Throws BACKUP_INVALID with the reason.
 */
export function checkBackup(file: string, migrationsFolder: string): CheckedBackup {
  assertSqliteHeader(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    invalid(file, `cannot be opened as SQLite (${message(error)})`);
  }
  try {
    return checkOpen(file, sqlite, migrationsFolder);
  } catch (error) {
    if (error instanceof ContractFailure) throw error;
    invalid(file, `cannot be read as SQLite (${message(error)})`);
  } finally {
    sqlite.close();
  }
}

function checkOpen(file: string, sqlite: Database.Database, migrationsFolder: string): CheckedBackup {
  const integrity = sqlite.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  if (integrity[0]?.integrity_check !== 'ok') {
    invalid(file, `is damaged (integrity_check: ${integrity[0]?.integrity_check ?? 'no answer'})`);
  }
  const tables = tableNames(sqlite);
  const missing = KASSA_TABLES.filter((name) => !tables.has(name));
  if (missing.length > 0) invalid(file, `is not a Kassa database (no ${missing.join(', ')} table)`);
  assertMigrationsKnown(file, sqlite, migrationsFolder);
  const festival = readFestivalState(sqlite);
  if (!tables.has('book_identity')) return { hasIdentity: false, bookId: null, festival };
  const row = sqlite.prepare('SELECT book_id FROM book_identity WHERE id = 1').get() as
    { book_id: string } | undefined;
  return { hasIdentity: row !== undefined, bookId: row?.book_id ?? null, festival };
}

function assertSqliteHeader(file: string): void {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    invalid(file, `cannot be read (${message(error)})`);
  }
  if (size === 0) invalid(file, 'is empty (0 bytes)');
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) invalid(file, 'is not a SQLite database');
}

/** Drizzle applies migrations newer than the last `created_at` it recorded; a backup past ours is from a newer Kassa. */
function assertMigrationsKnown(file: string, sqlite: Database.Database, migrationsFolder: string): void {
  const known = readMigrationFiles({ migrationsFolder });
  const newestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
  const applied = sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as {
    createdAt: number;
  }[];
  const unknown = applied.filter((m) => Number(m.createdAt) > newestKnown);
  if (unknown.length > 0) {
    invalid(file, `was written by a newer Kassa (${unknown.length} migration(s) this Kassa does not know)`);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
