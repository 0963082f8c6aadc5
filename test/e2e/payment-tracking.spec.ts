import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const paymentStatus = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Waiting|Scanned|Paid|Refused|Expired|Cancelled|Creating|failed/ });

async function pay(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
  const panel = page.getByRole('region', { name: 'Customer (training)' });
  await panel.getByRole('button', { name: 'Scan' }).click();
  await expect(paymentStatus(page)).toHaveText('Scanned');
  await panel.getByRole('button', { name: 'Confirm' }).click();
  await expect(paymentStatus(page)).toHaveText('Paid');
}

test('the payment timeline shows every status change and where it came from', async ({ page, station }) => {
  await page.goto(station.url);
  await pay(page, '7,30');
  const row = page.getByRole('table', { name: 'Recent sales' }).getByRole('row').filter({ hasText: '€7.30' });
  await row.getByRole('button', { name: 'Timeline' }).click();
  const dialog = page.getByRole('dialog', { name: 'Payment timeline' });
  await expect(dialog).toBeVisible();
  const changes = dialog.getByRole('row').filter({ has: page.getByRole('cell') });
  // Created, then scanned and paid; in training mode the simulator's callbacks or the poll bring them.
  await expect(changes.first()).toContainText('Being created');
  await expect(changes.first()).toContainText('Waiting for customer');
  await expect(changes.first()).toContainText('Created');
  await expect(changes.filter({ hasText: 'Scanned' }).first()).toContainText(/Callback|Polled/);
  await expect(changes.last()).toContainText('Paid');
  await expect(changes.last()).toContainText(/Callback|Polled/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row.getByRole('button', { name: 'Timeline' })).toBeFocused();
});

test('a sticker till asks the customer to scan the sticker and is paid through it', async ({
  page,
  station,
}) => {
  await page.goto(`${station.url}/settings`);
  const till = page.getByRole('region', { name: 'This till' });
  await till.getByLabel('Sticker POS id').fill('POS-1');
  await till.getByRole('button', { name: 'Save' }).click();
  await expect(till.getByRole('alert')).toContainText('1 to 36 letters and digits');
  await till.getByLabel('Sticker POS id').fill('POS00001');
  await till.getByRole('button', { name: 'Save' }).click();
  await expect(till.getByRole('status')).toHaveText('Saved.');

  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('4,20');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(page.getByText('Ask the customer to scan the sticker')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Bancontact QR code' })).toHaveCount(0);
  const panel = page.getByRole('region', { name: 'Customer (training)' });
  await panel.getByRole('button', { name: 'Scan' }).click();
  await expect(paymentStatus(page)).toHaveText('Scanned');
  await panel.getByRole('button', { name: 'Confirm' }).click();
  await expect(paymentStatus(page)).toHaveText('Paid');
});

test('settings say how payment updates reach the station and refuse a public URL without https', async ({
  page,
  station,
}) => {
  await page.goto(`${station.url}/settings`);
  const updates = page.getByRole('region', { name: 'Payment updates' });
  // Training mode: the built-in simulator calls this station back on its own address.
  await expect(updates.getByTestId('callback-url')).toHaveText(
    /^http:\/\/127\.0\.0\.1:\d+\/callbacks\/[0-9a-f]{24}$/,
  );
  await updates.getByLabel('Public URL').fill('http://kassa.example.be');
  await updates.getByRole('button', { name: 'Save' }).click();
  await expect(updates.getByRole('alert')).toContainText('must start with https://');
});

test('a forged callback is refused and listed for the manager', async ({ page, station }) => {
  await page.goto(`${station.url}/settings`);
  const refused = page.getByRole('region', { name: 'Refused callbacks' });
  await expect(refused.getByText('No callback has been refused.')).toBeVisible();
  const callbackUrl = await page.getByTestId('callback-url').innerText();
  const forged = await fetch(callbackUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paymentId: '0123456789abcdef01234567', status: 'SUCCEEDED' }),
  });
  expect(forged.status).toBe(401);
  await refused.getByRole('button', { name: 'Refresh' }).click();
  const row = refused.getByRole('row').filter({ hasText: 'No signature' });
  await expect(row).toHaveCount(1);
});
