import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * A throw-away PostgreSQL server for the tests, so that `npm test` needs nothing but Debian's
 * `postgresql` package: initdb in a temporary folder, started on a free loopback port, stopped and
 * removed at the end. As root (CI) the server runs as the `postgres` user through runuser, because
 * PostgreSQL refuses to run as root. KASSA_TEST_POSTGRES=postgres://… uses a server you already have.
 */

export interface PostgresServer {
  /** postgres://postgres@127.0.0.1:PORT — add a database name. */
  baseUrl: string;
  port: number;
  /** The folder the server keeps its data and socket in (tests that stop and start it need it). */
  dataDir: string | null;
  start(): void;
  stop(mode?: 'fast' | 'immediate'): void;
  remove(): void;
}

function binFolder(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  }
  throw new Error("PostgreSQL's server is not installed: apt-get install postgresql (see README)");
}

/** Runs a server program as the user that may run it. */
function asServerUser(program: string, args: string[]): string[] {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? ['runuser', '-u', 'postgres', '--', program, ...args] : [program, ...args];
}

function run(command: string[], what: string): void {
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${what} failed: ${result.stderr || result.stdout}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** `durable`: fsync on, as a real server runs (the bench); the tests turn it off for speed. */
export async function startThrowawayPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const given = process.env.KASSA_TEST_POSTGRES;
  if (given) return externalServer(given);
  const bin = binFolder();
  const folder = mkdtempSync(join(tmpdir(), 'kassa-pg-'));
  chmodSync(folder, 0o777); // the postgres user writes here when the tests run as root
  const dataDir = join(folder, 'db');
  const port = await freePort();
  run(
    asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']),
    'initdb',
  );
  // Durability is not what these tests measure (the bench and the SQLite tests do): fsync off.
  const fsync = options.durable ? '' : ' -c fsync=off';
  const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1${fsync} -c max_connections=400`;
  const pgCtl = (args: string[]) => asServerUser(join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const server: PostgresServer = {
    baseUrl: `postgres://postgres@127.0.0.1:${port}`,
    port,
    dataDir,
    start: () => run(pgCtl(['-o', serverOptions, '-l', join(folder, 'log'), '-w', 'start']), 'pg_ctl start'),
    stop: (mode = 'fast') => run(pgCtl(['-m', mode, '-w', 'stop']), 'pg_ctl stop'),
    remove: () => {
      spawnSync(pgCtl(['-m', 'immediate', 'stop'])[0]!, pgCtl(['-m', 'immediate', 'stop']).slice(1));
      rmSync(folder, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}

function externalServer(url: string): PostgresServer {
  const parsed = new URL(url);
  const noop = () => undefined;
  return {
    baseUrl: `${parsed.protocol}//${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@${parsed.host}`,
    port: Number(parsed.port || 5432),
    dataDir: null,
    start: noop,
    stop: noop,
    remove: noop,
  };
}

/** psql for the odd administrative statement (CREATE DATABASE cannot run in a transaction). */
export function psql(baseUrl: string, database: string, statement: string): string {
  return execFileSync('psql', [`${baseUrl}/${database}`, '-v', 'ON_ERROR_STOP=1', '-qAtc', statement], {
    encoding: 'utf8',
    // A test may read back a 100,000-wristband batch.
    maxBuffer: 256 * 1024 * 1024,
  });
}
