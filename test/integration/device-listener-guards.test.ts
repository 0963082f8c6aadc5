import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/core/logging/logger';
import { startListeners, type StationListeners } from '../../electron/core/station-listeners';
import { localCaller, startTestStation, type TestStation } from '../support/station-in-process';
import { LAN, freePort } from '../support/lan';

/**
 * The HTTPS listener linked devices reach, as a station process runs it: the same protections as the
 * loopback shell (JSON only, its own Host and Origin only, body limits) and no session without a link.
 */
let kassa: TestStation;
let listeners: StationListeners;
let port: number;

function post(
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: LAN,
        port,
        path,
        method: 'POST',
        rejectUnauthorized: false,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  kassa = await startTestStation();
  listeners = await startListeners(kassa.station, {
    port: 0,
    rendererDir: '/nonexistent',
    dataDir: kassa.dataDir,
    logger: silentLogger,
  });
  await listeners.serveDevices();
  port = await freePort();
  const network = await kassa.station.dispatch(
    'devices.setNetwork',
    { enabled: true, address: LAN, port },
    localCaller,
  );
  expect(network.ok).toBe(true);
});
afterAll(async () => {
  await listeners.close();
  await kassa.close();
});

describe('the linked-devices listener', () => {
  it('answers the public status to anyone, and nothing else without a linked device', async () => {
    const status = await post('/api/station.getStatus', '{}');
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({
      ok: true,
      value: { tlsFingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) },
    });
    const sales = await post('/api/till.listSales', '{}');
    expect(sales.status).toBe(401);
    expect(JSON.parse(sales.body)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('is never signed in as the training administrator, unlike the station window', async () => {
    const settings = await post('/api/settings.get', '{}');
    expect(JSON.parse(settings.body)).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect((await kassa.call('settings.get', {})).ok).toBe(true);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    const rebound = await post('/api/station.getStatus', '{}', { host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    const crossSite = await post('/api/station.getStatus', '{}', { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const sameSite = await post('/api/station.getStatus', '{}', { origin: `https://${LAN}:${port}` });
    expect(sameSite.status).toBe(200);
  });

  it('refuses what is not JSON and an oversized body', async () => {
    const text = await post('/api/station.getStatus', '{}', { 'content-type': 'text/plain' });
    expect(JSON.parse(text.body)).toMatchObject({ ok: false, error: { code: 'MALFORMED_REQUEST' } });
    const huge = await post('/api/station.getStatus', JSON.stringify({ x: 'y'.repeat(100_000) }));
    expect(huge.status).toBe(413);
  });
});
