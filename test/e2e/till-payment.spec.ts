import type { Page } from '@playwright/test';
import { decodeQrPng } from '../support/qr-decode';
import { expect, test } from './fixtures';

const paymentStatus = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Waiting|Scanned|Paid|Refused|Expired|Cancelled|Creating|failed/ });

async function startPayment(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
}

test('a cashier takes €12.50 with Bancontact and the sale survives a restart', async ({
  page,
  station,
  restartStation,
}) => {
  // The QR is drawn in the page: nothing may be fetched from anywhere but the station (no QR generator).
  const elsewhere: string[] = [];
  page.context().on('request', (request) => {
    if (!request.url().startsWith(`${station.url}/`)) elsewhere.push(request.url());
  });
  await page.goto(station.url);
  await expect(page.getByText('Training mode — no real money')).toBeVisible();
  const customer = await page.context().newPage();
  await customer.goto(`${station.url}/customer`);
  await expect(customer.getByText('Welcome')).toBeVisible();

  await page.getByLabel('Amount', { exact: true }).pressSequentially('12,50');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  const qr = page.getByRole('img', { name: 'Bancontact QR code' });
  await expect(qr).toBeVisible();
  const [payload] = decodeQrPng(await qr.screenshot());
  expect(payload).toMatch(/^https:\/\/pay\.bancontact\.net\/pay\/2\/[0-9a-f]{24}$/);
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');

  await expect(customer.getByText('€12.50')).toBeVisible();
  const [customerPayload] = decodeQrPng(
    await customer.getByRole('img', { name: 'Bancontact QR code' }).screenshot(),
  );
  expect(customerPayload).toBe(payload);

  const panel = page.getByRole('region', { name: 'Customer (training)' });
  await panel.getByRole('button', { name: 'Scan' }).click();
  await expect(paymentStatus(page)).toHaveText('Scanned');
  await panel.getByRole('button', { name: 'Confirm' }).click();
  await expect(paymentStatus(page)).toHaveText('Paid', { timeout: 1_500 });
  await expect(customer.getByText('Paid — thank you')).toBeVisible();
  expect(elsewhere).toEqual([]);

  const restarted = await restartStation();
  await page.goto(restarted.url);
  const row = page
    .getByRole('table', { name: 'Recent sales' })
    .getByRole('row')
    .filter({ hasText: '€12.50' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Paid');
});

test('cancelling a waiting payment cancels it at Bancontact', async ({ page, station, sim }) => {
  await page.goto(station.url);
  await startPayment(page, '5,00');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(paymentStatus(page)).toHaveText('Cancelled');
  const { payments } = (await sim('/_sim/payments')) as { payments: Array<{ status: string }> };
  expect(payments.map((p) => p.status)).toEqual(['CANCELLED']);
});

test('a payment nobody pays expires when the simulator clock passes its expiry', async ({
  page,
  station,
  sim,
}) => {
  await page.goto(station.url);
  const numpad = page.getByRole('group', { name: 'Numpad' });
  for (const key of ['7', ',', '2', '5'])
    await numpad.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('7,25');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
  await sim('/_sim/clock/advance', { ms: 130_000 });
  await expect(paymentStatus(page)).toHaveText('Expired');
});

test('a refused payment shows Refused and can be retried with a new QR', async ({ page, station }) => {
  await page.goto(station.url);
  await startPayment(page, '3');
  const panel = page.getByRole('region', { name: 'Customer (training)' });
  await panel.getByRole('button', { name: 'Scan' }).click();
  await expect(paymentStatus(page)).toHaveText('Scanned');
  await panel.getByRole('button', { name: 'Refuse' }).click();
  await expect(paymentStatus(page)).toHaveText('Refused');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
});

for (const [typed, message] of [
  ['0', 'The amount must be more than zero.'],
  ['-5', 'The amount cannot be negative.'],
  ['abc', 'That is not an amount. Use digits and one comma, like 12,50.'],
  ['12,555', 'Use at most two decimals (cents).'],
  ['10000000000', 'That amount is too large for Bancontact.'],
] as const) {
  test(`the till explains why ${typed} is not an amount and calls nothing`, async ({
    page,
    station,
    sim,
  }) => {
    const starts: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/till.startPayment')) starts.push(request.url());
    });
    await page.goto(station.url);
    await page.getByLabel('Amount', { exact: true }).fill(typed);
    await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
    await expect(page.getByRole('alert')).toHaveText(message);
    expect(starts).toEqual([]);
    expect(await sim('/_sim/payments')).toEqual({ payments: [] });
    await expect(page.getByRole('img', { name: 'Bancontact QR code' })).toHaveCount(0);
  });
}

test('the till explains a wrong amount in Dutch and French too', async ({ page, station, sim }) => {
  await page.goto(station.url);
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  await page.getByLabel('Bedrag', { exact: true }).fill('12,555');
  await page.getByRole('button', { name: 'Betalen met Bancontact' }).click();
  await expect(page.getByRole('alert')).toHaveText('Gebruik hoogstens twee decimalen (centen).');
  await page.getByRole('button', { name: 'FR', exact: true }).click();
  await page.getByLabel('Montant', { exact: true }).fill('0');
  await page.getByRole('button', { name: 'Payer avec Bancontact' }).click();
  await expect(page.getByRole('alert')).toHaveText('Le montant doit être supérieur à zéro.');
  expect(await sim('/_sim/payments')).toEqual({ payments: [] });
});

test('the till speaks Dutch and French, amounts included', async ({ page, station }) => {
  await page.goto(station.url);
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Betalen met Bancontact' })).toBeVisible();
  await page.getByLabel('Bedrag', { exact: true }).fill('12,50');
  await page.getByRole('button', { name: 'Betalen met Bancontact' }).click();
  await expect(page.getByText('€ 12,50').first()).toBeVisible();
  await page.getByRole('button', { name: 'FR', exact: true }).click();
  await expect(page.getByText('12,50 €').first()).toBeVisible();
});
