/**
 * A station with its HTTP shell in a process of its own, for the durability test, the disk-full test and
 * the durability bench: `--synchronous NORMAL` is the one way to reach the old setting, and only tests
 * and the bench run this script. Prints `durable station ready at <url> (simulator at <url>) pid <pid>`.
 *
 *   node --import tsx test/support/durable-station-child.ts --data DIR [--synchronous FULL|NORMAL]
 *     [--simulator-url URL] [--poll-interval-ms N] [--sweep-interval-ms N]
 */
import { parseArgs } from 'node:util';
import { startHttpShell } from '../../electron/core/api/http-server';
import type { SynchronousSetting } from '../../electron/core/db/open-database';
import { createConsoleLogger } from '../../electron/core/logging/logger';
import { createStation } from '../../electron/core/station';
import { MIGRATIONS } from './temp';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      synchronous: { type: 'string', default: 'FULL' },
      'simulator-url': { type: 'string' },
      'poll-interval-ms': { type: 'string' },
      'sweep-interval-ms': { type: 'string' },
    },
    strict: true,
  });
  if (!values.data) throw new Error('--data is required');
  const synchronous = values.synchronous === 'NORMAL' ? 'NORMAL' : ('FULL' satisfies SynchronousSetting);
  const number = (raw: string | undefined) => (raw === undefined ? undefined : Number(raw));
  const station = createStation({
    dataDir: values.data,
    migrationsFolder: MIGRATIONS,
    logger: createConsoleLogger(false),
    synchronous,
    simulatorUrl: values['simulator-url'],
    pollIntervalMs: number(values['poll-interval-ms']),
    sweepIntervalMs: number(values['sweep-interval-ms']),
    // Nothing in these runs is a top-up: no background searches to cloud a trace.
    topupSweepIntervalMs: 3_600_000,
  });
  const shell = await startHttpShell(station, { port: 0 });
  station.setLocalUrl(shell.url);
  await station.start();
  const simulator = station.simulatorUrl() ?? 'none';
  // The pid: under strace, the test signals the station itself, so that the tracer ends with it.
  console.log(`durable station ready at ${shell.url} (simulator at ${simulator}) pid ${process.pid}`);
  const stop = async (): Promise<void> => {
    await shell.close();
    await station.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(
    `durable station could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
