import { Hono } from 'hono';
import { buildHttpApp } from './http-server';
import type { StationPort } from './station-port';

export interface DeviceAppOptions {
  rendererDir?: string;
  sseHeartbeatMs?: number;
}

/**
 * The app linked devices reach over HTTPS: the same contract, event stream, downloads and UI as the
 * station's own window, but each caller is a device known by its credential cookie (Secure), and only
 * the address the administrator chose is answered as Host (and Origin). On a site that is the site
 * address (HAProxy's), never the station's own listen address: a device that reached one station by
 * its own name would keep a cookie for an origin that dies with that station.
 */
export function buildDeviceApp(station: StationPort, options: DeviceAppOptions): Hono {
  const app = buildHttpApp(
    station,
    { ...options, hostAllowed: (host) => isDeviceAddress(station, host) },
    { channel: 'device-https', secure: true },
  );
  if (!station.health) return app;
  const health = station.health.bind(station);
  const front = new Hono();
  // Under any Host: HAProxy checks each station by its own address, and the answer holds nothing a
  // page rebinding a name to the station could use.
  front.get('/health', async (c) => {
    const now = await health();
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: now.ok, state: now.state }, now.ok ? 200 : 503);
  });
  front.all('*', (c) => app.fetch(c.req.raw, c.env));
  return front;
}

function isDeviceAddress(station: StationPort, host: string | undefined): boolean {
  const serving = station.deviceAddress();
  if (!serving || !host) return false;
  const name = serving.address.includes(':') ? `[${serving.address}]` : serving.address;
  const given = host.toLowerCase();
  // A browser leaves HTTPS's own port out of Host: a site address on 443 (HAProxy's) arrives bare.
  if (serving.port === 443 && given === name.toLowerCase()) return true;
  return given === `${name}:${serving.port}`.toLowerCase();
}
