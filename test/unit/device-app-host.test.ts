import { describe, expect, it } from 'vitest';
import { buildDeviceApp } from '../../electron/core/api/device-app';
import type { StationHealth, StationPort } from '../../electron/core/api/station-port';

/** Only what the Host check and `/health` read of the station: where devices reach it, and its health. */
function stationAt(port: number, health: StationHealth): StationPort {
  return {
    deviceAddress: () => ({ address: '10.0.0.10', port }),
    health: () => Promise.resolve(health),
  } as Partial<StationPort> as StationPort;
}

async function errorCode(app: ReturnType<typeof buildDeviceApp>, host: string): Promise<string> {
  const response = await app.fetch(new Request('https://site/api/none', { headers: { host } }));
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe('the device app', () => {
  it('answers its API under the site address only, with the port a browser sends', async () => {
    const site = buildDeviceApp(stationAt(8443, { ok: true, state: 'running' }), {});
    expect(await errorCode(site, '10.0.0.10:8443')).toBe('UNKNOWN_METHOD');
    expect(await errorCode(site, '10.0.0.21:8443')).toBe('FORBIDDEN');
    expect(await errorCode(site, '10.0.0.10')).toBe('FORBIDDEN');
    // On 443 a browser leaves the port out of Host.
    const onHttpsPort = buildDeviceApp(stationAt(443, { ok: true, state: 'running' }), {});
    expect(await errorCode(onHttpsPort, '10.0.0.10')).toBe('UNKNOWN_METHOD');
    expect(await errorCode(onHttpsPort, '10.0.0.10:443')).toBe('UNKNOWN_METHOD');
  });

  it('answers /health under any Host: 200 while running, 503 with the state otherwise', async () => {
    const running = buildDeviceApp(stationAt(8443, { ok: true, state: 'running' }), {});
    const check = await running.fetch(new Request('https://x/health', { headers: { host: 'site-check' } }));
    expect(check.status).toBe(200);
    expect(check.headers.get('cache-control')).toBe('no-store');
    expect(await check.json()).toEqual({ ok: true, state: 'running' });
    const down = buildDeviceApp(stationAt(8443, { ok: false, state: 'database-unreachable' }), {});
    const refused = await down.fetch(
      new Request('https://x/health', { headers: { host: '10.0.0.21:8443' } }),
    );
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ ok: false, state: 'database-unreachable' });
  });
});
