import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { STATION_DATABASE_FILE } from '../db/open-station-database';
import type { BackupStatusView, BackupView } from '../../../shared/contract/backup-methods';
import type { Logger } from '../logging/logger';
import { writeBackup } from './backup-file';
import { loadBackupFailures, saveBackupFailures, type RememberedFailure } from './backup-failures-file';
import {
  backupFolder,
  listBackups,
  listRestorableBackups,
  restorableFolders,
  type BackupFile,
} from './backup-folder';
import { backupFileName, type BackupReason } from './backup-names';
import { pruneBackups } from './backup-pruning';
import { BackupRunner, type BackupOutcome, type BackupRequest } from './backup-runner';
import { pendingMigrations } from './pending-migrations';

export interface BackupSettings {
  folder: string | null;
  intervalMinutes: number;
  previousFolders: string[];
}

/** The current mode's database, as the station holds it open. */
export interface OpenDatabase {
  databaseFile: string;
  sqlite: Database.Database;
}

export interface BackupServiceDeps {
  dataDir: string;
  settings: () => BackupSettings;
  /** The current mode's database; null while none is open. */
  current: () => OpenDatabase | null;
  now: () => number;
  logger: Logger;
  /** `backups.changed`: a backup started or ended, or the settings changed. */
  onChanged: (status: BackupStatusView) => void;
  /** How often the interval rule is checked (30 s by default; tests use less). */
  checkEveryMs?: number;
}

/** The station's own connection's commits since it was opened; counts even what `data_version` does not see. */
const totalChanges = (sqlite: Database.Database): number =>
  (sqlite.prepare('select total_changes() as n').get() as { n: number }).n;

/**
 * Backs up each mode's database after every Z, every N minutes of activity and before migrations,
 * remembers how the last one went and says so (`backups.changed`).
 */
