import { connect, type Socket } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Bytes of the request body this client managed to hand to the socket before the answer came. */
  bodySent: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent after the headers, as is. */
  body?: Buffer | string;
  /**
   * Keeps writing these chunks (chunked framing when `chunked`, raw bytes otherwise) after `body`
   * until the server answers, or until `maxBytes` were written.
   */
  stream?: { chunk: Buffer; maxBytes: number; chunked: boolean };
}

/**
 * One HTTP/1.1 exchange over a bare TCP socket, so a test controls exactly what is sent: a
 * Content-Length that lies, a body that never ends, chunks that stop only when the server answers.
 */
export function rawExchange(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  return new Promise((resolve, reject) => {
    const received: Buffer[] = [];
    let answered = false;
    let bodySent = 0;
    socket.on('data', (data: Buffer) => {
      answered = true;
      received.push(data);
    });
    // The server may reset a connection whose body it refused; what it answered before still counts.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('utf8');
      if (!text) reject(new Error(`no answer (sent ${bodySent} body bytes)`));
      else resolve({ ...parseAnswer(text), bodySent });
    });
    socket.once('connect', () => {
      socket.write(head(url, request));
      if (request.body !== undefined) {
        socket.write(request.body);
        bodySent += Buffer.byteLength(request.body);
      }
      if (request.stream) {
        void pump(
          socket,
          request.stream,
          () => answered,
          (n) => (bodySent += n),
        );
      }
    });
  });
}

function head(url: URL, request: RawRequest): string {
  const headers: Record<string, string> = {
    Host: url.host,
    Connection: 'close',
    'Content-Type': 'application/json',
    ...request.headers,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${request.method ?? 'POST'} ${request.path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

async function pump(
  socket: Socket,
  stream: NonNullable<RawRequest['stream']>,
  answered: () => boolean,
  count: (bytes: number) => void,
): Promise<void> {
  const frame = stream.chunked
    ? Buffer.concat([
        Buffer.from(`${stream.chunk.length.toString(16)}\r\n`),
        stream.chunk,
        Buffer.from('\r\n'),
      ])
    : stream.chunk;
  let written = 0;
  while (!answered() && !socket.destroyed && written < stream.maxBytes) {
    const flushed = socket.write(frame);
    written += stream.chunk.length;
    count(stream.chunk.length);
    if (!flushed) await new Promise((resolve) => socket.once('drain', resolve).once('close', resolve));
  }
  if (!socket.destroyed && !answered() && stream.chunked) socket.write('0\r\n\r\n');
}

function parseAnswer(text: string): Omit<RawAnswer, 'bodySent'> {
  const end = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = text.slice(end + 4);
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, lineEnd), 16);
    if (!size) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}
