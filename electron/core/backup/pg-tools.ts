import { spawn, spawnSync } from 'node:child_process';
import pg from 'pg';

/*
 * PostgreSQL's own client programs (pg_dump, pg_restore) run for a site's backup and restore, with the
 * address given to Kassa. The password never reaches their command line (which `ps` shows every user):
 * it goes in PGPASSWORD, which only the same user can read, and never into a message.
 */

export class SiteToolError extends Error {}

/** The address without its password: what a program's command line and a message may carry. */
export function withoutPassword(address: string): string {
  const url = new URL(address);
  url.password = '';
  return url.toString();
}

/** `host:port/database`, to name a server in a message. */
export function serverName(address: string): string {
  const url = new URL(address);
  return `${url.hostname}:${url.port || 5432}${url.pathname}`;
}

/** The same server and credentials, another database. */
export function onDatabase(address: string, database: string): string {
  const url = new URL(address);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A short-lived connection for the odd catalogue query; unreachable is said in one line. */
export async function withClient<T>(
  address: string,
  applicationName: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: address,
    connectionTimeoutMillis: 10_000,
    application_name: applicationName,
  });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new SiteToolError(`cannot reach PostgreSQL at ${serverName(address)}: ${reason(error)}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

export interface ToolRun {
  program: 'pg_dump' | 'pg_restore';
  args: string[];
  /** The database worked on: its password goes in PGPASSWORD, the rest in `--dbname`. */
  address: string;
  applicationName: string;
}

/** Runs the program to its end; a failure is one line: the program's first complaint. */
export function runTool(run: ToolRun): Promise<void> {
  const password = decodeURIComponent(new URL(run.address).password);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: run.applicationName, PGCONNECT_TIMEOUT: '10' };
  if (password) env.PGPASSWORD = password;
  return new Promise((resolve, reject) => {
    const args = [...run.args, `--dbname=${withoutPassword(run.address)}`];
    const child = spawn(run.program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8_000)));
    child.once('error', (error: NodeJS.ErrnoException) => {
      const missing = error.code === 'ENOENT';
      const hint = missing ? ' is not installed: apt-get install postgresql-client' : `: ${error.message}`;
      reject(new SiteToolError(`${run.program}${hint}`));
    });
    child.once('close', (code) => {
      if (code === 0) return resolve();
      reject(new SiteToolError(`${run.program} failed (exit ${code}): ${firstComplaint(stderr, run)}`));
    });
  });
}

/** pg_dump and pg_restore start their complaints with their name; the rest is detail. */
function firstComplaint(stderr: string, run: ToolRun): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const line = lines.find((l) => /error:/.test(l)) ?? lines.find((l) => l !== '') ?? 'no message';
  // Belt and braces: the program was never given the password, but never echo one.
  const password = decodeURIComponent(new URL(run.address).password);
  const said = line.replace(/^(pg_dump|pg_restore): (error: )?/, '');
  return password ? said.split(password).join('***') : said;
}

/** `pg_dump (PostgreSQL) 15.18 (Debian …)`: asked first, so a missing program is said before any work. */
export function toolVersion(program: 'pg_dump' | 'pg_restore'): string {
  const result = spawnSync(program, ['--version'], { encoding: 'utf8' });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new SiteToolError(`${program} is not installed: apt-get install postgresql-client`);
  if (result.status !== 0) throw new SiteToolError(`${program} --version failed: ${result.stderr.trim()}`);
  return result.stdout.trim();
}
