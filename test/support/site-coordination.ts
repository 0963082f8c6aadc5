import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { openPostgresStation } from '../../electron/core/db/pg/site-databases';
import { psql, startThrowawayPostgres, type PostgresServer } from './postgres-server';
import { MIGRATIONS, REPO_ROOT } from './temp';

/** A throw-away PostgreSQL with a migrated site database, for the site coordination tests. */
export interface TestSite {
  server: PostgresServer;
  url: string;
  remove(): void;
}

export async function startTestSite(): Promise<TestSite> {
  const server = await startThrowawayPostgres();
  psql(server.baseUrl, 'postgres', 'CREATE DATABASE site');
  const url = `${server.baseUrl}/site`;
  await (await openPostgresStation({ siteUrl: url, migrationsFolder: MIGRATIONS })).close();
  return { server, url, remove: () => server.remove() };
}

export interface ChildLine {
  ev: string;
  t: number;
  /** When the test process read the line. */
  readAt: number;
  [key: string]: unknown;
}

/** A running test/support/site-child.ts, with every JSON line it printed. */
export interface SiteChild {
  name: string;
  process: ChildProcess;
  lines: ChildLine[];
  /** Resolves with the first line from index `from` on that matches, or fails after `timeoutMs`. */
  waitFor(match: (line: ChildLine) => boolean, timeoutMs: number, from?: number): Promise<ChildLine>;
  send(text: string): void;
  kill(signal?: NodeJS.Signals): void;
  output(): string;
}

export function spawnSiteChild(url: string, name: string, args: string[]): SiteChild {
  const script = join(REPO_ROOT, 'test/support/site-child.ts');
  const argv = ['--import', 'tsx', script, '--url', url, '--station', name, ...args];
  const child = spawn(process.execPath, argv, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: ChildLine[] = [];
  let output = '';
  let pending = '';
  const listeners = new Set<() => void>();
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split('\n');
    pending = complete.pop() ?? '';
    for (const text of complete.filter(Boolean)) {
      output += `${text}\n`;
      lines.push({ ...(JSON.parse(text) as ChildLine), readAt: Date.now() });
    }
    for (const listener of listeners) listener();
  });
  const waitFor = (match: (line: ChildLine) => boolean, timeoutMs: number, from = 0) =>
    new Promise<ChildLine>((resolve, reject) => {
      const check = () => {
        const found = lines.slice(from).find(match);
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`${name}: no matching line within ${timeoutMs} ms:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return {
    name,
    process: child,
    lines,
    waitFor,
    send: (text) => child.stdin.write(`${text}\n`),
    kill: (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
    output: () => output,
  };
}
