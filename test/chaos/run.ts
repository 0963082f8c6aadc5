import { parseArgs } from 'node:util';
import { wholeNumberFlag } from '../support/run-args';
import { runChaos } from './chaos';
import { passed, reportLines } from './report';

const USAGE = 'usage: npm run chaos -- [--sales N] [--kills N] [--tills N] [--seed N]';

const wholeNumber = wholeNumberFlag(USAGE);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sales: { type: 'string', default: '1000' },
      kills: { type: 'string', default: '20' },
      tills: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const options = {
    sales: wholeNumber('sales', values.sales, 1),
    kills: wholeNumber('kills', values.kills, 0),
    tills: wholeNumber('tills', values.tills, 1),
    seed: wholeNumber('seed', values.seed, 0),
  };
  console.log(
    `Kassa chaos run: ${options.sales} sales on ${options.tills} tills, ${options.kills} SIGKILLs, seed ${options.seed}`,
  );
  const report = await runChaos({ ...options, log: (line) => console.log(line) });
  for (const line of reportLines(report)) console.log(line);
  const ok = passed(report);
  console.log(ok ? 'PASS: every payment accounted for' : 'FAIL: see above');
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
