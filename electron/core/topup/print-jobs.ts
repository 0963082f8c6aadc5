import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintJobView } from '../../../shared/contract/topup-batch-views';
import { JobRunner, type JobProgress } from '../jobs/job-runner';
import { workerScript } from '../jobs/worker-script';
import { batchFileName } from './batch-file-name';
import type { BatchPrint } from './pdf/render-batch';

export const PRINTS_FOLDER = 'prints';
const JOB_ID = /^[0-9a-f]{24}$/;

export interface PrintJobsOptions {
  dataDir: string;
  /** Every change of every job: `jobs.progressed`. */
  emit: (job: PrintJobView) => void;
  tickMs?: number;
}

/**
 * Batch PDFs rendered in worker threads, to `<dataDir>/prints/<jobId>.pdf`. A file of that name only
 * exists once its job is done (the renderer writes `.part` and renames it), so serving a download
 * needs no bookkeeping that a restart could lose.
 */
export class PrintJobs {
  private readonly runner: JobRunner;
  private readonly batchOf = new Map<string, string>();
  /**
   * The name each job's PDF downloads as, from its batch. Held in memory like the jobs themselves: after
   * a restart the file is still served, under its job id.
   */
  private readonly nameOf = new Map<string, string>();
  /** Jobs that write elsewhere (the command line's --out): nothing to serve. */
  private readonly elsewhere = new Set<string>();
  private readonly folder: string;

  constructor(private readonly options: PrintJobsOptions) {
    this.folder = join(options.dataDir, PRINTS_FOLDER);
    this.runner = new JobRunner({
      onProgress: (job) => options.emit(this.view(job)),
      tickMs: options.tickMs,
    });
  }

  /** Starts rendering; the PDF goes to `outFile`, or to the prints folder for the HTTP shell to serve. */
  start(batchId: string, print: Omit<BatchPrint, 'outFile'>, outFile?: string): PrintJobView {
    mkdirSync(this.folder, { recursive: true });
    const jobId = randomBytes(12).toString('hex');
    this.batchOf.set(jobId, batchId);
    this.nameOf.set(
      jobId,
      batchFileName({
        eventName: print.eventName,
        description: print.payload.description,
        firstId: print.ids[0] ?? '',
      }),
    );
    const target = outFile ?? this.fileOf(jobId);
    if (outFile) this.elsewhere.add(jobId);
    const job = this.runner.start(
      jobId,
      workerScript(join(__dirname, 'pdf'), 'print-worker'),
      { ...print, outFile: target },
      print.ids.length,
    );
    void this.runner.finished(jobId)?.then((end) => {
      // A worker stopped mid-page leaves its partial file; a finished one has renamed it already.
      if (end.state !== 'done') rmSync(`${target}.part`, { force: true });
    });
    return this.view(job);
  }

  get(jobId: string): PrintJobView | null {
    const job = this.runner.get(jobId);
    return job ? this.view(job) : null;
  }

  cancel(jobId: string): PrintJobView | null {
    const job = this.runner.cancel(jobId);
    return job ? this.view(job) : null;
  }

  /** Resolves when the job has ended, however it ended. */
  async finished(jobId: string): Promise<PrintJobView | null> {
    const end = await this.runner.finished(jobId);
    return end ? this.view(end) : null;
  }

  /** The finished PDF of `jobId` and the name to save it as, or null: only well-formed job ids, never a path. */
  downloadFile(jobId: string): { path: string; fileName: string } | null {
    if (!JOB_ID.test(jobId)) return null;
    const path = this.fileOf(jobId);
    return existsSync(path) ? { path, fileName: this.fileNameOf(jobId) } : null;
  }

  stop(): Promise<void> {
    return this.runner.stop();
  }

  private fileOf(jobId: string): string {
    return join(this.folder, `${jobId}.pdf`);
  }

  private fileNameOf(jobId: string): string {
    return this.nameOf.get(jobId) ?? `${jobId}.pdf`;
  }

  private view(job: JobProgress): PrintJobView {
    return {
      ...job,
      batchId: this.batchOf.get(job.jobId) ?? '',
      fileName: this.fileNameOf(job.jobId),
      downloadPath:
        job.state === 'done' && !this.elsewhere.has(job.jobId) ? `/downloads/${job.jobId}.pdf` : null,
    };
  }
}
