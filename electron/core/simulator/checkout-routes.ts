import { Hono, type Context } from 'hono';
import { SimError } from './errors';
import { deeplinkFor } from './payload';
import { paymentIdParam, type RouteDeps } from './route-deps';
import type { SimPayment } from './types';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);

const euros = (cents: number) => `EUR ${(cents / 100).toFixed(2)}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}
.amount{font-size:2rem;font-weight:600;margin:.5rem 0}
form{display:inline}
button{font-size:1.1rem;min-height:48px;min-width:8rem;margin:.5rem .5rem 0 0;border-radius:8px;border:1px solid #999}
#pay{background:#ff4785;color:#fff;border-color:#ff4785}
</style></head><body>${body}</body></html>`;
}

/** The payment behind a checkout link; only payments created with a `returnUrl` have one. */
function checkoutPayment(deps: RouteDeps, id: string): SimPayment & { returnUrl: string } {
  const payment = deps.payments.get(paymentIdParam(id));
  if (payment.returnUrl === undefined)
    throw new SimError(404, 'PAYMENT_NOT_FOUND', 'No checkout for this payment');
  return { ...payment, returnUrl: payment.returnUrl };
}

function checkoutPage(payment: SimPayment): string {
  const action = `/checkout/${payment.paymentId}`;
  const open = payment.status === 'PENDING' || payment.status === 'IDENTIFIED';
  const buttons = open
    ? `<form method="post" action="${action}/pay"><button id="pay" type="submit">Pay</button></form>
<form method="post" action="${action}/cancel"><button id="cancel" type="submit">Cancel</button></form>`
    : `<p id="status">This payment is ${escapeHtml(payment.status)}.</p>`;
  const description = payment.description === undefined ? '' : `<p>${escapeHtml(payment.description)}</p>`;
  return page(
    'Bancontact checkout',
    `<h1>Pay with Bancontact</h1>
<p>To <strong>${escapeHtml(payment.creditor.name)}</strong></p>
<p class="amount" id="amount">${euros(payment.amount)}</p>${description}
${buttons}
<p><small>Kassa Bancontact simulator: no money moves.</small></p>`,
  );
}

/** Back to the merchant, as Bancontact sends the payer back to `returnUrl` whatever the outcome. */
const backToMerchant = (c: Context, payment: { returnUrl: string }) => c.redirect(payment.returnUrl, 303);

/**
 * Bancontact's checkout page for online payments (`_links.checkout`), mounted at `/checkout`. Paying
 * there is the same as scanning the payment's code and confirming in the app: the payment becomes
 * IDENTIFIED, then AUTHORIZED and SUCCEEDED (or as the profile's void or sync mode decides), with the
 * same callbacks.
 */
export function checkoutRoutes(deps: RouteDeps): Hono {
  const routes = new Hono();

  routes.get('/:id', (c) => c.html(checkoutPage(checkoutPayment(deps, c.req.param('id')))));

  routes.post('/:id/pay', async (c) => {
    const payment = checkoutPayment(deps, c.req.param('id'));
    if (payment.status === 'PENDING')
      deps.scan({ payload: deeplinkFor(deps.payloadHost, payment.paymentId) });
    if (payment.status === 'PENDING' || payment.status === 'IDENTIFIED')
      await deps.confirm(payment.paymentId);
    return backToMerchant(c, payment);
  });

  routes.post('/:id/cancel', (c) => {
    const payment = checkoutPayment(deps, c.req.param('id'));
    if (payment.status === 'PENDING' || payment.status === 'IDENTIFIED')
      deps.payments.cancel(payment.paymentId);
    return backToMerchant(c, payment);
  });

  return routes;
}
