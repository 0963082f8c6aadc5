import { Agent, request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { Result } from '../../shared/contract';

export interface Timed<T> {
  result: Result<T>;
  /** From the request's first byte written to its answer parsed, on this process's clock. */
  ms: number;
  /** When the answer was parsed (performance.now()). */
  at: number;
}

/**
 * One linked device as its browser would be: its own keep-alive HTTPS connection to the station's
 * device address, its own cookies (the device credential and the session), and a check of the served
 * certificate against the fingerprint the station shows (the bench skips the CA, not the comparison).
 */
export class DeviceClient {
  /**
   * No TLS session resumption: a resumed session shows the client no certificate, and the station
   * closes a connection idle for 5 s (Node's keep-alive timeout), so each new one is a full handshake.
   */
  private readonly agent = new Agent({
    keepAlive: true,
    maxSockets: 1,
    maxCachedSessions: 0,
    rejectUnauthorized: false,
  });
  private readonly cookies = new Map<string, string>();
  private readonly checkedSockets = new WeakSet<TLSSocket>();
  /** TLS connections this device opened: one, unless the station closed a kept-alive one. */
  connectionsOpened = 0;

  constructor(
    private readonly base: { host: string; port: number },
    private readonly fingerprint: string,
    /** A call without an answer this long is given up (its connection closed), as a tablet's screen would. */
    private readonly timeoutMs?: number,
  ) {}

  /** Whether the station set this cookie and has not cleared it (never its value). */
  holds(cookie: string): boolean {
    return this.cookies.has(cookie);
  }

  async must<T>(method: string, input: unknown = {}): Promise<T> {
    const { result } = await this.call<T>(method, input);
    if (!result.ok) throw new Error(`${method} on a device: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  call<T>(method: string, input: unknown = {}): Promise<Timed<T>> {
    const body = JSON.stringify(input);
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = request(
        {
          host: this.base.host,
          port: this.base.port,
          path: `/api/${method}`,
          method: 'POST',
          agent: this.agent,
          headers: this.headers(body),
        },
        (res) => {
          this.keepCookies(res.headers['set-cookie'] ?? []);
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const at = performance.now();
            try {
              const result = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<T>;
              resolve({ result, ms: at - started, at });
            } catch {
              reject(new Error(`${method}: HTTP ${res.statusCode ?? '?'} without a JSON answer`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('socket', (socket) => this.checkOnHandshake(socket as TLSSocket));
      if (this.timeoutMs !== undefined)
        req.setTimeout(this.timeoutMs, () =>
          req.destroy(new Error(`${method}: no answer in ${this.timeoutMs} ms`)),
        );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }

  private headers(body: string): Record<string, string> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    };
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return headers;
  }

  /**
   * At each new connection's handshake, as a person comparing fingerprints would: a station serving
   * another certificate is an impostor, and the call fails before anything is sent.
   */
  private checkOnHandshake(socket: TLSSocket): void {
    if (this.checkedSockets.has(socket)) return;
    this.checkedSockets.add(socket);
    socket.once('secureConnect', () => {
      this.connectionsOpened += 1;
      const served = socket.getPeerCertificate().fingerprint256;
      if (served !== this.fingerprint)
        socket.destroy(
          new Error(`the device address serves ${served}, the station shows ${this.fingerprint}`),
        );
    });
  }

  /** A small cookie jar: a cookie set with a value is kept, one cleared (empty or expired) is dropped. */
  private keepCookies(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const name = pair.slice(0, equals);
      const value = pair.slice(equals + 1);
      const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
      if (value === '' || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
