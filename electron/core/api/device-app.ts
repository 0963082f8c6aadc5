import type { Hono } from 'hono';
import { buildHttpApp } from './http-server';
import type { StationPort } from './station-port';

/**
 * The app linked devices reach over HTTPS: the same contract, event stream, downloads and UI as the
 * station's own window, but each caller is a device known by its credential cookie (Secure), and only
 * the address the administrator chose is answered as Host (and Origin).
 */
export function buildDeviceApp(
  station: StationPort,
  options: { rendererDir?: string; sseHeartbeatMs?: number },
): Hono {
  return buildHttpApp(
    station,
    { ...options, hostAllowed: (host) => isDeviceAddress(station, host) },
    { channel: 'device-https', secure: true },
  );
}

function isDeviceAddress(station: StationPort, host: string | undefined): boolean {
  const serving = station.deviceAddress();
  if (!serving || !host) return false;
  const name = serving.address.includes(':') ? `[${serving.address}]` : serving.address;
  return host.toLowerCase() === `${name}:${serving.port}`.toLowerCase();
}
