import { Hono, type Context } from 'hono';
import type { SimClock } from '../simulator/clock';
import { PproError } from './errors';
import type { FaultSettings, RequestGate } from './gate';
import { consumerPage } from './consumer-page';
import type { PproService } from './service';
import type { PproStore } from './store';

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  const body: unknown = await c.req.json().catch(() => ({}));
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
}

/** The consumer names the agreement by the code their app scanned, or (for trainers) by its id. */
async function agreementIdOf(c: Context, service: PproService): Promise<string> {
  const body = await jsonBody(c);
  if (typeof body.codePayload === 'string') return service.agreementByCode(body.codePayload).id;
  if (typeof body.agreementId === 'string') return service.getAgreement(body.agreementId).id;
  throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', [
    { field: 'codePayload', message: 'codePayload or agreementId is required' },
  ]);
}

function consumerRoutes(service: PproService) {
  const app = new Hono();
  app.post('/authorise', async (c) => c.json(service.decide(await agreementIdOf(c, service), true)));
  app.post('/refuse', async (c) => c.json(service.decide(await agreementIdOf(c, service), false)));
  app.post('/revoke', async (c) => c.json(service.revoke(await agreementIdOf(c, service), 'CONSUMER')));
  return app;
}

/** The merchant's WIP maximum, the split window and the refund delay, changed while running. */
function settingsRoutes(service: PproService) {
  const app = new Hono();
  app.get('/', (c) => c.json(service.settings));
  app.put('/', async (c) => {
    const body = await jsonBody(c);
    for (const key of ['maxAmount', 'splitWindowMs', 'refundDelayMs'] as const) {
      const value = body[key];
      if (value === undefined) continue;
      if (!Number.isInteger(value) || (value as number) < 0)
        throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', [
          { field: key, message: 'must be a whole number, 0 or more' },
        ]);
      service.settings[key] = value as number;
    }
    return c.json(service.settings);
  });
  return app;
}

/** The simulator's own API under `/_sim`: the consumer, the clock, faults, held answers, webhooks, settings. */
export function controlRoutes(service: PproService, store: PproStore, gate: RequestGate, clock: SimClock) {
  const app = new Hono();
  app.route('/consumer', consumerRoutes(service));
  app.route('/settings', settingsRoutes(service));
  app.get('/clock', (c) => c.json({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs() }));
  app.post('/clock/advance', async (c) => {
    const ms = (await jsonBody(c)).ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', [
        { field: 'ms', message: 'must be a number of milliseconds, 0 or more' },
      ]);
    clock.advance(ms);
    service.settle();
    return c.json({ now: new Date(clock.now()).toISOString(), offsetMs: clock.offsetMs() });
  });
  app.put('/faults', async (c) => c.json(gate.setFaults((await jsonBody(c)) as FaultSettings)));
  app.post('/decline-next-charges', async (c) => {
    const count = (await jsonBody(c)).count ?? 1;
    if (!Number.isInteger(count) || (count as number) < 0)
      throw new PproError(400, 'VALIDATION_ERROR', 'The request has invalid fields', [
        { field: 'count', message: 'must be a whole number, 0 or more' },
      ]);
    service.declineNextCharges(count as number);
    return c.json({ count });
  });
  app.get('/pages/:id', (c) => c.html(consumerPage(service.getAgreement(c.req.param('id')))));
  app.post('/hold-next-charge', (c) => (gate.armHold(), c.json({ armed: true })));
  app.get('/held', (c) => c.json({ chargeIds: gate.heldCharges() }));
  app.post('/release', (c) => c.json({ released: gate.releaseAll() }));
  app.get('/webhooks', (c) => c.json({ webhooks: store.listWebhooks() }));
  return app;
}
