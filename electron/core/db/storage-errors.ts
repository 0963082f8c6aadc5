import { isConnectionLoss } from './connection-errors';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { ContractFailure } from '../../../shared/contract';
import type { Logger } from '../logging/logger';
import { SqliteStore } from './unit-of-work';

/**
 * Below this much free space, a failed write to the data folder is put down to a full disk: SQLite
 * reports some ENOSPC cases (growing the WAL index, syncing) as a plain SQLITE_IOERR_* code.
 */
const NEARLY_FULL_BYTES = 1024 * 1024;
/** Free space that ends a disk-full episode: room for a good number of sales and their log. */
const RECOVERED_BYTES = 4 * 1024 * 1024;
const PROBE_INTERVAL_MS = 2_000;
const UNREACHABLE_LOG_MS = 60_000;

/** Free bytes for this process on the file system holding `folder`; null when that cannot be told. */
export function freeBytes(folder: string): number | null {
  try {
    const stats = statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  // drizzle wraps the driver's error in its own (`cause`); a few levels cover every wrapper seen.
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = current.cause;
  }
  return codes;
}

/**
 * SQLite's SQLITE_FULL, Node's ENOSPC, and an SQLITE_IOERR_* while the disk holding `folder` is
 * (nearly) full: all mean the same to a cashier, and all pass once space is freed.
 */
export function isDiskFull(error: unknown, folder: string): boolean {
  const codes = codesOf(error);
  if (codes.some((code) => code === 'SQLITE_FULL' || code === 'ENOSPC')) return true;
  if (!codes.some((code) => code.startsWith('SQLITE_IOERR'))) return false;
  const free = freeBytes(folder);
  return free !== null && free < NEARLY_FULL_BYTES;
}

/**
 * The PostgreSQL server cannot be reached or dropped the connection: nothing was committed (a unit of
 * work is one transaction), and the same call works again once the server answers.
 */
export const isDatabaseUnreachable = isConnectionLoss;

export function databaseUnreachableMessage(): string {
  return 'The database server cannot be reached: nothing was saved, try again in a moment';
}

export function diskFullMessage(folder: string): string {
  return `The disk holding Kassa's data is full: free space on ${folder}`;
}

export interface StorageGuardOptions {
  /** The data folder: named in the message, and watched for free space during an episode. */
  folder: string;
  /**
   * The books are on a PostgreSQL server (its address without credentials): a server that cannot be
   * reached answers DATABASE_UNREACHABLE, said once in the log until it answers again.
   */
  database?: string | null;
  logger: Logger;
  probeIntervalMs?: number;
  /** Told when an episode starts and when it ends, so every screen can say so. */
  onChanged?: (full: boolean) => void;
}

/**
 * The one place that tells a full disk from other failures. Callers answer DISK_FULL (the contract)
 * or retry later (background writers); the log says it once per episode, and once when space is back.
 */
export class StorageGuard {
  private probe: NodeJS.Timeout | null = null;

  constructor(private readonly options: StorageGuardOptions) {}

  get folder(): string {
    return this.options.folder;
  }

  /** True between the first full-disk failure and the moment enough space is free again. */
  get full(): boolean {
    return this.probe !== null;
  }

  /**
   * DISK_FULL with the plain message for a full-disk error (logged once per episode),
   * DATABASE_UNREACHABLE for a PostgreSQL server that cannot be reached; null otherwise.
   */
  failureFor(error: unknown, doing: string): ContractFailure | null {
    if (this.options.database && isDatabaseUnreachable(error)) return this.unreachable(doing);
    if (!isDiskFull(error, this.folder)) return null;
    this.noteFull(doing);
    return new ContractFailure('DISK_FULL', diskFullMessage(this.folder), { folder: this.folder });
  }

  /** For background writers: true when the error was a full disk, which they retry later without a word. */
  absorbs(error: unknown, doing: string): boolean {
    return this.failureFor(error, doing) !== null;
  }

  /** Runs a write that may meet a full disk; false when it did (and nothing was written), other errors pass. */
  attempt(doing: string, write: () => void): boolean {
    try {
      write();
      return true;
    } catch (error) {
      if (this.absorbs(error, doing)) return false;
      throw error;
    }
  }

  stop(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
  }

  private unreachableLoggedAt = 0;

  /** Said at most once a minute: an outage fails every call, the log needs it once. */
  private unreachable(doing: string): ContractFailure {
    if (Date.now() - this.unreachableLoggedAt > UNREACHABLE_LOG_MS) {
      this.unreachableLoggedAt = Date.now();
      this.options.logger.error(
        `the database server ${this.options.database ?? ''} cannot be reached (first noticed ${doing}). ` +
          'New sales are refused and open payments wait; nothing is lost, Kassa carries on once it answers.',
      );
    }
    return new ContractFailure('DATABASE_UNREACHABLE', databaseUnreachableMessage());
  }

  private noteFull(doing: string): void {
    if (this.probe) return;
    this.options.logger.error(
      `${diskFullMessage(this.folder)} (first noticed ${doing}). Sales are refused and open payments wait; ` +
        'Kassa carries on by itself once space is freed.',
    );
    const probe = setInterval(() => this.checkRecovered(), this.options.probeIntervalMs ?? PROBE_INTERVAL_MS);
    // The probe only watches; it must not keep a stopping station alive.
    probe.unref();
    this.probe = probe;
    this.options.onChanged?.(true);
  }

  private checkRecovered(): void {
    const free = freeBytes(this.folder);
    if (free === null || free < RECOVERED_BYTES) return;
    this.stop();
    const megabytes = (free / (1024 * 1024)).toFixed(0);
    this.options.logger.warn(`free space is back on ${this.folder} (${megabytes} MB): Kassa saves again`);
    this.options.onChanged?.(false);
  }
}

/**
 * A guard of its own for a part built without the station's (unit tests, tools): same checks, own log.
 * On PostgreSQL there is no data folder whose disk could fill: only an unreachable server is told.
 */
export function guardFor(db: object, logger: Logger): StorageGuard {
  if (db instanceof SqliteStore) return new StorageGuard({ folder: dirname(db.client.name), logger });
  return new StorageGuard({ folder: '', logger, database: 'PostgreSQL' });
}
