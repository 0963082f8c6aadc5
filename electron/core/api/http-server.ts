import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import type { ErrorCode, Result } from '../../../shared/contract';
import { apiBodyLimit } from './body-limits';
import { registerCallbackRoute } from './callback-listener';
import { registerAuditDownloads } from './audit-download-routes';
import { streamEvents } from './event-stream';
import type { CookieRules } from './session-cookies';
import { callerOf, requirePermission } from './shell-access';
import type { StationPort } from './station-port';
import { registerLogoRoute } from './logo-route';
import { registerPrintDownloads } from './print-download-routes';
import { registerReceiptDownloads } from './receipt-download-routes';
import { registerRefundDownloads } from './refund-download-routes';
import { registerReportDownloads } from './report-download-routes';

export interface HttpShellOptions {
  port: number;
  /** The built renderer (out/renderer); without it only the API is served. */
  rendererDir?: string;
  host?: string;
  sseHeartbeatMs?: number;
  /** Which Host headers the API answers: loopback names on loopback (the default), the LAN address for linked devices. */
  hostAllowed?: (host: string | undefined) => boolean;
}

/** The station's own window: plain HTTP on loopback, so its cookies cannot be Secure (see docs/linked-devices.md). */
const LOOPBACK_RULES: CookieRules = { channel: 'local-http', secure: false };

export interface HttpShell {
  url: string;
  close(): Promise<void>;
}

const STATUS_FOR: Partial<
  Record<ErrorCode, 400 | 401 | 403 | 404 | 409 | 413 | 423 | 500 | 502 | 503 | 504 | 507>
> = {
  MALFORMED_REQUEST: 400,
  INVALID_INPUT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  PAYMENT_OPEN: 409,
  NOT_IN_TRAINING: 409,
  NOT_CONFIGURED: 409,
  INVALID_WRISTBAND_ID: 400,
  WRISTBAND_BLOCKED: 409,
  WRISTBAND_CLOSED: 409,
  INSUFFICIENT_FUNDS: 409,
  DRAWER_NOT_OPEN: 409,
  DRAWER_ALREADY_OPEN: 409,
  DRAWERS_OPEN: 409,
  TENDERED_TOO_LOW: 409,
  NOT_ENOUGH_CASH: 409,
  DAY_ALREADY_CLOSED: 409,
  EARLIER_DAY_OPEN: 409,
  DAY_NOT_STARTED: 409,
  NO_REFUNDS_READY: 409,
  INTERNAL: 500,
  BACKUP_INVALID: 400,
  MALFORMED_API_KEY: 400,
  CONNECTION_NOT_TESTED: 409,
  EVENT_ENDED: 409,
  EVENT_NOT_ENDED: 409,
  PAYLOAD_TOO_LARGE: 413,
  STATION_REFUSED: 503,
  DISK_FULL: 507,
  DATABASE_UNREACHABLE: 503,
  NOT_SIGNED_IN: 401,
  WRONG_SECRET: 401,
  STAFF_LOCKED: 423,
  STAFF_BLOCKED: 403,
  WEAK_PASSWORD: 400,
  INVALID_PIN: 400,
  PAIRING_CODE_INVALID: 403,
  DEVICE_REVOKED: 401,
  WRONG_TILL: 403,
  ADMINISTRATOR_REQUIRED: 409,
  LAST_ADMINISTRATOR: 409,
  BANCONTACT_UNAUTHORIZED: 502,
  BANCONTACT_REJECTED: 502,
  BANCONTACT_UNAVAILABLE: 502,
  NETWORK_DOWN: 502,
  BANCONTACT_TIMEOUT: 504,
};

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The station over HTTP: `POST /api/<method>`, `GET /api/events` (SSE) and the UI, on 127.0.0.1 only. */
export function buildHttpApp(
  station: StationPort,
  options: Pick<HttpShellOptions, 'rendererDir' | 'sseHeartbeatMs' | 'host' | 'hostAllowed'>,
  rules: CookieRules = LOOPBACK_RULES,
): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
  });
  const hostAllowed =
    options.hostAllowed ?? (isLoopbackHost(options.host ?? '127.0.0.1') ? isLoopbackHost : null);
  if (hostAllowed) guardHosts(app, hostAllowed);
  app.use('/api/*', apiBodyLimit());
  app.post('/api/:method', (c) => callMethod(c, station, rules));
  app.get('/api/events', (c) => streamEvents(c, station, rules, options.sseHeartbeatMs ?? 15_000));
  registerCallbackRoute(app, station);
  registerDownloads(app, station, rules);
  app.all('/api/*', (c) => answer(c, failure('UNKNOWN_METHOD', 'Use POST /api/<method> or GET /api/events')));
  if (options.rendererDir && existsSync(join(options.rendererDir, 'index.html')))
    serveRenderer(app, options.rendererDir);
  return app;
}

