import { Hono } from 'hono';
import { SimError } from '../errors';
import { parseRequest, readJsonBody } from '../request-body';
import type { RouteDeps } from '../route-deps';
import { faultSettingsSchema } from './fault-config';

/**
 * Fault switches, mounted at `/_sim/faults`. A PUT replaces a scope's settings (`{}` switches them all
 * off); a profile's settings override the global ones field by field; DELETE switches everything off.
 */
export function faultRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();
  routes.get('/', (c) => c.json(deps.faults.view()));

  routes.put('/global', async (c) => {
    deps.faults.setGlobal(parseRequest(faultSettingsSchema, await readJsonBody(c)));
    return c.json(deps.faults.view());
  });

  routes.put('/profiles/:ppid', async (c) => {
    const profile = deps.profiles.byPpid(c.req.param('ppid'));
    if (profile === undefined) throw new SimError(404, 'MERCHANT_PROFILE_NOT_FOUND', 'No such profile');
    deps.faults.setProfile(profile.ppid, parseRequest(faultSettingsSchema, await readJsonBody(c)));
    return c.json(deps.faults.view());
  });

  routes.delete('/', (c) => {
    deps.faults.clear();
    return c.json(deps.faults.view());
  });
  return routes;
}
