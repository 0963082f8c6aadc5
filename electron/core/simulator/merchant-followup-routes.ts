import type { Hono } from 'hono';
import { z } from 'zod';
import { SimError, fieldInvalid } from './errors';
import type { MerchantEnv } from './merchant-auth';
import { parseRequest, readJsonBody } from './request-body';
import { linkContext, paymentIdParam, type RouteDeps } from './route-deps';
import { parseSearch } from './search';
import type { SimPayment } from './types';
import { amountSchema } from './validation';
import { searchView } from './views';

const acknowledgeBody = z.object({
  currency: z.literal('EUR', 'must be EUR'),
  amount: amountSchema(),
  reference: z.string().max(35, 'must be at most 35 characters').optional(),
});

/** The merchant confirms it still wants a VOID-mode payment; the body must describe that payment. */
function acknowledge(deps: RouteDeps, payment: SimPayment, body: unknown): void {
  const ack = parseRequest(acknowledgeBody, body);
  if (payment.status === 'VOIDED') throw new SimError(422, 'PAYMENT_VOIDED', 'The payment was voided');
  if (ack.amount !== payment.amount) throw fieldInvalid('amount', 'must equal the payment amount');
  if (ack.reference !== undefined && ack.reference !== payment.reference) {
    throw fieldInvalid('reference', 'must equal the payment reference');
  }
  // Acknowledging twice is harmless: the second call finds it SUCCEEDED and changes nothing.
  if (payment.status === 'SUCCEEDED' && payment.ackDeadlineAt !== undefined) return;
  if (payment.status !== 'PENDING_MERCHANT_ACKNOWLEDGEMENT') {
    throw new SimError(422, 'PAYMENT_NOT_PENDING', `Payment is ${payment.status}; nothing to acknowledge`);
  }
  deps.payments.succeed(payment);
}

/** The full debtor IBAN, once the payment SUCCEEDED and the profile's delay has passed. */
function refundIban(deps: RouteDeps, payment: SimPayment, delaySeconds: number): string {
  if (payment.status !== 'SUCCEEDED' || payment.debtor === undefined) {
    throw new SimError(
      422,
      'REFUND_NOT_ALLOWED',
      `Payment is ${payment.status}; only SUCCEEDED payments can be refunded`,
    );
  }
  const availableAt = (payment.succeededAt ?? payment.updatedAt) + delaySeconds * 1000;
  if (deps.clock.now() < availableAt) {
    throw new SimError(422, 'REFUND_NOT_AVAILABLE', 'The debtor details are not available yet');
  }
  return payment.debtor.iban;
}

/** search, acknowledge and refundIban, on the authenticated merchant sub-app. */
export function registerFollowupRoutes(routes: Hono<MerchantEnv>, deps: RouteDeps): void {
  routes.post('/search', async (c) => {
    const text = await c.req.text();
    const body: unknown = text.trim() === '' ? {} : await readJsonBody(c);
    const page = parseSearch(c.get('profile').ppid, c.req.query(), body, deps.clock.now());
    const { total, payments } = deps.payments.search(page.query);
    return c.json(
      searchView({ number: page.number, size: page.size, total, payments }, linkContext(c, deps.payloadHost)),
    );
  });

  routes.post('/:id/acknowledge', async (c) => {
    const payment = deps.payments.getOwned(c.get('profile').ppid, paymentIdParam(c.req.param('id')));
    acknowledge(deps, payment, await readJsonBody(c));
    return c.body(null, 202);
  });

  routes.get('/:id/debtor/refundIban', (c) => {
    const profile = c.get('profile');
    const payment = deps.payments.getOwned(profile.ppid, paymentIdParam(c.req.param('id')));
    return c.json({ iban: refundIban(deps, payment, profile.refundIbanDelaySeconds ?? 0) });
  });
}
