import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, isIPv6, type AddressInfo, type Socket } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

/** The first byte of every TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16;
/** A connection that says nothing for this long is dropped before it is handed to TLS or refused. */
const FIRST_BYTE_TIMEOUT_MS = 10_000;

export interface DeviceListenerOptions {
  /** The app to serve (a Hono app's `fetch`): the same contract as the loopback shell, for linked devices. */
  fetch: Parameters<typeof createAdaptorServer>[0]['fetch'];
  /** The station's certificate (tls/station-certificate.ts), PEM. */
  key: string;
  cert: string;
  /** The LAN address chosen by the administrator, and its port (8443 unless changed). */
  host: string;
  port: number;
}

export interface DeviceListener {
  /** `https://<host>:<port>`, with the port really bound. */
  url: string;
  /** A renewed certificate is served to new connections without closing the listener. */
  setCertificate(key: string, cert: string): void;
  close(): Promise<void>;
}

/**
 * The listener for linked devices: HTTPS only. Each connection's first byte decides: a TLS handshake
 * goes to the HTTPS server; anything else (a browser told `http://…`) gets a plain `400` naming the
 * https address, so a person who typed the wrong scheme is told what to type, and nothing is served
 * without TLS.
 */
export function startDeviceListener(options: DeviceListenerOptions): Promise<DeviceListener> {
  const https = createAdaptorServer({
    fetch: options.fetch,
    createServer: createHttpsServer,
    serverOptions: { key: options.key, cert: options.cert, minVersion: 'TLSv1.2' },
  }) as HttpsServer;
  const sockets = new Set<Socket>();
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    route(socket, https, () => httpsUrl(options.host, boundPort(front, options.port)));
  });
  return new Promise((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, options.host, () => {
      front.off('error', reject);
      resolve({
        url: httpsUrl(options.host, boundPort(front, options.port)),
        setCertificate: (key, cert) => https.setSecureContext({ key, cert, minVersion: 'TLSv1.2' }),
        close: () => closeAll(front, https, sockets),
      });
    });
  });
}

function route(socket: Socket, https: HttpsServer, url: () => string): void {
  socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
  socket.once('data', (first: Buffer) => {
    socket.setTimeout(0);
    socket.pause();
    socket.unshift(first);
    if (first[0] === TLS_HANDSHAKE) {
      // The TLS socket takes over the raw one and reads the byte put back from its buffer first; it must
      // stay paused, or the raw socket's own reading would take the handshake from under it.
      https.emit('connection', socket);
      return;
    }
    refusePlainHttp(socket, url());
  });
  socket.on('error', () => socket.destroy());
}

/** In the three languages of the UI: the page a browser shows when `http://` was typed. */
function refusePlainHttp(socket: Socket, url: string): void {
  const body = [
    `Kassa: dit adres werkt alleen met HTTPS. Open ${url}/`,
    `Kassa : cette adresse ne fonctionne qu'en HTTPS. Ouvrez ${url}/`,
    `Kassa: this address only speaks HTTPS. Open ${url}/`,
    '',
  ].join('\n');
  const bytes = Buffer.from(body, 'utf8');
  socket.end(
    'HTTP/1.1 400 Bad Request\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${bytes.length}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

function boundPort(server: ReturnType<typeof createNetServer>, fallback: number): number {
  const address = server.address();
  return address && typeof address === 'object' ? (address as AddressInfo).port : fallback;
}

function httpsUrl(host: string, port: number): string {
  return `https://${isIPv6(host) ? `[${host}]` : host}:${port}`;
}

function closeAll(
  front: ReturnType<typeof createNetServer>,
  https: HttpsServer,
  sockets: Set<Socket>,
): Promise<void> {
  return new Promise((done) => {
    front.close(() => done());
    https.closeAllConnections();
    // Event streams and idle keep-alive sockets would otherwise hold the port open.
    for (const socket of sockets) socket.destroy();
  });
}
