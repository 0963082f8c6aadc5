import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchView, PrintJobView } from '../../shared/contract';
import { TRAINING_TOPUP_FIXED_PROFILE } from '../../electron/core/simulator';
import { DEFAULT_GRID, pageGeometry } from '../../electron/core/topup/pdf/page-geometry';
import { batchIds, inParallel, pageCodes, pdfInfo } from '../support/pdf-codes';
import { startTestStation, type TestStation } from '../support/station-in-process';

let kassa: TestStation;
let batch: BatchView;
let job: PrintJobView;

beforeAll(async () => {
  kassa = await startTestStation({ simulatorUrl: 'http://127.0.0.1:9' });
  ({ batch, job } = await kassa.must('topup.createBatch', {
    count: 10_000,
    amountMode: 'fixed',
    amountCents: 1000,
    description: 'Pukkelpop top-up',
    eventName: 'Pukkelpop 2026',
    layout: 'a4',
  }));
  while ((job = await kassa.must('jobs.get', { jobId: job.jobId })).state === 'running')
    await new Promise((resolve) => setTimeout(resolve, 50));
}, 60_000);
afterAll(async () => {
  await kassa.close();
});

/** A small seeded generator, so that a failure names positions that can be tried again. */
function positions(seed: number, count: number, below: number): number[] {
  let state = seed;
  const picked = new Set<number>();
  while (picked.size < count) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    picked.add(state % below);
  }
  return [...picked];
}

describe('a 10 000-code batch', () => {
  it('decodes with zbarimg at its first, its last and 100 random codes, each to exactly its payload', async () => {
    expect(job.state).toBe('done');
    const file = join(kassa.dataDir, 'prints', `${job.jobId}.pdf`);
    const geometry = pageGeometry('a4', DEFAULT_GRID);
    const perPage = geometry.cells.length;
    expect(pdfInfo(file).pages).toBe(Math.ceil(10_000 / perPage));
    const ids = batchIds(kassa.dataDir, batch.id);
    const seed = Date.now() % 100_000;
    const chosen = [0, 9_999, ...positions(seed, 100, 10_000)];
    // Each code's own cell, rendered at 150 dpi: 102 small images instead of 100 whole pages.
    const decoded = await inParallel(chosen, 2, (position) =>
      pageCodes(file, Math.floor(position / perPage) + 1, {
        box: geometry.cells[position % perPage] ?? geometry.cells[0]!,
        pageHeight: geometry.height,
      }),
    );
    const expected = chosen.map((position) => [
      `https://pay.bancontact.net/t/1/${TRAINING_TOPUP_FIXED_PROFILE.ppid}?D=Pukkelpop%20top-up&A=1000&R=${ids[position]}`,
    ]);
    expect(decoded, `seed ${seed}`).toEqual(expected);
  }, 60_000);
});
