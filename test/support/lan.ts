import { createServer } from 'node:net';
import { connect } from 'node:tls';

/** 127.0.0.2 stands in for the shop's local network: tests send traffic to loopback addresses only. */
export const LAN = '127.0.0.2';

/** A port nothing listens on at that address right now. */
export async function freePort(host: string = LAN): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** What a person would check by hand: the SHA-256 fingerprint of the certificate really served there. */
export function servedFingerprint(port: number, host: string = LAN): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.once('error', reject);
  });
}
