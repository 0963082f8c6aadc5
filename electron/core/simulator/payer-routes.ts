import { Hono } from 'hono';
import { z } from 'zod';
import { SimError, paymentNotFound } from './errors';
import { parsePayload } from './payload';
import { parseRequest, readJsonBody } from './request-body';
import { linkContext, type RouteDeps } from './route-deps';
import type { SimPayment } from './types';
import { getPaymentView } from './views';

const scanBody = z.object({
  payload: z.string('must be the text of a QR code'),
  // Lets a test or a trainer pick who pays; otherwise DEFAULT_DEBTOR stands in.
  debtor: z
    .object({
      name: z.string().min(1, 'name must not be empty').max(70, 'name must be at most 70 characters'),
      iban: z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, 'iban must be an IBAN without spaces'),
    })
    .optional(),
});

const paymentIdBody = z.object({ paymentId: z.string('must be a payment id') });

function hostOf(url: string): string[] {
  try {
    return [new URL(url).hostname.toLowerCase()];
  } catch {
    return [];
  }
}

/**
 * What the payer's banking app does, mounted at `/_sim/payer`. There is no auth: the simulator is a
 * training and test device and the payer side has no API at Bancontact to imitate.
 */
export function payerRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();
  const ownHost = hostOf(deps.payloadHost);

  routes.post('/scan', async (c) => {
    const { payload, debtor } = parseRequest(scanBody, await readJsonBody(c));
    const scanned = parsePayload(payload, ownHost);
    if (scanned === undefined) {
      throw new SimError(
        400,
        'PAYLOAD_INVALID',
        'Not a Bancontact payment QR code (expected .../pay/2/{paymentId})',
      );
    }
    if (deps.payments.find(scanned.paymentId) === undefined) throw paymentNotFound();
    const payment = deps.payments.identify(scanned.paymentId, debtor);
    return c.json({ paymentId: payment.paymentId });
  });

  const paymentAction = (path: string, act: (paymentId: string) => SimPayment) =>
    routes.post(path, async (c) => {
      const { paymentId } = parseRequest(paymentIdBody, await readJsonBody(c));
      return c.json(getPaymentView(act(paymentId), linkContext(c, deps.payloadHost)));
    });

  paymentAction('/confirm', deps.payments.confirm);
  paymentAction('/refuse', deps.payments.refuse);
  paymentAction('/cancel', deps.payments.cancel);
  return routes;
}
