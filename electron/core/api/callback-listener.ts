import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { MERCHANT_JWKS_PREFIX } from '../../../shared/contract/refund-key-methods';
import { callbackBodyLimit } from './body-limits';

/** What the callback listener needs of the station: Bancontact's callbacks, nothing else. */
export interface CallbackReceiver {
  receiveCallback(
    ppid: string,
    rawBody: string,
    signature: string | undefined,
  ): Promise<{ status: 200 | 400 | 401 | 404 | 409 | 413 | 500 | 503; body: unknown }>;
  /** The merchant's public JWKS for a profile (refunds/merchant keys); null when it has no key yet. */
  merchantJwks?(ppid: string): { keys: object[] } | null;
  /** A PPRO webhook, a hint only: the station reads the agreement back and acts on that. */
  receivePproWebhook?(rawBody: string): void;
}

export interface CallbackListener {
  url: string;
  close(): Promise<void>;
}

/**
 * The one address a merchant exposes to the internet (through a reverse proxy or a tunnel) so that
 * Bancontact can post its callbacks: it answers `POST /callbacks/<ppid>` and the merchant's public JWKS
 * (`GET /.well-known/kassa/jwks/<ppid>.json`, for the Refund API) and nothing else, so the contract,
 * the UI and the downloads are never reachable from outside whatever the proxy forwards.
 */
export function buildCallbackApp(receiver: CallbackReceiver): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  registerCallbackRoute(app, receiver);
  app.all('*', (c) => c.json({ ok: false, reason: 'NOT_FOUND' }, 404));
  return app;
}

/** `POST /callbacks/<ppid>`, small bodies only: on this listener and on the loopback shell alike. */
export function registerCallbackRoute(app: Hono, receiver: CallbackReceiver): void {
  app.use('/callbacks/*', callbackBodyLimit());
  app.post('/callbacks/:ppid', async (c) => {
    // The raw text, not parsed JSON: the signature covers the exact bytes Bancontact sent.
    const answer = await receiver.receiveCallback(
      c.req.param('ppid'),
      await c.req.text(),
      c.req.header('signature'),
    );
    return c.json(answer.body, answer.status);
  });
  registerMerchantJwksRoute(app, receiver);
  registerPproWebhookRoute(app, receiver);
}

/** `POST /ppro/webhooks`: answered at once whatever it says, so PPRO does not retry a hint. */
function registerPproWebhookRoute(app: Hono, receiver: CallbackReceiver): void {
  app.use('/ppro/*', callbackBodyLimit());
  app.post('/ppro/webhooks', async (c) => {
    receiver.receivePproWebhook?.(await c.req.text());
    return c.json({ ok: true }, 200);
  });
}

/**
 * Public keys only, so anyone may read them; `?download` makes the station window's link save a file
 * to hand to Bancontact. No caching: after a rotation Bancontact must see the new key at once.
 */
function registerMerchantJwksRoute(app: Hono, receiver: CallbackReceiver): void {
  app.get(`${MERCHANT_JWKS_PREFIX}:file{[A-Za-z0-9]{1,64}\\.json}`, (c) => {
    const ppid = c.req.param('file').slice(0, -'.json'.length);
    const jwks = receiver.merchantJwks?.(ppid) ?? null;
    if (jwks === null) return c.json({ ok: false, reason: 'NOT_FOUND' }, 404);
    c.header('Cache-Control', 'no-store');
    if (c.req.query('download') !== undefined)
      c.header('Content-Disposition', `attachment; filename="kassa-jwks-${ppid}.json"`);
    return c.json(jwks);
  });
}

/** Starts the callback listener (any host the merchant chooses: it carries no contract) and resolves once it listens. */
export function startCallbackListener(
  receiver: CallbackReceiver,
  options: { port: number; host?: string },
): Promise<CallbackListener> {
  const app = buildCallbackApp(receiver);
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host ?? '127.0.0.1' },
      (info: AddressInfo) => {
        const bound = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${bound}:${info.port}`,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as Server).closeAllConnections();
            }),
        });
      },
    ) as Server;
    server.once('error', reject);
  });
}
