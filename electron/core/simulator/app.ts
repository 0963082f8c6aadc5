import { Hono } from 'hono';
import { callbackControlRoutes } from './callbacks/callback-routes';
import { checkoutRoutes } from './checkout-routes';
import { controlRoutes } from './control-routes';
import { SimError, errorBody } from './errors';
import { faultRoutes } from './faults/fault-routes';
import { merchantRoutes } from './merchant-routes';
import { payerRoutes } from './payer-routes';
import { publicRoutes } from './public-routes';
import { refundAccessRoutes } from './refund-access';
import { refundRoutes } from './refund-routes';
import type { RouteDeps } from './route-deps';

// The Refund API's error body has only `code` and `message` (spec S2), unlike the Payment API's.
const REFUND_PATH = /^\/v3\/payments\/[^/]+\/refunds(\/|$)/;

/**
 * The simulator's HTTP surface. Merchant endpoints mirror Payment V3 and the Refund API; `/qrcode` and
 * `/jwks/` stand in for Bancontact's generator and JWKS hosts; everything under `/_sim` is the simulator's
 * own control API (payer actions, clock, faults, keys, inspection) and has no Bancontact counterpart.
 */
export function buildSimulatorApp(deps: RouteDeps): Hono {
  const app = new Hono();
  // Refunds first: they authenticate by signature, and must not meet the payment routes' Bearer check.
  app.route('/v3/payments', refundRoutes(deps));
  app.route('/v3/payments', merchantRoutes(deps));
  app.route('/_sim/payer', payerRoutes(deps));
  app.route('/checkout', checkoutRoutes(deps));
  app.route('/_sim/faults', faultRoutes(deps));
  app.route('/_sim/profiles', refundAccessRoutes(deps.refundAccess));
  app.route('/_sim', controlRoutes(deps));
  app.route('/_sim', callbackControlRoutes(deps));
  app.route('/', publicRoutes(deps));

  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof SimError) {
      const body = errorBody(error.code, error.message);
      return c.json(
        REFUND_PATH.test(c.req.path) ? { code: body.code, message: body.message } : body,
        error.status,
      );
    }
    // Unexpected failures keep the spec's error shape so a client's error parsing is exercised too.
    console.error('Simulator request failed:', error);
    return c.json(errorBody('TECHNICAL_ERROR', 'Unexpected simulator error'), 500);
  });
  return app;
}
