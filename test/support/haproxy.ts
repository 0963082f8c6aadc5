import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from './lan';
import { tempDir } from './temp';

/** A station's device listener (`--devices-listen`), or its HTTP shell for callbacks. */
export interface Backend {
  host: string;
  port: number;
}

export interface HaproxyOptions {
  /** The site address devices are given (a loopback address here). */
  address: string;
  /** Its port; a free one when absent. */
  port?: number;
  /** The stations' device listeners, checked with `GET /health` over TLS. */
  backends: readonly Backend[];
  /**
   * `first` sends every new connection to the first station that is up (a test then knows which one a
   * device reaches); `roundrobin` (the default, as in docs/site-setup.md) spreads them.
   */
  balance?: 'first' | 'roundrobin';
  /**
   * Bancontact's callbacks to any station that is up: plain HTTP on 127.0.0.1 (the simulator posts
   * `http://` callbacks to loopback only), to each station's HTTP shell.
   */
  callbacks?: readonly Backend[];
}

export interface Haproxy {
  port: number;
  /** `http://127.0.0.1:<port>`, when `callbacks` were given: the stations' `--public-url`. */
  callbackUrl: string | null;
  /** What HAProxy printed (its warnings and the servers it took out of the pool). */
  output(): string;
  /** Whether HAProxy last said this server (`stations/station1`) is UP: it logs every change. */
  isUp(server: string): boolean;
  stop(): Promise<void>;
}

/** Debian's HAProxy; /usr/sbin is not on every user's PATH. */
function haproxyBinary(): string {
  const found = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (existsSync('/usr/sbin/haproxy')) return '/usr/sbin/haproxy';
  throw new Error('haproxy is not installed (apt-get install haproxy; .ci/run does)');
}

/**
 * The configuration docs/site-setup.md gives, on loopback: TLS passed through untouched to the stations,
 * each checked every 500 ms with `GET /health`, out of the pool after two failures (~1 s), and a
 * connection refused by a dead station retried on another at once.
 */
export function haproxyConfig(
  options: HaproxyOptions & { port: number; callbackPort: number | null },
): string {
  const servers = (list: readonly Backend[], check: string) =>
    list.map((b, i) => `  server station${i + 1} ${b.host}:${b.port} ${check}`);
  const lines = [
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode tcp',
    '  timeout connect 1s',
    '  timeout client 65s',
    '  timeout server 65s',
    '  timeout check 2s',
    '  retries 2',
    '  option redispatch 1',
    'frontend devices',
    `  bind ${options.address}:${options.port}`,
    '  default_backend stations',
    'backend stations',
    `  balance ${options.balance ?? 'roundrobin'}`,
    // HTTP/1.1 with a Host: the stations answer /health under any Host, but not a request without one.
    '  option httpchk',
    '  http-check send meth GET uri /health ver HTTP/1.1 hdr Host site-check',
    '  http-check expect status 200',
    ...servers(options.backends, 'check check-ssl verify none inter 500 fall 2 rise 2'),
  ];
  if (options.callbacks && options.callbackPort !== null)
    lines.push(
      'frontend callbacks',
      `  bind 127.0.0.1:${options.callbackPort}`,
      '  default_backend shells',
      'backend shells',
      '  balance roundrobin',
      ...servers(options.callbacks, 'check inter 500 fall 2 rise 2'),
    );
  return `${lines.join('\n')}\n`;
}

/** Starts HAProxy in the foreground (`-db`) with a generated configuration; resolves once it listens. */
export async function startHaproxy(options: HaproxyOptions): Promise<Haproxy> {
  const port = options.port ?? (await freePort(options.address));
  const callbackPort = options.callbacks ? await freePort('127.0.0.1') : null;
  const folder = tempDir('kassa-haproxy-');
  const file = join(folder.dir, 'haproxy.cfg');
  writeFileSync(file, haproxyConfig({ ...options, port, callbackPort }));
  const child = spawn(haproxyBinary(), ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-32_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    folder.remove();
  };
  try {
    await untilListening(child, options.address, port, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    callbackUrl: callbackPort === null ? null : `http://127.0.0.1:${callbackPort}`,
    output: () => output,
    isUp: (server) => output.lastIndexOf(`${server} is UP`) >= output.lastIndexOf(`${server} is DOWN`),
    stop,
  };
}

async function untilListening(child: ChildProcess, host: string, port: number, output: () => string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}):\n${output()}`);
    if (await accepts(host, port)) return;
    if (Date.now() > deadline) throw new Error(`haproxy did not listen on ${host}:${port}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** `GET /health` on one station's device listener, with this Host, as HAProxy's check asks it. */
export function health(listen: Backend, host: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { ...listen, path: '/health', headers: { host }, rejectUnauthorized: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}
