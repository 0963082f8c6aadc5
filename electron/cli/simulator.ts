/**
 * `npm run simulator -- [--port N] [--host H] [--json] [--store FILE] [--allow-http-callbacks]`
 *
 * Runs the Bancontact backend simulator as a standalone process, for training on a spare machine, for
 * manual testing with curl, and for tests that need it in a separate process.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_SIMULATOR_PORT,
  startSimulatorServer,
  type SimulatorServer,
  type SimulatorServerOptions,
} from '../core/simulator';

const USAGE = `Usage: npm run simulator -- [options]
  --port N                 port to listen on (default ${DEFAULT_SIMULATOR_PORT}; 0 picks a free port)
  --host H                 address to bind (default 127.0.0.1)
  --store FILE             SQLite file keeping payments and the clock across restarts (default: in memory)
  --allow-http-callbacks   accept http(s)://127.0.0.1|localhost callback URLs
  --json                   print one JSON line {"baseUrl","profiles"} instead of text
  --help                   show this help`;

interface CliOptions {
  server: SimulatorServerOptions;
  json: boolean;
  help: boolean;
}

class UsageError extends Error {}

function parsePort(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SIMULATOR_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port must be a whole number 0-65535, got "${text}"`);
  return port;
}

function parseCli(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        store: { type: 'string' },
        'allow-http-callbacks': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const server: SimulatorServerOptions = {
    port: parsePort(values.port),
    host: values.host ?? '127.0.0.1',
    allowHttpCallbacks: values['allow-http-callbacks'] ?? false,
  };
  if (values.store !== undefined) server.storeFile = values.store;
  return { server, json: values.json ?? false, help: values.help ?? false };
}

function describe(running: SimulatorServer, json: boolean): string {
  const profiles = running.simulator.profiles.list();
  if (json) {
    const listed = profiles.map(({ ppid, apiKey, type }) => ({ ppid, apiKey, type }));
    return JSON.stringify({ baseUrl: running.baseUrl, profiles: listed });
  }
  // The keys are the simulator's published training keys, printed so a trainer can paste them.
  const lines = profiles.map((p) => `  ${p.type.padEnd(8)} ppid ${p.ppid}  apiKey ${p.apiKey}  (${p.name})`);
  return [
    `Bancontact simulator listening on ${running.baseUrl}`,
    'Profiles:',
    ...lines,
    `Payer and clock controls: ${running.baseUrl}/_sim/... (see docs/simulator.md). Ctrl+C stops.`,
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
