import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  startSimulatorServer,
  TRAINING_DISPLAY_PROFILE,
  type CreatePaymentView,
  type SimulatorServer,
} from '../../electron/core/simulator';
import { startCallbackReceiver, verifyCallback, type CallbackReceiver } from '../support/callback-receiver';
import { request } from '../support/sim-client';
import { expect, test } from './fixtures';

/*
 * An online payment (created with a returnUrl) paid on the simulator's checkout page in Chromium: the
 * payer lands back on the shop's page, and the merchant gets the same signed callbacks as for a scan.
 */

const KEY = TRAINING_DISPLAY_PROFILE.apiKey;

let receiver: CallbackReceiver;
let sim: SimulatorServer;
let shop: Server;
let shopUrl: string;

test.beforeEach(async () => {
  receiver = await startCallbackReceiver();
  sim = await startSimulatorServer({
    port: 0,
    allowHttpCallbacks: true,
    profiles: [{ ...TRAINING_DISPLAY_PROFILE, callbackUrl: receiver.url() }],
  });
  // The merchant's web shop, where Bancontact sends the payer back.
  shop = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Back at the shop</h1>');
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
});

test.afterEach(async () => {
  await sim.close();
  await receiver.close();
  await new Promise<void>((resolve) => shop.close(() => resolve()));
});

async function createOnline(returnUrl: string): Promise<CreatePaymentView> {
  const res = await request<CreatePaymentView>(`${sim.baseUrl}/v3/payments`, {
    headers: { authorization: `Bearer ${KEY}` },
    body: { amount: 1250, description: 'Order 1042', returnUrl },
  });
  expect(res.status).toBe(201);
  return res.body;
}

const statusOf = async (id: string) =>
  (
    await request<{ status: string }>(`${sim.baseUrl}/v3/payments/${id}`, {
      headers: { authorization: `Bearer ${KEY}` },
    })
  ).body.status;

test('a payment created with a returnUrl is paid on the checkout page', async ({ page }) => {
  const returnUrl = `${shopUrl}/order/1042`;
  const created = await createOnline(returnUrl);
  const checkout = created._links.checkout?.href;
  expect(checkout).toBe(`${sim.baseUrl}/checkout/${created.paymentId}`);

  await page.goto(checkout!);
  await expect(page.locator('#amount')).toHaveText('EUR 12.50');
  await expect(page.getByText('Kassa Training Shop')).toBeVisible();
  await page.getByRole('button', { name: 'Pay' }).click();
  await page.waitForURL(returnUrl);
  await expect(page.getByRole('heading', { name: 'Back at the shop' })).toBeVisible();

  expect(await statusOf(created.paymentId)).toBe('SUCCEEDED');
  await request(`${sim.baseUrl}/_sim/callbacks/flush`, { body: {} });
  const statuses = receiver.received.filter((r) => r.body.paymentId === created.paymentId);
  expect(statuses.map((r) => r.body.status)).toEqual(['IDENTIFIED', 'AUTHORIZED', 'SUCCEEDED']);
  for (const callback of statuses) await verifyCallback(callback, sim.jwksUrl, TRAINING_DISPLAY_PROFILE.ppid);

  // Back on the page later: nothing left to pay.
  await page.goto(checkout!);
  await expect(page.locator('#status')).toHaveText('This payment is SUCCEEDED.');
});

test('the payer can cancel on the checkout page instead', async ({ page }) => {
  const returnUrl = `${shopUrl}/order/1043`;
  const created = await createOnline(returnUrl);
  await page.goto(created._links.checkout!.href);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.waitForURL(returnUrl);
  expect(await statusOf(created.paymentId)).toBe('CANCELLED');
});

test('a payment created without a returnUrl has no checkout link', async () => {
  const res = await request<CreatePaymentView>(`${sim.baseUrl}/v3/payments`, {
    headers: { authorization: `Bearer ${KEY}` },
    body: { amount: 500 },
  });
  expect(res.body._links.checkout).toBeUndefined();
  expect((await request(`${sim.baseUrl}/checkout/${res.body.paymentId}`)).status).toBe(404);
});
