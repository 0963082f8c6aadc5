import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/config';
import { keepNewFilesPrivate } from '../core/data-folder';
import { failStart, runStation } from './run-station';

const USAGE =
  'usage: npm run station -- [--port N] [--data DIR] [--database postgres://HOST/kassa] [--station-name NAME] [--devices-listen HOST:PORT] [--simulator-url URL] [--ppro-simulator-url URL] [--public-url URL] [--request-timeout-ms N] [--poll-interval-ms N] [--sweep-interval-ms N] [--topup-sweep-interval-ms N] [--rate-limit N] [--callback-port N] [--callback-host ADDRESS]';

const OPTIONS = {
  port: { type: 'string', default: '4780' },
  data: { type: 'string' },
  database: { type: 'string' },
  'station-name': { type: 'string' },
  'devices-listen': { type: 'string' },
  'simulator-url': { type: 'string' },
  'ppro-simulator-url': { type: 'string' },
  'public-url': { type: 'string' },
  'request-timeout-ms': { type: 'string' },
  'poll-interval-ms': { type: 'string' },
  'sweep-interval-ms': { type: 'string' },
  'topup-sweep-interval-ms': { type: 'string' },
  'rate-limit': { type: 'string' },
  'callback-port': { type: 'string' },
  'callback-host': { type: 'string' },
} as const;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(name: string, raw: string | undefined, max: number, min = 0): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return value;
}

function databaseFromEnv(): string | undefined {
  return process.env.KASSA_DATABASE || undefined;
}

function main(): void {
  keepNewFilesPrivate();
  let values;
  try {
    ({ values } = parseArgs({
      options: OPTIONS,
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  runStation({
    port: wholeNumber('port', values.port, 65_535) ?? 4780,
    dataDir: resolveDataDir(values.data),
    // The flag, else KASSA_DATABASE (which keeps a password out of the process list); else SQLite.
    database: values.database ?? databaseFromEnv(),
    stationName: values['station-name'],
    devicesListen: values['devices-listen'],
    simulatorUrl: values['simulator-url'],
    // Training's PPRO (payment agreements): a running `npm run ppro-simulator` instead of the embedded one.
    pproSimulatorUrl: values['ppro-simulator-url'],
    publicUrl: values['public-url'],
    requestTimeoutMs: wholeNumber('request-timeout-ms', values['request-timeout-ms'], 600_000, 1),
    pollIntervalMs: wholeNumber('poll-interval-ms', values['poll-interval-ms'], 600_000, 1),
    sweepIntervalMs: wholeNumber('sweep-interval-ms', values['sweep-interval-ms'], 3_600_000, 1),
    topupSweepIntervalMs: wholeNumber('topup-sweep-interval-ms', values['topup-sweep-interval-ms'], 3_600_000, 1),
    rateLimitPerSecond: wholeNumber('rate-limit', values['rate-limit'], 1_000, 1),
    callbackPort: wholeNumber('callback-port', values['callback-port'], 65_535),
    callbackHost: values['callback-host'],
  }).catch(failStart);
}

main();
