import { Hono } from 'hono';
import { z } from 'zod';
import { parseRequest, readJsonBody } from './request-body';
import { linkContext, type RouteDeps } from './route-deps';
import { MAX_TEMPLATE_AMOUNT } from './topup';
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
  // What the payer types for an open or modifiable top-up code.
  amount: z
    .number('must be a number of cents')
    .int('must be a whole number of cents')
    .min(1, 'must be at least 1 cent')
    .max(MAX_TEMPLATE_AMOUNT, `must be at most ${MAX_TEMPLATE_AMOUNT} cents`)
    .optional(),
});

const paymentIdBody = z.object({ paymentId: z.string('must be a payment id') });

/**
 * What the payer's banking app does, mounted at `/_sim/payer`. There is no auth: the simulator is a
 * training and test device and the payer side has no API at Bancontact to imitate.
 */
export function payerRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();

  routes.post('/scan', async (c) => {
    const request = parseRequest(scanBody, await readJsonBody(c));
    const payment = deps.scan(request);
    return c.json({ paymentId: payment.paymentId });
  });

  const paymentAction = (path: string, act: (paymentId: string) => SimPayment | Promise<SimPayment>) =>
    routes.post(path, async (c) => {
      const { paymentId } = parseRequest(paymentIdBody, await readJsonBody(c));
      return c.json(getPaymentView(await act(paymentId), linkContext(c, deps.payloadHost)));
    });

  paymentAction('/confirm', deps.confirm);
  paymentAction('/refuse', deps.payments.refuse);
  paymentAction('/cancel', deps.payments.cancel);
  return routes;
}