/**
 * A web page whose own name was re-pointed at the station's address (DNS rebinding) reaches it as
 * same-origin, but its requests still carry its own name in Host; a cross-site request carries its own
 * Origin. Only the station's own names get through, to the API and to the downloads alike (refund
 * files hold payers' full IBANs).
 */
function guardHosts(app: Hono, hostAllowed: (host: string | undefined) => boolean): void {
  for (const path of ['/api/*', '/downloads/*']) {
    app.use(path, async (c, next) => {
      const host = c.req.header('host');
      const origin = c.req.header('origin');
      if (!hostAllowed(host) || (origin !== undefined && !sameOrigin(origin, host))) {
        return answer(c, failure('FORBIDDEN', 'The station answers its API under its own address only'));
      }
      await next();
    });
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === (host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/** Each download needs what the method that made it needs, checked from the request's own session. */
function registerDownloads(app: Hono, station: StationPort, rules: CookieRules): void {
  app.use('/downloads/refunds-*', requirePermission(station, rules, 'refunds'));
  app.use('/downloads/reports/*', requirePermission(station, rules, 'report'));
  app.use('/downloads/:file{[0-9a-f]{24}\\.pdf}', requirePermission(station, rules, 'close'));
  app.use('/downloads/receipts/*', requirePermission(station, rules, 'sell'));
  registerRefundDownloads(app, station);
  registerReceiptDownloads(app, station);
  registerReportDownloads(app, station);
  registerPrintDownloads(app, station);
  registerLogoRoute(app, station);
  registerAuditDownloads(
    app,
    (name) => station.auditFile(name),
    requirePermission(station, rules, 'administer'),
  );
}

async function callMethod(c: Context, station: StationPort, rules: CookieRules): Promise<Response> {
  // Requiring JSON forces a CORS preflight on any cross-site request, which this server never grants.
  // Only the media type itself counts: `text/plain; x=application/json` is a simple request with no preflight.
  if (mediaType(c.req.header('content-type')) !== 'application/json') {
    return answer(c, failure('MALFORMED_REQUEST', 'Send the input as JSON (Content-Type: application/json)'));
  }
  const text = await c.req.text();
  let input: unknown = {};
  if (text.trim() !== '') {
    try {
      input = JSON.parse(text);
    } catch {
      return answer(c, failure('MALFORMED_REQUEST', 'The request body is not valid JSON'));
    }
  }
  const method = c.req.param('method') ?? '';
  const caller = await callerOf(c, station, rules, method);
  return answer(c, await station.dispatch(method, input, caller));
}

function serveRenderer(app: Hono, rendererDir: string): void {
  const indexHtml = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  app.use('/assets/*', serveStatic({ root: rendererDir }));
  app.get('*', serveStatic({ root: rendererDir }));
  // The UI routes (/customer, /settings) all load the same page.
  app.get('*', (c) => c.html(indexHtml));
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * A web page whose own name was re-pointed at 127.0.0.1 (DNS rebinding) reaches this server as
 * same-origin, but its requests still carry its own name in Host; only loopback names get through.
 */
function isLoopbackHost(header: string | undefined): boolean {
  const name = (header ?? '').replace(/:\d+$/, '').toLowerCase();
  return name === '127.0.0.1' || name === 'localhost' || name === '[::1]';
}

function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function answer(c: Context, result: Result<unknown>): Response {
  return c.json(result, result.ok ? 200 : (STATUS_FOR[result.error.code] ?? 500));
}

/** Starts the HTTP shell and resolves once it accepts connections. */
export function startHttpShell(station: StationPort, options: HttpShellOptions): Promise<HttpShell> {
  const app = buildHttpApp(station, options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: host }, (info: AddressInfo) => {
      // The address the socket really is bound to, so that the URL printed is the truth about where it listens.
      const bound = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${bound}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as Server).closeAllConnections();
          }),
      });
    }) as Server;
    server.once('error', reject);
  });
}
