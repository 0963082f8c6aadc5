/**
 * `npm run simulator -- [--port N] [--host H] [--jwks-port N] [--profiles FILE] [--allow-http-callbacks]
 *   [--seed N] [--store FILE] [--keys FILE] [--legacy-host-cutover ISO] [--json]`
 *
 * Runs the Bancontact backend simulator as a standalone process, for training on a spare machine, for
 * manual testing with curl, and for tests that need it in a separate process.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_SIMULATOR_PORT,
  readProfilesFile,
  startSimulatorServer,
  type SimProfile,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '../core/simulator';

const USAGE = `Usage: npm run simulator -- [options]
  --port N                     port to listen on (default ${DEFAULT_SIMULATOR_PORT}; 0 picks a free port)
  --host H                     address to bind (default 127.0.0.1)
  --jwks-port N                also serve the JWKS at the root of its own host on port N (0: a free one)
  --profiles FILE              JSON seed file {"profiles": [...]} replacing the default profiles
  --allow-http-callbacks       accept http(s)://127.0.0.1|localhost callback and JWKS URLs
  --seed N                     seed of the fault generator (default 0): same seed, same faults
  --store FILE                 SQLite file keeping payments, callbacks, keys and the clock (default: memory)
  --keys FILE                  JSON file (0600) keeping the signing keys across restarts, store or not
  --legacy-host-cutover ISO    refuse payconiq.com QR payloads from this simulator time on
  --json                       print one JSON line {"baseUrl","jwksUrl","profiles"} instead of text
  --help                       show this help`;

interface CliOptions {
  server: SimulatorServerOptions;
  json: boolean;
  help: boolean;
}

class UsageError extends Error {}

function parseWhole(name: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > max)
    throw new UsageError(`--${name} must be a whole number 0-${max}, got "${text}"`);
  return value;
}

function readArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'jwks-port': { type: 'string' },
        profiles: { type: 'string' },
        seed: { type: 'string' },
        store: { type: 'string' },
        keys: { type: 'string' },
        'legacy-host-cutover': { type: 'string' },
        'allow-http-callbacks': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseCli(argv: string[]): CliOptions {
  const values = readArgs(argv);
  const cutover = values['legacy-host-cutover'];
  if (cutover !== undefined && Number.isNaN(Date.parse(cutover))) {
    throw new UsageError(`--legacy-host-cutover must be an ISO date-time, got "${cutover}"`);
  }
  const server: SimulatorServerOptions = {
    port: parseWhole('port', values.port, DEFAULT_SIMULATOR_PORT, 65535),
    host: values.host ?? '127.0.0.1',
    allowHttpCallbacks: values['allow-http-callbacks'] ?? false,
    seed: parseWhole('seed', values.seed, 0, 2 ** 32 - 1),
    ...(cutover !== undefined && { settings: { legacyHostCutover: new Date(cutover).toISOString() } }),
  };
  if (values.store !== undefined) server.storeFile = values.store;
  if (values.keys !== undefined) server.keyFile = values.keys;
  if (values['jwks-port'] !== undefined)
    server.jwksPort = parseWhole('jwks-port', values['jwks-port'], 0, 65535);
  // Read now so a bad file is a start-up failure; the simulator validates the profiles themselves.
  if (values.profiles !== undefined) server.profiles = readProfilesFile(values.profiles) as SimProfile[];
  return { server, json: values.json ?? false, help: values.help ?? false };
}

function profileLine(p: SimProfile): string {
  const extra = [
    p.topupAmountMode && `amount ${p.topupAmountMode}`,
    p.posIds && `posIds ${p.posIds.join(',')}`,
  ];
  const details = extra.filter(Boolean).join(', ');
  return `  ${p.type.padEnd(8)} ppid ${p.ppid}  apiKey ${p.apiKey}  (${p.name}${details ? `; ${details}` : ''})`;
}

function describe(running: SimulatorServer, json: boolean): string {
  const profiles = running.simulator.profiles.list();
  if (json) {
    const listed = profiles.map(({ ppid, apiKey, type, topupAmountMode, posIds }) => ({
      ppid,
      apiKey,
      type,
      topupAmountMode,
      posIds,
    }));
    return JSON.stringify({ baseUrl: running.baseUrl, jwksUrl: running.jwksUrl, profiles: listed });
  }
  // The keys are the simulator's published training keys, printed so a trainer can paste them.
  return [
    `Bancontact simulator listening on ${running.baseUrl}`,
    `Callback JWKS: ${running.jwksUrl}  (fault seed ${running.simulator.faults.seed})`,
    'Profiles:',
    ...profiles.map(profileLine),
    `Payer, clock and fault controls: ${running.baseUrl}/_sim/... (see docs/simulator.md). Ctrl+C stops.`,
  ].join('\n');
}

function stopOnSignals(running: SimulatorServer): void {
  const stop = (): void => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Simulator did not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<number | undefined> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`simulator: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const running = await startSimulatorServer(options.server);
  stopOnSignals(running);
  console.log(describe(running, options.json));
  return undefined;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    console.error('simulator: could not start:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
