import { Hono } from 'hono';
import { controlRoutes } from './control-routes';
import { SimError, errorBody } from './errors';
import { merchantRoutes } from './merchant-routes';
import { payerRoutes } from './payer-routes';
import type { RouteDeps } from './route-deps';

/**
 * The simulator's HTTP surface. Merchant endpoints mirror Payment V3; everything under `/_sim` is the
 * simulator's own control API (payer actions, clock, inspection) and has no Bancontact counterpart.
 */
export function buildSimulatorApp(deps: RouteDeps): Hono {
  const app = new Hono();
  app.route('/v3/payments', merchantRoutes(deps));
  app.route('/_sim/payer', payerRoutes(deps));
  app.route('/_sim', controlRoutes(deps));

  app.notFound((c) => c.json(errorBody('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`), 404));
  app.onError((error, c) => {
    if (error instanceof SimError) return c.json(errorBody(error.code, error.message), error.status);
    // Unexpected failures keep the spec's error shape so a client's error parsing is exercised too.
    console.error('Simulator request failed:', error);
    return c.json(errorBody('TECHNICAL_ERROR', 'Unexpected simulator error'), 500);
  });
  return app;
}
