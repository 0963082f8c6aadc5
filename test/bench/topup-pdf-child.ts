import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { PrintLayout } from '../../shared/contract';
import { openDatabase } from '../../electron/core/db/open-database';
import { BatchService } from '../../electron/core/topup/batch-service';
import { PrintJobs } from '../../electron/core/topup/print-jobs';
import { trainingTopupProfiles } from '../../electron/core/settings/topup-profiles';
import { MIGRATIONS, tempDir } from '../support/temp';
import { renderWithPdfLib } from './topup-pdf-baseline';

/** What one run measured, printed by the child as one JSON line. */
export interface TopupPdfRun {
  count: number;
  layout: PrintLayout;
  insertSeconds: number;
  /** From starting the print job to the finished PDF: worker start-up included, as a user waits for it. */
  renderSeconds: number;
  fileMb: number;
  /** The whole process (station thread and print worker): process.resourceUsage().maxRSS. */
  peakRssMb: number;
  /** RSS as the job went on, to see that it stays flat: [codes done, MB]. */
  rssAlong: Array<[number, number]>;
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/**
 * One batch created and printed the way the station does it (BatchService + PrintJobs, a worker
 * thread), in a process of its own so that its peak RSS is this batch's alone.
 */
async function main(count: number, layout: PrintLayout): Promise<void> {
  const folder = tempDir('kassa-bench-topup-');
  const db = openDatabase({ file: join(folder.dir, 'training.sqlite'), migrationsFolder: MIGRATIONS });
  const rssAlong: Array<[number, number]> = [];
  const printing = new PrintJobs({
    dataDir: folder.dir,
    emit: (job) => rssAlong.push([job.done, mb(process.memoryUsage().rss)]),
  });
  const service = new BatchService({ db, profiles: trainingTopupProfiles(''), now: Date.now });
  const input = {
    count,
    amountMode: 'fixed',
    amountCents: 2000,
    description: 'Festival top-up',
    eventName: 'Bench Fest 2026',
    layout,
    legacyHost: false,
  } as const;
  let started = performance.now();
  const row = await service.create(input);
  const insertSeconds = (performance.now() - started) / 1000;
  const print = await service.print(row, layout, undefined, 'nl');
  started = performance.now();
  const job = printing.start(row.id, print);
  const end = await printing.finished(job.jobId);
  const renderSeconds = (performance.now() - started) / 1000;
  if (end?.state !== 'done') throw new Error(`print job ended ${end?.state}: ${end?.error}`);
  const fileMb = statSync(join(folder.dir, 'prints', `${job.jobId}.pdf`)).size / 1024 / 1024;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const run: TopupPdfRun = { count, layout, insertSeconds, renderSeconds, fileMb, peakRssMb, rssAlong };
  await db.close();
  folder.remove();
  console.log(JSON.stringify(run));
}

const [, , what = 'kassa', count = '10000', layout = 'a4'] = process.argv;
const run =
  what === 'pdf-lib'
    ? renderWithPdfLib(Number(count)).then((result) => console.log(JSON.stringify(result)))
    : main(Number(count), layout as PrintLayout);
run.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
