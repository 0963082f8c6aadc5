import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { workerScript } from '../jobs/worker-script';
import { PARTIAL } from './backup-file';
import { unusableFolderReason } from './backup-folder';
import { backupFileName, type BackupReason } from './backup-names';
import type { BackupWorkerInput, BackupWorkerOutcome } from './backup-worker';

export interface BackupRequest {
  /** The database file to copy, e.g. `<data>/kassa.sqlite`. */
  sourceFile: string;
  /** Its name in the data folder (`kassa.sqlite`), which backup names start with. */
  databaseFile: string;
  folder: string;
  reason: BackupReason;
}

/** The name is chosen when the backup starts: the copy holds at least everything committed before then. */
export type BackupOutcome =
  | {
      ok: true;
      fileName: string;
      databaseFile: string;
      takenAt: number;
      reason: BackupReason;
      sizeBytes: number;
      pruned: string[];
    }
  | { ok: false; at: number; reason: BackupReason; message: string; code?: string };

export interface BackupRunnerOptions {
  now: () => number;
  /** Told when a backup starts and when it ends, before its promise settles. */
  onStarted?: (request: BackupRequest) => void;
  onFinished?: (request: BackupRequest, outcome: BackupOutcome) => void;
}

interface Lane {
  /** Settles when the backup being written now has ended. */
  current: Promise<unknown>;
  /** The one backup that follows the running one; every request made meanwhile shares it. */
  waiting: { request: BackupRequest; answer: Array<(outcome: BackupOutcome) => void> } | null;
}

/** A Z or a migration outranks a manual backup, which outranks a routine one, when requests coalesce. */
const RANK: Record<BackupReason, number> = { interval: 0, manual: 1, restore: 2, migration: 3, z: 4 };

/**
 * Runs backups in worker threads, one at a time per database. A request while one runs for the same
 * database does not start a second copy: it waits for one more backup after the running one (which
 * may have started before the change the caller wants saved), and all such requests share it.
 */
export class BackupRunner {
  private readonly lanes = new Map<string, Lane>();
  /** The `.partial` files being written now: a stopping station waits for them while they grow. */
  private readonly copying = new Set<string>();
  /** Set when the station begins to stop (no new request starts) and when it stops waiting (nothing starts). */
  private stopping: 'no' | 'waiting' | 'stopped' = 'no';

  constructor(private readonly options: BackupRunnerOptions) {}

  isRunning(sourceFile: string): boolean {
    return this.lanes.has(sourceFile);
  }

  run(request: BackupRequest): Promise<BackupOutcome> {
    if (this.stopping !== 'no') return Promise.resolve(this.notStarted(request));
    const lane = this.lanes.get(request.sourceFile);
    if (!lane) {
      const fresh: Lane = { current: Promise.resolve(), waiting: null };
      this.lanes.set(request.sourceFile, fresh);
      return this.drive(fresh, request);
    }
    lane.waiting ??= { request: { ...request }, answer: [] };
    const { waiting } = lane;
    if (RANK[request.reason] > RANK[waiting.request.reason]) waiting.request.reason = request.reason;
    return new Promise((resolve) => waiting.answer.push(resolve));
  }

