/**
 * A station's charge scheduler in a process of its own, for the crash test: it opens the books (a SQLite
 * file, or a PostgreSQL site under KASSA_TEST_ENGINE=postgres), charges through the PPRO simulator at
 * `--sim`, and prints one JSON line per event (`ready`, `captured`). The test kills it with SIGKILL.
 *
 *   node --import tsx test/support/charge-scheduler-child.ts --books FILE|SITE_URL --sim URL
 */
import { parseArgs } from 'node:util';
import { LocalLeases } from '../../electron/core/site/lease';
import { reopenTestBooks, testScheduler } from './agreement-charges';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { books: { type: 'string' }, sim: { type: 'string' } },
    strict: true,
  });
  if (!values.books || !values.sim) throw new Error('--books and --sim are required');
  const db = await reopenTestBooks(values.books);
  const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const scheduler = testScheduler(db, values.sim, new LocalLeases(), {
    intervalMs: 200,
    // Longer than the test holds an answer: the kill, not a timeout, ends the held request.
    timeoutMs: 60_000,
    onCaptured: (chargeId) => print({ ev: 'captured', chargeId }),
  });
  scheduler.start();
  print({ ev: 'ready', pid: process.pid });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
