import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Bancontact posts a profile's callbacks to one public URL; at a site, whatever sits behind that URL
 * may hand each one to any station. This router plays that part for the festival chaos run: every
 * callback goes to a station picked at random among those the run says are up, and a station that
 * does not take it (killed, frozen, PostgreSQL away) answers the simulator with an error, as a real
 * outage would; the sweeps must then find the payment.
 */
export interface CallbackRouter {
  url: string;
  /** Callbacks forwarded, and those no station took. */
  readonly counts: { forwarded: number; failed: number; byStatus: Record<string, number> };
  close(): Promise<void>;
}

export async function startCallbackRouter(
  stationUrls: () => readonly string[],
  random: () => number,
): Promise<CallbackRouter> {
  const counts = { forwarded: 0, failed: 0, byStatus: {} as Record<string, number> };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const targets = stationUrls();
      const target = targets[Math.floor(random() * targets.length)];
      if (!target) {
        counts.failed += 1;
        res.writeHead(503).end();
        return;
      }
      void forward(target, req.url ?? '/', req.headers, Buffer.concat(chunks)).then((status) => {
        counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
        if (status >= 200 && status < 300) counts.forwarded += 1;
        else counts.failed += 1;
        res.writeHead(status).end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function forward(
  target: string,
  path: string,
  headers: NodeJS.Dict<string | string[]>,
  body: Buffer,
): Promise<number> {
  const passed: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (typeof value === 'string' && name !== 'host' && name !== 'content-length') passed[name] = value;
  try {
    const answer = await fetch(target + path, {
      method: 'POST',
      headers: passed,
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(5_000),
    });
    await answer.arrayBuffer();
    return answer.status;
  } catch {
    return 502;
  }
}
