/**
 * `npm run ppro-simulator -- [--port N] [--host H] [--store FILE] [--seed N] [--max-amount CENTS] [--json]`
 *
 * Runs the PPRO payment-agreements simulator (Bancontact WIP) as a standalone process, for training and
 * for tests that need it in a process of its own. The merchant's API key comes from
 * KASSA_PPRO_SIM_API_KEY (default: the published training key) and is never printed.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_PPRO_SIMULATOR_PORT,
  startPproSimulatorServer,
  TRAINING_PPRO_MERCHANT,
  type PproSimulatorServer,
  type PproSimulatorServerOptions,
} from '../core/ppro-simulator';

const USAGE = `Usage: npm run ppro-simulator -- [options]
  --port N            port to listen on (default ${DEFAULT_PPRO_SIMULATOR_PORT}; 0 picks a free port)
  --host H            address to bind (default 127.0.0.1)
  --store FILE        SQLite file keeping agreements, charges, webhooks and the clock (default: memory)
  --seed N            seed of the fault generator (default 0)
  --max-amount CENTS  the merchant's WIP maximum (default 50000)
  --json              print one JSON line {"baseUrl","merchantId"} instead of text
  --help              show this help`;

class UsageError extends Error {}

function whole(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new UsageError(`--${name} must be a whole number 0-${max}, got "${text}"`);
  return Number(text);
}

function parseCli(argv: string[]): { server: PproSimulatorServerOptions; json: boolean; help: boolean } {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        store: { type: 'string' },
        seed: { type: 'string' },
        'max-amount': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const maxAmount = whole('max-amount', values['max-amount'], 2 ** 31 - 1);
  const server: PproSimulatorServerOptions = {
    port: whole('port', values.port, 65535) ?? DEFAULT_PPRO_SIMULATOR_PORT,
    host: values.host ?? '127.0.0.1',
    seed: whole('seed', values.seed, 2 ** 32 - 1) ?? 0,
    merchant: {
      ...TRAINING_PPRO_MERCHANT,
      apiKey: process.env.KASSA_PPRO_SIM_API_KEY || TRAINING_PPRO_MERCHANT.apiKey,
    },
    ...(maxAmount === undefined ? {} : { settings: { maxAmount } }),
    ...(values.store === undefined ? {} : { storeFile: values.store }),
  };
  return { server, json: values.json ?? false, help: values.help ?? false };
}

function stopOnSignals(running: PproSimulatorServer): void {
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number | undefined> {
  let options;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`ppro-simulator: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const running = await startPproSimulatorServer(options.server);
  stopOnSignals(running);
  const merchantId = options.server.merchant?.merchantId;
  console.log(
    options.json
      ? JSON.stringify({ baseUrl: running.baseUrl, merchantId })
      : `PPRO simulator listening on ${running.baseUrl} (merchant ${merchantId}); controls under /_sim (docs/ppro-simulator.md). Ctrl+C stops.`,
  );
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    console.error('ppro-simulator: could not start:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
