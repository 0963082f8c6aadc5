import { Hono } from 'hono';
import { z } from 'zod';
import { parseRequest, readJsonBody } from '../request-body';
import type { RouteDeps } from '../route-deps';
import type { Delivery } from './delivery-store';

const rotateBody = z.object({
  activateInMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3_600_000)
    .default(0),
});

const settleBody = z.object({ status: z.enum(['REFUNDED', 'FAILED']) });

function deliveryView(d: Delivery) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return { ...d, createdAt: iso(d.createdAt), nextAttemptAt: iso(d.nextAttemptAt) };
}

/** Callback log, signing keys and refund outcomes, mounted at `/_sim`. */
export function callbackControlRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/callbacks', (c) => {
    const paymentId = c.req.query('paymentId');
    const list = deps.callbacks.list(paymentId === undefined ? {} : { paymentId });
    return c.json({ callbacks: list.map(deliveryView) });
  });

  // Waits for the due attempts to settle: lets a test or a script step through retries deterministically.
  routes.post('/callbacks/flush', async (c) => {
    await deps.callbacks.flush();
    return c.json({ flushed: true });
  });

  routes.get('/keys', (c) => c.json({ keys: deps.keys.list() }));

  routes.post('/keys/rotate', async (c) => {
    const text = await c.req.text();
    const { activateInMs } = parseRequest(rotateBody, text.trim() === '' ? {} : await readJsonBody(c));
    const key = deps.keys.rotate(activateInMs);
    return c.json({
      kid: key.kid,
      activatesAt: new Date(key.activatesAt).toISOString(),
      keys: deps.keys.list(),
    });
  });

  routes.post('/refunds/:refundId/settle', async (c) => {
    const { status } = parseRequest(settleBody, await readJsonBody(c));
    const refund = deps.refunds.settle(c.req.param('refundId'), status);
    return c.json({ refundId: refund.refundId, status: refund.status });
  });

  return routes;
}
