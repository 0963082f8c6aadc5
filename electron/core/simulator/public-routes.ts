import { Hono } from 'hono';
import QRCode from 'qrcode';
import { SimError, errorBody } from './errors';
import type { SigningKeys } from './jws/signing-keys';
import type { RouteDeps } from './route-deps';

/** Pixel sizes of Bancontact's generator (Odoo's labels): S 180, M 250, L 400, XL 800. */
const SIZES: Readonly<Record<string, number>> = { S: 180, M: 250, L: 400, XL: 800 };
/** Payconiq magenta, the generator's default colour; black is the print fallback. */
const COLOURS: Readonly<Record<string, string>> = { magenta: '#ff4785ff', black: '#000000ff' };

const invalid = (field: string, why: string) =>
  new SimError(400, 'FIELD_IS_INVALID', `Parameter '${field}' ${why}`);

function qrParams(query: Record<string, string>) {
  const content = query.c;
  if (content === undefined || content === '')
    throw new SimError(400, 'FIELD_IS_REQUIRED', "Parameter 'c' is mandatory");
  const format = (query.f ?? 'PNG').toUpperCase();
  if (format !== 'PNG' && format !== 'SVG') throw invalid('f', 'must be PNG or SVG');
  const width = SIZES[(query.s ?? 'S').toUpperCase()];
  if (width === undefined) throw invalid('s', 'must be S, M, L or XL');
  const dark = COLOURS[(query.cl ?? 'magenta').toLowerCase()];
  if (dark === undefined) throw invalid('cl', 'must be magenta or black');
  return { content, format, width, dark };
}

/**
 * Routes Bancontact serves on other hosts: the QR image generator (`/qrcode`, like
 * qrcodegenerator.api.bancontact.net) and the callback JWKS (`/jwks/`, like jwks.bancontact.net/).
 */
export function publicRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/qrcode', async (c) => {
    const { content, format, width, dark } = qrParams(c.req.query());
    // Level M and a 4-module quiet zone: the generator's own settings are undocumented (reference §7).
    const options = { errorCorrectionLevel: 'M' as const, margin: 4, color: { dark, light: '#ffffffff' } };
    if (format === 'SVG') {
      const svg = await QRCode.toString(content, { ...options, type: 'svg' });
      return c.body(svg, 200, { 'content-type': 'image/svg+xml' });
    }
    const png = await QRCode.toBuffer(content, { ...options, type: 'png', width });
    return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
  });

  const jwks = () => ({ keys: deps.keys.jwks().keys });
  routes.get('/jwks', (c) => c.json(jwks()));
  routes.get('/jwks/', (c) => c.json(jwks()));
  return routes;
}

/**
 * The JWKS on a host of its own, served at `/` like `https://jwks.bancontact.net/`: for merchant code
 * that takes the JWKS host rather than a full URL. Nothing else is served there.
 */
export function jwksHostApp(keys: SigningKeys): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({ keys: keys.jwks().keys }));
  app.notFound((c) => c.json(errorBody('NOT_FOUND', 'The JWKS host serves only /'), 404));
  return app;
}
