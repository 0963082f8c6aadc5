import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ProxyMode =
  { kind: 'pass' } | { kind: 'status'; status: number; code: string } | { kind: 'hang' } | { kind: 'drop' };

/**
 * Sits between the station and the simulator on real HTTP and misbehaves on demand:
 * error statuses with Bancontact's error body, requests that never answer, or dropped connections.
 */
export async function startFaultyProxy(target: string) {
  let mode: ProxyMode = { kind: 'pass' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (mode.kind === 'hang') return;
      if (mode.kind === 'drop') return void req.socket.destroy();
      if (mode.kind === 'status') {
        res.writeHead(mode.status, { 'Content-Type': 'application/json' });
        return void res.end(
          JSON.stringify({
            code: mode.code,
            message: 'injected',
            traceId: 'feedfacefeedface',
            spanId: 'cafebabecafebabe',
          }),
        );
      }
      void forward(target, req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks)).then(
        ({ status, headers, body }) => {
          res.writeHead(status, headers);
          res.end(body);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    set(next: ProxyMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function forward(
  target: string,
  method: string,
  url: string,
  headers: Record<string, unknown>,
  body: Buffer,
) {
  const response = await fetch(target + url, {
    method,
    headers: { authorization: String(headers.authorization ?? ''), 'content-type': 'application/json' },
    body: method === 'GET' || method === 'DELETE' ? undefined : new Uint8Array(body),
  });
  const out: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    if (key === 'content-type') out[key] = value;
  });
  return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) };
}
