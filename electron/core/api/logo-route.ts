import type { Hono } from 'hono';
import { LOGO_PATH } from '../../../shared/contract/logo-methods';
import type { StationPort } from './station-port';

/**
 * `GET /downloads/logo`: the merchant's logo for the screens (the customer display, the settings'
 * preview). No session is asked: it is printed on every receipt, and the customer display may show it
 * before anyone signs in. Screens add `?v=<updatedAt>` so a new logo is fetched; the plain path is
 * checked again each time (no-cache), so a removed logo does not linger.
 */
export function registerLogoRoute(app: Hono, station: StationPort): void {
  app.get(LOGO_PATH, async (c) => {
    const logo = await station.logo?.();
    if (!logo) return c.json({ ok: false, error: { code: 'NOT_FOUND', message: 'No logo is set' } }, 404);
    c.header('Content-Type', logo.mime);
    c.header('Content-Length', String(logo.bytes.length));
    c.header('Cache-Control', 'no-cache');
    return c.body(new Uint8Array(logo.bytes));
  });
}
