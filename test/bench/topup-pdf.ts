import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/temp';
import type { TopupPdfRun } from './topup-pdf-child';

/** Runs the bench child (`topup-pdf-child.ts`) and reads the one JSON line it prints. */
function child<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'test/bench/topup-pdf-child.ts'), ...args],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    process_.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    process_.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as T)
        : reject(new Error(`bench child ${args.join(' ')} exited ${code}`)),
    );
  });
}

const seconds = (value: number): string => `${value.toFixed(2)} s`;
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/**
 * Festival top-up printing (issue 5): 10 000 codes (target ≤ 2.5 s), 100 000 codes (≤ 20 s, peak RSS
 * ≤ 512 MB, memory flat), and pdf-lib's drawSvgPath with qrcode on 2 000 codes as the baseline. Each
 * run is a process of its own: its peak RSS (process.resourceUsage().maxRSS, station thread and print
 * worker together) is that run's alone. Runs from source through tsx, as `npm start` does.
 */
export async function benchTopupPdf(): Promise<void> {
  console.log(
    'Top-up batch PDFs (A4, 24 codes a page, worker thread; time from job start to finished file):',
  );
  const tens: TopupPdfRun[] = [];
  for (let run = 0; run < 3; run += 1) tens.push(await child<TopupPdfRun>(['kassa', '10000', 'a4']));
  const ten = median(tens.map((run) => run.renderSeconds));
  console.log(
    `  10 000 codes:  ${seconds(ten)} (median of ${tens.map((r) => r.renderSeconds.toFixed(2)).join(', ')}; target ≤ 2.5 s), ids inserted in ${seconds(tens[0]?.insertSeconds ?? 0)}`,
  );
  const big = await child<TopupPdfRun>(['kassa', '100000', 'a4']);
  const along = big.rssAlong
    .filter((_, i, all) => i % Math.max(1, Math.floor(all.length / 6)) === 0)
    .map(([, rss]) => rss);
  console.log(
    `  100 000 codes: ${seconds(big.renderSeconds)} (target ≤ 20 s), peak RSS ${big.peakRssMb} MB (target ≤ 512 MB), ${big.fileMb.toFixed(0)} MB PDF, ids inserted in ${seconds(big.insertSeconds)}`,
  );
  console.log(`  RSS while the 100 000 print: ${along.join(' → ')} MB`);
  const labels = await child<TopupPdfRun>(['kassa', '10000', 'label']);
  console.log(
    `  10 000 labels (one code a page): ${seconds(labels.renderSeconds)}, peak RSS ${labels.peakRssMb} MB`,
  );
  const baseline = await child<{ seconds: number; fileMb: number }>(['pdf-lib', '2000']);
  const ours = (ten / 10_000) * 1000;
  const theirs = (baseline.seconds / 2000) * 1000;
  console.log(
    `  baseline, pdf-lib drawSvgPath + qrcode, 2 000 codes: ${seconds(baseline.seconds)} = ${theirs.toFixed(2)} ms a code`,
  );
  console.log(`  Kassa ${ours.toFixed(3)} ms a code: ${(theirs / ours).toFixed(0)}× faster per code`);
}
