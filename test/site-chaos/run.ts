import { parseArgs } from 'node:util';
import { wholeNumberFlag } from '../support/run-args';
import { runSiteChaos } from './site-chaos';
import { siteChaosLines } from './site-report';
import { verdictHolds } from './verdict';

const USAGE =
  'usage: npm run chaos:site -- [--stations N] [--tablets N] [--payments N (per tablet)] [--wristbands N] [--topups N] [--kill-every-ms N] [--seed N]';

const wholeNumber = wholeNumberFlag(USAGE);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stations: { type: 'string', default: '3' },
      tablets: { type: 'string', default: '40' },
      payments: { type: 'string', default: '150' },
      wristbands: { type: 'string', default: '200' },
      topups: { type: 'string', default: '600' },
      'kill-every-ms': { type: 'string', default: '8000' },
      seed: { type: 'string', default: '1' },
    },
    strict: true,
  });
  const options = {
    stations: wholeNumber('stations', values.stations, 2),
    tablets: wholeNumber('tablets', values.tablets, 1),
    paymentsPerTablet: wholeNumber('payments', values.payments, 1),
    wristbands: wholeNumber('wristbands', values.wristbands, 1),
    topups: wholeNumber('topups', values.topups, 0),
    killEveryMs: wholeNumber('kill-every-ms', values['kill-every-ms'], 1_000),
    seed: wholeNumber('seed', values.seed, 0),
  };
  console.log(`Kassa festival chaos run: ${JSON.stringify(options)}`);
  const report = await runSiteChaos({ ...options, log: (line) => console.log(line) });
  for (const line of siteChaosLines(report)) console.log(line);
  const ok = verdictHolds(report.verdict) && report.unexpectedExits === 0;
  console.log(ok ? 'PASS: every top-up, bar payment and balance accounted for' : 'FAIL: see above');
  process.exit(ok ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