  /** Waits for the backups under way (the station is stopping: a half-written copy helps nobody). */
  async settle(): Promise<void> {
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()].map((lane) => lane.current));
  }

  /**
   * The station is stopping: no new request starts, and the backups under way (with the one waiting
   * for them) are let finish for as long as their copy grows. The process exits after the station has
   * stopped, and exiting stops a worker thread in the middle of its copy: if SQLite then reports an
   * error (the backup disk full or gone, the folder removed), better-sqlite3 builds that error on a
   * thread being stopped and aborts the whole process (v8 ToLocalChecked, FATAL ERROR). A copy that
   * has not grown for `stallMs` (a disk that hangs) is left behind, and from then on nothing starts.
   */
  async stop(stallMs = 30_000): Promise<void> {
    this.stopping = 'waiting';
    let size = -1;
    let grewAt = Date.now();
    while (this.lanes.size > 0) {
      const now = this.copiedBytes();
      if (now !== size) [size, grewAt] = [now, Date.now()];
      else if (Date.now() - grewAt > stallMs) break;
      await Promise.race([this.settle(), new Promise((resolve) => setTimeout(resolve, 250).unref())]);
    }
    this.stopping = 'stopped';
  }

  private copiedBytes(): number {
    let total = 0;
    for (const partial of this.copying) {
      try {
        total += statSync(partial).size;
      } catch {
        // Not created yet, or already renamed: its size says nothing about progress.
      }
    }
    return total + this.copying.size;
  }

  /** A backup the stopping station did not start: reported as failed, so that the status says so. */
  private notStarted(request: BackupRequest): BackupOutcome {
    const message = 'The station stopped before this backup could start';
    const outcome: BackupOutcome = { ok: false, at: this.options.now(), reason: request.reason, message };
    this.options.onFinished?.(request, outcome);
    return outcome;
  }

  private drive(lane: Lane, request: BackupRequest): Promise<BackupOutcome> {
    this.options.onStarted?.(request);
    const done = this.runOne(request).then((outcome) => {
      // The lane first, so that whoever hears of the end sees whether another backup runs now.
      this.continueLane(lane, request.sourceFile);
      this.options.onFinished?.(request, outcome);
      return outcome;
    });
    lane.current = done;
    return done;
  }

  /** Starts the backup that waited for this one, or closes the lane. Synchronous, so no request slips between. */
  private continueLane(lane: Lane, sourceFile: string): void {
    const { waiting } = lane;
    lane.waiting = null;
    if (!waiting || this.stopping === 'stopped') {
      this.lanes.delete(sourceFile);
      if (waiting) waiting.answer.forEach((answer) => answer(this.notStarted(waiting.request)));
      return;
    }
    void this.drive(lane, waiting.request).then((outcome) =>
      waiting.answer.forEach((answer) => answer(outcome)),
    );
  }

  private async runOne(request: BackupRequest): Promise<BackupOutcome> {
    const takenAt = this.options.now();
    const { sourceFile, databaseFile, folder, reason } = request;
    const fileName = backupFileName({ databaseFile, takenAt, reason });
    const unusable = unusableFolderReason(folder);
    if (unusable)
      return { ok: false, message: `The backup folder ${folder} ${unusable}`, at: takenAt, reason };
    const input: BackupWorkerInput = { sourceFile, folder, fileName, databaseFile, now: takenAt };
    const result: BackupWorkerOutcome = await this.inWorker(input).catch((error: Error) => ({
      ok: false,
      message: error.message,
    }));
    if (!result.ok) return { ...result, at: this.options.now(), reason };
    const { sizeBytes, pruned } = result;
    return { ok: true, fileName, databaseFile, takenAt, reason, sizeBytes, pruned };
  }

  private inWorker(input: BackupWorkerInput): Promise<BackupWorkerOutcome> {
    const script = workerScript(__dirname, 'backup-worker');
    return new Promise((resolve) => {
      const source = script.kind === 'file' ? script.file : script.code;
      const worker = new Worker(source, { eval: script.kind === 'eval', workerData: input });
      let outcome: BackupWorkerOutcome | null = null;
      const partial = join(input.folder, input.fileName + PARTIAL);
      this.copying.add(partial);
      const settle = (answer: BackupWorkerOutcome) => {
        this.copying.delete(partial);
        clearInterval(flushing);
        clearInterval(watching);
        resolve(answer);
      };
      const flushing = flushWhileWriting(partial);
      const watching = abandonWhenStalled(partial, () => {
        // Let go, not terminated: a thread stuck in a write cannot be stopped before the write returns,
        // and a stopped thread that then gets an error from SQLite makes better-sqlite3 abort the whole
        // process. Unreferenced, it keeps no one waiting; what it answers later is not listened to.
        worker.unref();
        settle({ ok: false, message: STALLED_MESSAGE });
      });
      worker.once('message', (message: BackupWorkerOutcome) => (outcome = message));
      worker.once('error', (error) => (outcome ??= { ok: false, message: error.message }));
      worker.once('exit', (code) =>
        settle(outcome ?? { ok: false, message: `The backup worker stopped (exit code ${code})` }),
      );
    });
  }
}

/** A backup whose copy has not grown for this long is stuck (a disk gone, a share that hangs): abandoned. */
const STALL_MS = 120_000;
const STALLED_MESSAGE =
  'The backup made no progress for 2 minutes and was abandoned (is the backup disk still there?)';

function abandonWhenStalled(partial: string, abandon: () => void): NodeJS.Timeout {
  let size = -1;
  let grewAt = Date.now();
  const timer = setInterval(() => {
    let now = -1;
    try {
      now = statSync(partial).size;
    } catch {
      // Not created yet: no progress either.
    }
    if (now !== size) {
      size = now;
      grewAt = Date.now();
    } else if (Date.now() - grewAt > STALL_MS) abandon();
  }, 5_000);
  timer.unref();
  return timer;
}

/** How often the copy being written is flushed to disk while it grows. */
const FLUSH_EVERY_MS = 200;

/**
 * Flushes the growing copy to disk every 200 ms (in libuv's thread pool, never on the station's
 * thread), so that the disk never holds a gigabyte of unwritten pages for one final fsync to push out
 * at once: the till's own commits (each one synced) would wait behind it.
 */
function flushWhileWriting(partial: string): NodeJS.Timeout {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void open(partial, 'r')
      .then((file) => file.datasync().finally(() => file.close()))
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, FLUSH_EVERY_MS);
  timer.unref();
  return timer;
}
