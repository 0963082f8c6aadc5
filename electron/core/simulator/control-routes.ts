import { Hono } from 'hono';
import { z } from 'zod';
import { parseRequest, readJsonBody } from './request-body';
import { linkContext, type RouteDeps } from './route-deps';
import { simSettingsSchema } from './settings';
import { getPaymentView } from './views';

// One year is far beyond any expiry or retry window, and keeps dates inside what ISO strings can show.
const MAX_ADVANCE_MS = 366 * 24 * 3600 * 1000;

const advanceBody = z.object({
  ms: z
    .number('must be a number of milliseconds')
    .int('must be a whole number of milliseconds')
    .min(0, 'the simulator clock only moves forward')
    .max(MAX_ADVANCE_MS, `must be at most ${MAX_ADVANCE_MS} (one year)`),
});

const settingsPatch = simSettingsSchema.partial().strict();

/** Clock, inspection and settings endpoints, mounted at `/_sim`. */
export function controlRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();
  const clockView = () => ({
    now: new Date(deps.clock.now()).toISOString(),
    offsetMs: deps.clock.offsetMs(),
  });

  routes.get('/clock', (c) => c.json(clockView()));

  routes.post('/clock/advance', async (c) => {
    const { ms } = parseRequest(advanceBody, await readJsonBody(c));
    deps.clock.advance(ms);
    // Apply deadlines now rather than on the next read, so callbacks go out when time moves.
    const changed = deps.tick();
    const ids = (status: string) => changed.filter((p) => p.status === status).map((p) => p.paymentId);
    return c.json({ ...clockView(), expired: ids('EXPIRED'), voided: ids('VOIDED') });
  });

  routes.get('/payments', (c) => {
    const ctx = linkContext(c, deps.payloadHost);
    return c.json({ payments: deps.payments.list().map((p) => getPaymentView(p, ctx)) });
  });

  routes.get('/payments/:id', (c) =>
    c.json(getPaymentView(deps.payments.get(c.req.param('id')), linkContext(c, deps.payloadHost))),
  );

  // API keys included on purpose: this is a training/test device and its keys are published defaults.
  routes.get('/profiles', (c) => c.json({ profiles: deps.profiles.list() }));

  routes.get('/settings', (c) => c.json(deps.settings.get()));
  routes.patch('/settings', async (c) =>
    c.json(deps.settings.update(parseRequest(settingsPatch, await readJsonBody(c), { keepNulls: true }))),
  );

  return routes;
}
