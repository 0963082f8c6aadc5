import { X509Certificate, createPrivateKey } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { connect, type PeerCertificate } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import {
  STATION_CERT_FILE,
  STATION_KEY_FILE,
  ensureStationCertificate,
  type StationCertificate,
} from '../../electron/core/tls/station-certificate';
import { tempDir } from '../support/temp';

const DAY = 24 * 60 * 60 * 1000;

/** What a device sees when it connects: the certificate the station serves on 127.0.0.2. */
async function servedCertificate(
  certificate: StationCertificate,
  trust?: string,
): Promise<{ peer: PeerCertificate; authorized: boolean }> {
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (_req, res) =>
    res.end('ok'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise((resolve, reject) => {
      const socket = connect(
        { host: '127.0.0.2', port, rejectUnauthorized: false, ...(trust ? { ca: [trust] } : {}) },
        () => {
          resolve({ peer: socket.getPeerCertificate(), authorized: socket.authorized });
          socket.end();
        },
      );
      socket.on('error', reject);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe("the station's own certificate", () => {
  const folders: Array<{ dir: string; remove(): void }> = [];
  afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));
  const folder = () => {
    const made = tempDir();
    folders.push(made);
    return made.dir;
  };
  const start = Date.parse('2026-12-03T10:00:00Z');

  it('is what an HTTPS listener serves: its fingerprint is the one a device sees', async () => {
    const dir = folder();
    const certificate = await ensureStationCertificate({
      folder: dir,
      addresses: ['127.0.0.2'],
      hostName: 'kassa-pc',
    });
    expect(certificate.fingerprint()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const { peer, authorized } = await servedCertificate(certificate, certificate.cert);
    expect(peer.fingerprint256).toBe(certificate.fingerprint());
    // A device that trusts this certificate accepts it for the address it dialled (subjectAltName).
    expect(authorized).toBe(true);
    expect(certificate.names).toEqual(['127.0.0.2', '127.0.0.1', 'localhost', 'kassa-pc']);
    expect((statSync(join(dir, STATION_KEY_FILE)).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(join(dir, STATION_CERT_FILE)).mode & 0o777).toString(8)).toBe('600');
  });

  it('a second start reuses it; a new address or its last month makes a new one', async () => {
    const dir = folder();
    const options = { folder: dir, addresses: ['192.168.1.20'], hostName: 'kassa-pc', now: () => start };
    const first = await ensureStationCertificate(options);
    const again = await ensureStationCertificate(options);
    expect(again.fingerprint()).toBe(first.fingerprint());
    expect(first.validTo - start).toBeGreaterThan(700 * DAY);

    const moved = await ensureStationCertificate({ ...options, addresses: ['192.168.1.21'] });
    expect(moved.fingerprint()).not.toBe(first.fingerprint());
    expect(moved.names).toContain('192.168.1.21');

    const later = await ensureStationCertificate({
      ...options,
      addresses: ['192.168.1.21'],
      now: () => start + 710 * DAY,
    });
    expect(later.fingerprint()).not.toBe(moved.fingerprint());
    expect(later.validTo).toBeGreaterThan(start + 1400 * DAY);
  });

  it('remakes a key and certificate that do not belong together (a crash between the two writes)', async () => {
    const dir = folder();
    const first = await ensureStationCertificate({ folder: dir, addresses: [], hostName: 'kassa-pc' });
    const stranger = await ensureStationCertificate({
      folder: folder(),
      addresses: [],
      hostName: 'kassa-pc',
    });
    writeFileSync(join(dir, STATION_CERT_FILE), stranger.cert);
    const remade = await ensureStationCertificate({ folder: dir, addresses: [], hostName: 'kassa-pc' });
    expect([first.fingerprint(), stranger.fingerprint()]).not.toContain(remade.fingerprint());
    expect(new X509Certificate(remade.cert).checkPrivateKey(createPrivateKey(remade.key))).toBe(true);
  });
});
