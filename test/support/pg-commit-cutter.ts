import { createServer, connect, type Server, type Socket } from 'node:net';

/*
 * A TCP proxy between the station and PostgreSQL that, when armed, cuts the connection right after a
 * COMMIT went through to the server: the server commits, the station never hears so. It reads the
 * client's side of the wire protocol (a startup message, then typed messages: one byte, a length, the
 * body) to find the simple query `COMMIT` that node-postgres sends to end a transaction.
 */

export interface CommitCutter {
  url(database: string): string;
  /** Cut the next connection that sends a COMMIT, right after the COMMIT is forwarded. */
  armAfterCommit(): void;
  /** How many connections were cut after a COMMIT. */
  readonly cuts: number;
  close(): Promise<void>;
}

class ClientStream {
  private buffer = Buffer.alloc(0);
  private started = false;

  /** Splits what the client sent into whole messages; calls `onMessage` with each one's bytes. */
  push(chunk: Buffer, onMessage: (type: string, body: Buffer, bytes: Buffer) => void): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const header = this.started ? 5 : 4;
      if (this.buffer.length < header) return;
      const length = this.buffer.readInt32BE(this.started ? 1 : 0);
      const total = length + (this.started ? 1 : 0);
      if (this.buffer.length < total) return;
      const bytes = this.buffer.subarray(0, total);
      this.buffer = this.buffer.subarray(total);
      if (!this.started) {
        // An SSLRequest (code 80877103) is answered 'N' and followed by the real startup message.
        if (bytes.readInt32BE(4) !== 80877103) this.started = true;
        onMessage('', bytes.subarray(4), bytes);
      } else onMessage(String.fromCharCode(bytes[0]!), bytes.subarray(5), bytes);
    }
  }
}

export async function startCommitCutter(target: { host: string; port: number }): Promise<CommitCutter> {
  let armed = false;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    // Small messages go at once, as they would without the proxy (Nagle would hold each for ~40 ms).
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    const stream = new ClientStream();
    let answering = true;
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk) =>
      stream.push(chunk, (type, body, bytes) => {
        upstream.write(bytes);
        const query = type === 'Q' ? body.toString('utf8').replace(/\0$/, '').trim() : '';
        if (armed && /^commit\b/i.test(query)) {
          armed = false;
          answering = false; // the server's answer to the COMMIT never reaches the station
          cuts += 1;
          // Written to the server's socket before the cut: the server receives it and commits.
          upstream.end(cut);
        }
      }),
    );
    upstream.on('data', (chunk) => answering && client.write(chunk));
    for (const socket of [client, upstream]) {
      socket.on('error', cut);
      socket.on('close', () => {
        sockets.delete(socket);
        cut();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    armAfterCommit: () => {
      armed = true;
    },
    get cuts() {
      return cuts;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
