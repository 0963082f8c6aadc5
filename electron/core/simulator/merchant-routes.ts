import { Hono } from 'hono';
import { SimError } from './errors';
import { merchantAuth, type MerchantEnv } from './merchant-auth';
import { registerFollowupRoutes } from './merchant-followup-routes';
import { readJsonBody } from './request-body';
import { linkContext, paymentIdParam, type RouteDeps } from './route-deps';
import { createPaymentView, getPaymentView } from './views';

const wrongProduct = (what: string) =>
  new SimError(403, 'ACCESS_DENIED', `This profile's product does not allow ${what}`);

/** Payment V3 merchant endpoints, mounted at `/v3/payments`. */
export function merchantRoutes(deps: RouteDeps): Hono<MerchantEnv> {
  const routes = new Hono<MerchantEnv>();
  routes.use('*', merchantAuth(deps));

  // Top-up payments are created by scans only; display and sticker products may create dynamic ones.
  routes.post('/', async (c) => {
    const profile = c.get('profile');
    if (profile.type === 'topup') throw wrongProduct('creating payments through the API');
    const payment = deps.payments.create(profile, deps.parseCreatePayment(await readJsonBody(c)));
    return c.json(createPaymentView(payment, linkContext(c, deps.payloadHost)), 201);
  });

  routes.post('/pos', async (c) => {
    const profile = c.get('profile');
    if (profile.type !== 'sticker') throw wrongProduct('static QR (/pos) payments');
    const input = deps.parsePosPayment(await readJsonBody(c));
    const payment = deps.payments.createAtPos(profile, input, deps.settings.get().posInvalidationStatus);
    return c.json(createPaymentView(payment, linkContext(c, deps.payloadHost)), 201);
  });

  registerFollowupRoutes(routes, deps);

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
