import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { SimError, paymentNotFound } from './errors';
import type { SimProfile } from './profiles';
import { readJsonBody } from './request-body';
import { linkContext, type RouteDeps } from './route-deps';
import { createPaymentView, getPaymentView } from './views';

type MerchantEnv = { Variables: { profile: SimProfile } };

// The scheme is case-insensitive (RFC 9110); the key is one token with no spaces.
const BEARER = /^Bearer +(\S+) *$/i;
const PAYMENT_ID_LENGTH = 24;

/** 401 when there is no usable Bearer header, 403 when the key belongs to no profile. */
function apiKeyAuth(deps: RouteDeps) {
  return createMiddleware<MerchantEnv>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    const apiKey = match?.[1];
    if (apiKey === undefined) {
      throw new SimError(401, 'UNAUTHORIZED', 'Missing or malformed Authorization: Bearer header');
    }
    const profile = deps.profiles.byApiKey(apiKey);
    // The message never repeats the key: a real key sent to the simulator by mistake must not be echoed.
    if (profile === undefined)
      throw new SimError(403, 'ACCESS_DENIED', 'The API key is not valid for any profile');
    c.set('profile', profile);
    await next();
  });
}

/** The spec declares the id as exactly 24 characters; anything else cannot name a payment. */
function paymentIdParam(id: string): string {
  if (id.length !== PAYMENT_ID_LENGTH) throw paymentNotFound();
  return id;
}

/** Payment V3 merchant endpoints, mounted at `/v3/payments`. */
export function merchantRoutes(deps: RouteDeps): Hono<MerchantEnv> {
  const routes = new Hono<MerchantEnv>();
  routes.use('*', apiKeyAuth(deps));

  routes.post('/', async (c) => {
    const input = deps.parseCreatePayment(await readJsonBody(c));
    const payment = deps.payments.create(c.get('profile'), input);
    return c.json(createPaymentView(payment, linkContext(c, deps.payloadHost)), 201);
  });

  routes.get('/:id', (c) => {
    const id = paymentIdParam(c.req.param('id'));
    const payment = deps.payments.getOwned(c.get('profile').ppid, id);
    return c.json(getPaymentView(payment, linkContext(c, deps.payloadHost)));
  });

  routes.delete('/:id', (c) => {
    const id = paymentIdParam(c.req.param('id'));
    deps.payments.getOwned(c.get('profile').ppid, id);
    deps.payments.cancel(id);
    return c.body(null, 204);
  });

  return routes;
}
