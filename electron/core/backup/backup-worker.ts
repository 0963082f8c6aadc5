import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { writeBackup } from './backup-file';
import { pruneBackups } from './backup-pruning';

/** What the runner hands the worker: the database file to copy and where the copy goes. */
export interface BackupWorkerInput {
  sourceFile: string;
  folder: string;
  fileName: string;
  /** After a good copy, the pruning rule is applied to this database's backups as of `now`. */
  databaseFile: string;
  now: number;
}

export type BackupWorkerOutcome =
  { ok: true; sizeBytes: number; pruned: string[] } | { ok: false; message: string; code?: string };

/**
 * One backup in its own thread with its own connection, so that the station's thread and its
 * connection go on taking sales: in WAL mode the copy reads one snapshot while writers keep committing.
 *
 * The connection is read-only: the copy only reads, so it cannot write to the books, not even the
 * checkpoint a read-write connection makes when it closes last (from this lowest-priority thread, after
 * the station has closed its own connection).
 */
function run(input: BackupWorkerInput): BackupWorkerOutcome {
  try {
    const sqlite = new Database(input.sourceFile, { fileMustExist: true, readonly: true });
    try {
      // The station's own connection may hold the write lock for a moment; wait rather than fail.
      sqlite.pragma('busy_timeout = 10000');
      const sizeBytes = writeBackup(sqlite, input.folder, input.fileName);
      return { ok: true, sizeBytes, pruned: prune(input) };
    } finally {
      sqlite.close();
    }
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    return { ok: false, message: failure.message, code: failure.code };
  }
}

/**
 * The copy yields to the till: this thread (not the station's) gets the lowest CPU priority, which the
 * Linux I/O schedulers also follow. Linux names a thread's id in /proc/thread-self; elsewhere the copy
 * runs at normal priority.
 */
function yieldToTheTill(): void {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId)) setPriority(threadId, 19);
  } catch {
    // Not Linux, or not allowed: a backup at normal priority is still a backup.
  }
}

/** Pruning (unlinking files of up to gigabytes) is here too, off the station's thread; it never fails a good copy. */
function prune(input: BackupWorkerInput): string[] {
  try {
    return pruneBackups(input.folder, input.databaseFile, input.now);
  } catch {
    return [];
  }
}

yieldToTheTill();
parentPort?.postMessage(run(workerData as BackupWorkerInput));
