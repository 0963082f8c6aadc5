import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { decodeEscPos, type DecodedPrint } from './escpos-decode';

/**
 * A network receipt printer for tests: a TCP server on 127.0.0.1 that keeps the bytes of each
 * connection (one print each) and closes its side when the sender has finished, as a 9100 printer does.
 * `stop()` and `start()` take it off and back on the same port: an offline printer refuses connections.
 */
export interface FakePrinter {
  readonly port: number;
  readonly prints: Buffer[];
  decoded(): DecodedPrint[];
  /** Resolves once `count` prints arrived; fails after `timeoutMs`. */
  waitForPrints(count: number, timeoutMs?: number): Promise<Buffer[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const prints: Buffer[] = [];
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    const next = createServer((socket) => {
      sockets.add(socket);
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => {
        prints.push(Buffer.concat(chunks));
        socket.end();
      });
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    port = (next.address() as AddressInfo).port;
    server = next;
  };
  await listen();
  return {
    get port() {
      return port;
    },
    prints,
    decoded: () => prints.map((bytes) => decodeEscPos(bytes)),
    async waitForPrints(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (prints.length < count) {
        if (Date.now() > deadline) throw new Error(`${prints.length} prints arrived, ${count} expected`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return prints;
    },
    async stop() {
      const closing = server;
      server = null;
      for (const socket of sockets) socket.destroy();
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    start: listen,
  };
}
