import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { startDeviceListener, type DeviceListener } from '../../electron/core/api/device-listener';
import { ensureStationCertificate } from '../../electron/core/tls/station-certificate';
import { tempDir } from '../support/temp';

interface Answer {
  status: number;
  body: string;
  fingerprint?: string;
}

/** A device that trusts the station's certificate (as after comparing its fingerprint) and calls it. */
function overHttps(url: string, ca: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${url}/hello`, { ca, agent: false }, (res) => {
      const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, fingerprint }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A browser told `http://` instead. */
function overPlainHttp(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url.replace('https:', 'http:')}/hello`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the listener for linked devices', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start() {
    const folder = tempDir();
    cleanups.push(() => folder.remove());
    const certificate = await ensureStationCertificate({
      folder: folder.dir,
      addresses: ['127.0.0.2'],
      hostName: 'kassa-pc',
    });
    const app = new Hono();
    app.get('/hello', (c) => {
      const incoming = (c.env as { incoming: { socket: { remoteAddress?: string } } }).incoming;
      return c.text(`hello ${incoming.socket.remoteAddress ?? '?'}`);
    });
    const listener: DeviceListener = await startDeviceListener({
      fetch: app.fetch,
      key: certificate.key,
      cert: certificate.cert,
      host: '127.0.0.2',
      port: 0,
    });
    cleanups.push(() => listener.close());
    return { certificate, listener, folder: folder.dir };
  }

  it('serves the app over HTTPS with the station certificate, and sees the caller’s address', async () => {
    const { certificate, listener } = await start();
    expect(listener.url).toMatch(/^https:\/\/127\.0\.0\.2:\d+$/);
    const answer = await overHttps(listener.url, certificate.cert);
    expect(answer).toEqual({ status: 200, body: 'hello 127.0.0.1', fingerprint: certificate.fingerprint() });
  });

  it('answers plain HTTP on the same port with a 400 naming the https address, and serves nothing', async () => {
    const { listener } = await start();
    const answer = await overPlainHttp(listener.url);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain(`this address only speaks HTTPS. Open ${listener.url}/`);
    expect(answer.body).toContain('dit adres werkt alleen met HTTPS');
    expect(answer.body).not.toContain('hello');
  });

  it('serves a renewed certificate to new connections without a restart', async () => {
    const { listener, folder } = await start();
    const renewed = await ensureStationCertificate({
      folder,
      addresses: ['127.0.0.2', '10.1.2.3'],
      hostName: 'kassa-pc',
    });
    listener.setCertificate(renewed.key, renewed.cert);
    expect((await overHttps(listener.url, renewed.cert)).fingerprint).toBe(renewed.fingerprint());
  });
});
