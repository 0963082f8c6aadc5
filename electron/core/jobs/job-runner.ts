import { Worker } from 'node:worker_threads';
import type { WorkerScript } from './worker-script';
import { CANCEL_SLOT, DONE_SLOT, type WorkerOutcome } from './worker-side';

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobProgress {
  jobId: string;
  state: JobState;
  done: number;
  total: number;
  codesPerSecond: number;
  secondsLeft: number | null;
  error: string | null;
}

export interface JobRunnerOptions {
  /** Called about every `tickMs` while a job runs, and once when it ends. */
  onProgress: (job: JobProgress) => void;
  tickMs?: number;
  now?: () => number;
  /** A worker that has not stopped this long after Cancel is terminated. */
  cancelGraceMs?: number;
}

interface RunningJob {
  progress: JobProgress;
  worker: Worker | null;
  slots: Int32Array;
  samples: Array<{ at: number; done: number }>;
  timer: NodeJS.Timeout | null;
  finished: Promise<JobProgress>;
  settle: (job: JobProgress) => void;
}

/** The rate is taken over this much recent time, so that it follows the job rather than its start-up. */
const RATE_WINDOW_MS = 2_000;
/** Finished jobs are remembered (for `jobs.get`) up to this many. */
const KEEP_FINISHED = 200;

/** Runs jobs in worker threads, so that the station's thread stays free; reports progress and takes Cancel. */
export class JobRunner {
  private readonly jobs = new Map<string, RunningJob>();
  private readonly now: () => number;

  constructor(private readonly options: JobRunnerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(jobId: string, script: WorkerScript, data: unknown, total: number): JobProgress {
    const control = new SharedArrayBuffer(8);
    let settle: (job: JobProgress) => void = () => undefined;
    const finished = new Promise<JobProgress>((resolve) => (settle = resolve));
    const progress: JobProgress = {
      jobId,
      state: 'running',
      done: 0,
      total,
      codesPerSecond: 0,
      secondsLeft: null,
      error: null,
    };
    const job: RunningJob = {
      progress,
      worker: null,
      slots: new Int32Array(control),
      samples: [],
      timer: null,
      finished,
      settle,
    };
    this.jobs.set(jobId, job);
    const source = script.kind === 'file' ? script.file : script.code;
    const worker = new Worker(source, { eval: script.kind === 'eval', workerData: { data, control } });
    job.worker = worker;
    worker.on('message', (outcome: WorkerOutcome) => this.finish(job, outcome));
    worker.on('error', (error) => this.finish(job, { type: 'failed', message: error.message }));
    worker.on('exit', (code) =>
      this.finish(job, { type: 'failed', message: `The worker stopped (exit code ${code})` }),
    );
    job.timer = setInterval(() => this.tick(job), this.options.tickMs ?? 250);
    this.tick(job);
    return { ...progress };
  }

  get(jobId: string): JobProgress | undefined {
    const job = this.jobs.get(jobId);
    return job ? { ...job.progress } : undefined;
  }

  /** Asks the worker to stop after its current page; terminates it if it does not. */
  cancel(jobId: string): JobProgress | undefined {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    if (job.progress.state === 'running') {
      Atomics.store(job.slots, CANCEL_SLOT, 1);
      const grace = setTimeout(() => void job.worker?.terminate(), this.options.cancelGraceMs ?? 5_000);
      grace.unref();
    }
    return { ...job.progress };
  }

  finished(jobId: string): Promise<JobProgress> | undefined {
    return this.jobs.get(jobId)?.finished;
  }

  /** Stops every running job (the station is shutting down). */
  async stop(): Promise<void> {
    const running = [...this.jobs.values()].filter((job) => job.progress.state === 'running');
    for (const job of running) Atomics.store(job.slots, CANCEL_SLOT, 1);
    await Promise.all(running.flatMap((job) => (job.worker ? [job.worker.terminate()] : [])));
  }

  private tick(job: RunningJob): void {
    if (job.progress.state !== 'running') return;
    const at = this.now();
    const done = Atomics.load(job.slots, DONE_SLOT);
    job.samples.push({ at, done });
    while (job.samples.length > 2 && at - (job.samples[1]?.at ?? at) >= RATE_WINDOW_MS) job.samples.shift();
    const oldest = job.samples[0] ?? { at, done };
    const seconds = (at - oldest.at) / 1000;
    const rate = seconds > 0 ? (done - oldest.done) / seconds : 0;
    const left = job.progress.total - done;
    Object.assign(job.progress, {
      done,
      codesPerSecond: Math.round(rate),
      secondsLeft: rate > 0 ? Math.ceil(left / rate) : null,
    });
    this.options.onProgress({ ...job.progress });
  }

  private finish(job: RunningJob, outcome: WorkerOutcome): void {
    if (job.progress.state !== 'running') return;
    if (job.timer) clearInterval(job.timer);
    const cancelled = Atomics.load(job.slots, CANCEL_SLOT) === 1;
    const state = outcome.type === 'failed' && cancelled ? 'cancelled' : outcome.type;
    const done = state === 'done' ? job.progress.total : Atomics.load(job.slots, DONE_SLOT);
    Object.assign(job.progress, {
      state,
      done,
      secondsLeft: null,
      error: state === 'failed' && outcome.type === 'failed' ? outcome.message : null,
    });
    job.worker = null;
    this.options.onProgress({ ...job.progress });
    job.settle({ ...job.progress });
    this.forgetOldJobs();
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.progress.state !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(jobId);
  }
}