export class BackupService {
  private readonly runner: BackupRunner;
  /** The last failure of each database, remembered across restarts until a backup succeeds. */
  private readonly failures: Map<string, RememberedFailure>;
  private readonly lastGood = new Map<string, number>();
  /** The current connection, its change count at its last backup, and when that backup was. */
  private watched: { sqlite: Database.Database; databaseFile: string; changes: number; at: number } | null =
    null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: BackupServiceDeps) {
    this.failures = loadBackupFailures(deps.dataDir);
    this.runner = new BackupRunner({
      now: deps.now,
      onStarted: (request) => this.started(request),
      onFinished: (request, outcome) => this.finished(request, outcome),
    });
  }

  folder(): string {
    return backupFolder(this.deps.dataDir, this.deps.settings().folder);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.checkActivity(), this.deps.checkEveryMs ?? 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    // A backup under way is let finish while its copy grows (backup-runner.ts says why), but a stuck one
    // (a disk that hangs) must not hold the station back from stopping: the partial file it leaves is
    // never taken for a backup.
    await this.runner.stop();
  }

  /**
   * A backup of the current mode's database, and of the station's own (people, devices, audit log)
   * beside it; answers when the mode's is on disk (or failed).
   */
  backUp(reason: BackupReason): Promise<BackupOutcome> {
    const open = this.deps.current();
    if (!open)
      return Promise.resolve({ ok: false, at: this.deps.now(), reason, message: 'No database is open' });
    this.backUpStationDatabase(reason);
    return this.runner.run(this.requestFor(open.databaseFile, reason));
  }

  /** After a Z has committed: the backups run in the background; their outcome shows in the status. */
  afterZ(databaseFile: string): void {
    this.backUpStationDatabase('z');
    void this.runner.run(this.requestFor(databaseFile, 'z'));
  }

  /**
   * `station.sqlite` into `<folder>/station/`, pruned by the same rule as the books. It is never listed
   * among the books to restore (docs/backups.md says how to put one back by hand).
   */
  private backUpStationDatabase(reason: BackupReason): void {
    const databaseFile = STATION_DATABASE_FILE;
    if (!existsSync(this.sourceFile(databaseFile))) return;
    const request = { ...this.requestFor(databaseFile, reason), folder: join(this.folder(), 'station') };
    void this.runner.run(request);
  }

  /**
   * The interval rule: a backup when the current database changed since its last backup and that
   * backup is at least `intervalMinutes` old. Answers the outcome, or null when none was due.
   */
  async checkActivity(): Promise<BackupOutcome | null> {
    const open = this.deps.current();
    if (!open || !this.changedSinceBackup(open)) return null;
    if (this.runner.isRunning(this.sourceFile(open.databaseFile))) return null;
    const due = (this.watched?.at ?? 0) + this.deps.settings().intervalMinutes * 60_000;
    if (this.deps.now() < due) return null;
    return this.runner.run(this.requestFor(open.databaseFile, 'interval'));
  }

  /**
   * Before drizzle migrates an existing database: a copy as it was. Synchronous, on the station's
   * thread, because the database is being opened and nothing is served from it yet. A failed copy is
   * reported and the migration goes on: refusing to open would stop the till over a backup disk.
   */
  beforeMigrating(sqlite: Database.Database, migrationsFolder: string, databaseFile: string): void {
    if (!this.migrationPending(sqlite, migrationsFolder)) return;
    const takenAt = this.deps.now();
    const request = this.requestFor(databaseFile, 'migration');
    const fileName = backupFileName({ databaseFile, takenAt, reason: 'migration' });
    try {
      const sizeBytes = writeBackup(sqlite, request.folder, fileName);
      const pruned = pruneBackups(request.folder, databaseFile, takenAt);
      this.finished(request, {
        ok: true,
        fileName,
        databaseFile,
        takenAt,
        reason: 'migration',
        sizeBytes,
        pruned,
      });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      this.finished(request, {
        ok: false,
        at: takenAt,
        reason: 'migration',
        message: failure.message,
        code: failure.code,
      });
    }
  }

  /** A file the check cannot read is left to the migration itself, which says what is wrong with it. */
  private migrationPending(sqlite: Database.Database, migrationsFolder: string): boolean {
    try {
      return pendingMigrations(sqlite, migrationsFolder).length > 0;
    } catch {
      return false;
    }
  }

  status(): BackupStatusView {
    const { folder, intervalMinutes } = this.deps.settings();
    const databaseFile = this.deps.current()?.databaseFile ?? '';
    const lastBackup = listBackups(this.folder()).find((b) => b.databaseFile === databaseFile) ?? null;
    const failure = this.failures.get(databaseFile);
    const failing = failure && failure.at >= (this.lastGood.get(databaseFile) ?? 0);
    return {
      folder: this.folder(),
      folderIsDefault: folder === null,
      intervalMinutes,
      databaseFile,
      running: this.runner.isRunning(this.sourceFile(databaseFile)),
      lastBackup: lastBackup && toView(lastBackup),
      lastFailure: failing ? { at: iso(failure.at), reason: failure.reason, message: failure.message } : null,
    };
  }

  list(limit: number): BackupView[] {
    const folders = restorableFolders(this.deps.dataDir, this.deps.settings());
    return listRestorableBackups(folders).slice(0, limit).map(toView);
  }

  /** Tells every client the status again (the folder or the interval changed). */
  announce(): void {
    this.deps.onChanged(this.status());
  }

  private requestFor(databaseFile: string, reason: BackupReason): BackupRequest {
    return { sourceFile: this.sourceFile(databaseFile), databaseFile, folder: this.folder(), reason };
  }

  private sourceFile(databaseFile: string): string {
    return join(this.deps.dataDir, databaseFile);
  }

  /**
   * A mode's database was opened: changes are counted from here (its connection counts from zero, and
   * what opening wrote is not a sale). The interval runs from its newest backup; never backed up, the
   * first change is due at once.
   */
  opened(open: OpenDatabase): void {
    const newest = listBackups(this.folder()).find((b) => b.databaseFile === open.databaseFile);
    this.watched = { ...open, changes: totalChanges(open.sqlite), at: newest?.takenAt ?? 0 };
  }

  private changedSinceBackup(open: OpenDatabase): boolean {
    if (this.watched?.sqlite !== open.sqlite) this.opened(open);
    return totalChanges(open.sqlite) > (this.watched?.changes ?? 0);
  }

  private started(request: BackupRequest): void {
    const open = this.deps.current();
    if (open && open.databaseFile === request.databaseFile) {
      this.watched = { ...open, changes: totalChanges(open.sqlite), at: this.deps.now() };
    }
    this.announce();
  }

  private finished(request: BackupRequest, outcome: BackupOutcome): void {
    if (outcome.ok) {
      this.lastGood.set(request.databaseFile, outcome.takenAt);
      this.deps.logger.info(`backup ${outcome.fileName} written (${outcome.sizeBytes} bytes)`);
      if (this.failures.delete(request.databaseFile)) saveBackupFailures(this.deps.dataDir, this.failures);
    } else {
      const { at, reason, message, code } = outcome;
      this.failures.set(request.databaseFile, { at, reason, message, ...(code ? { code } : {}) });
      saveBackupFailures(this.deps.dataDir, this.failures);
      this.deps.logger.error(
        `backup of ${request.databaseFile} (${request.reason}) failed: ${outcome.message}`,
      );
    }
    this.announce();
  }
}

const iso = (at: number): string => new Date(at).toISOString();

function toView(file: BackupFile): BackupView {
  const { fileName, databaseFile, takenAt, reason, sizeBytes } = file;
  return { fileName, databaseFile, takenAt: iso(takenAt), reason, sizeBytes };
}
