import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../shared/contract';
import { PrintJobs } from '../../electron/core/topup/print-jobs';
import { tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
let events: PrintJobView[];
let printing: PrintJobs;

beforeEach(() => {
  folder = tempDir();
  events = [];
  printing = new PrintJobs({ dataDir: folder.dir, emit: (job) => events.push(job) });
});
afterEach(async () => {
  await printing.stop();
  folder.remove();
});

const print = {
  layout: 'a4',
  ids: ['7K2Q-9XQ4-M32F'],
  payload: { ppid: 'ca55a0000000000000000003', amountMode: 'open', description: 'Top-up' },
  eventName: 'Test',
  amountText: 'uw bedrag',
  logoDataUrl: null,
  title: 'Test',
} as const;

describe('a print job that fails in its worker', () => {
  it('ends as failed with the reason, once, and leaves no file', async () => {
    // A PPID with a slash cannot be in a payload: the worker's payload check throws.
    const job = printing.start('batch-1', { ...print, payload: { ...print.payload, ppid: 'ca55/..' } });
    const end = await printing.finished(job.jobId);
    expect(end).toMatchObject({ state: 'failed', batchId: 'batch-1', downloadPath: null, secondsLeft: null });
    expect(end?.error).toMatch(/PPID/);
    expect(events.filter((e) => e.state !== 'running')).toHaveLength(1);
    expect(readdirSync(join(folder.dir, 'prints'))).toEqual([]);
  });

  it('writes to another file when told to, and offers no download for it', async () => {
    const out = join(folder.dir, 'elsewhere.pdf');
    const job = printing.start('batch-2', print, out);
    expect(await printing.finished(job.jobId)).toMatchObject({ state: 'done', downloadPath: null });
    expect(existsSync(out)).toBe(true);
    expect(printing.downloadFile(job.jobId)).toBeNull();
    expect(printing.downloadFile('../elsewhere')).toBeNull();
  });
});
