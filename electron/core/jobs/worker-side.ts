import { parentPort, workerData } from 'node:worker_threads';

/** Shared with the runner: slot 0 is the count done (written here), slot 1 the cancel flag (written there). */
export const DONE_SLOT = 0;
export const CANCEL_SLOT = 1;

export type WorkerOutcome = { type: 'done' } | { type: 'cancelled' } | { type: 'failed'; message: string };

export interface JobHooks {
  progress(done: number): void;
  cancelled(): boolean;
}

interface JobWorkerData<D> {
  data: D;
  control: SharedArrayBuffer;
}

/**
 * Runs `work` as the body of a job worker. Progress and cancel go through shared memory rather than
 * messages: the work is one synchronous loop that never yields to receive a message, and a counter
 * costs nothing per page however often it is written.
 */
export function runAsJob<D>(work: (data: D, hooks: JobHooks) => 'done' | 'cancelled'): void {
  const { data, control } = workerData as JobWorkerData<D>;
  const slots = new Int32Array(control);
  const hooks: JobHooks = {
    progress: (done) => Atomics.store(slots, DONE_SLOT, done),
    cancelled: () => Atomics.load(slots, CANCEL_SLOT) === 1,
  };
  let outcome: WorkerOutcome;
  try {
    outcome = { type: work(data, hooks) };
  } catch (error) {
    outcome = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(outcome);
}
