import type { Page } from '@playwright/test';
import type { ReportView } from '../../shared/contract';
import { api, expect, test } from './fixtures';

/*
 * Issue 13's done-when for refunds, in a real browser at 1024×768 against a real station: a manager
 * refunds a Bancontact sale's line from Closing, the refund reaches REFUNDED in the training simulator
 * (signed with the station's own key), the screen follows it live, and the X counts it negative per
 * method and VAT rate while the totals stay the sum of their lines.
 */

test.use({ viewport: { width: 1024, height: 768 } });

const paymentStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Waiting for customer|Scanned|Paid|Creating payment…)$/ });

async function goTo(page: Page, screen: 'Till' | 'Closing'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
}

async function paidSale(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  const customer = page.getByRole('region', { name: 'Customer (training)' });
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
  await customer.getByRole('button', { name: 'Scan' }).click();
  await expect(paymentStatus(page)).toHaveText('Scanned');
  await customer.getByRole('button', { name: 'Confirm' }).click();
  await expect(paymentStatus(page)).toHaveText('Paid');
}

test('a manager refunds a Bancontact sale from Closing; it reaches REFUNDED and the X shows it', async ({
  page,
  station,
}) => {
  // Training refunds end after a fraction of a second of simulator time.
  await fetch(`${station.simulatorUrl}/_sim/settings`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refundProcessingMs: 300 }),
  });
  await page.goto(station.url);
  // Onboarding: the station's key pair, whose JWKS the embedded simulator reads at its URL.
  await api(page, station.url, 'settings.getRefundSigningKey');
  await paidSale(page, '12,10');

  await goTo(page, 'Closing');
  const rows = page.getByRole('region', { name: 'Transactions' }).getByRole('table').getByRole('row');
  await rows
    .filter({ hasText: '€12.10' })
    .getByRole('button', { name: /^Details/ })
    .click();
  const detail = page.getByRole('dialog', { name: 'Transaction' });
  await detail.getByRole('button', { name: 'Refund…' }).click();
  await detail.getByRole('button', { name: 'One more of Amount' }).click();
  await expect(detail.locator('.refund-amount')).toHaveText('To give back: €12.10');
  await expect(detail.getByRole('radio', { name: 'Bancontact (display): up to €12.10' })).toBeChecked();
  const confirm = detail.getByRole('button', { name: 'Refund €12.10' });
  const box = await confirm.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await confirm.click();

  const refund = detail.locator('.refund-list li');
  await expect(refund).toContainText('Bancontact (display) -€12.10');
  await expect(refund.getByText('Given back')).toBeVisible({ timeout: 20_000 });
  await expect(detail.getByText('Everything of this sale has been given back.')).toBeVisible();

  const x = await api<ReportView>(page, station.url, 'reports.getX');
  expect(x.sales).toEqual({ count: 1, cents: 0 });
  expect(x.saleRefunds?.byMethod.find((m) => m.method === 'bancontact_display')).toMatchObject({
    count: 1,
    cents: -1210,
  });
  expect(x.saleRefunds?.byVatRate).toEqual([
    { ratePercent: 21, count: 1, grossCents: -1210, netCents: -1000, vatCents: -210 },
  ]);
  expect(x.byVatRate.reduce((n, v) => n + v.grossCents, 0)).toBe(x.sales.cents);
  expect(x.byMethod.reduce((n, m) => n + m.cents, 0)).toBe(x.sales.cents);
});
