import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const paymentStatus = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Waiting|Scanned|Paid|Refused|Expired|Cancelled|Creating|failed/ });

/** A Bancontact sale paid by the training customer, as a cashier takes it. */
async function paidSale(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
  const customer = page.getByRole('region', { name: 'Customer (training)' });
  await customer.getByRole('button', { name: 'Scan' }).click();
  await customer.getByRole('button', { name: 'Confirm' }).click();
  await expect(paymentStatus(page)).toHaveText('Paid');
  await page.getByRole('button', { name: 'New sale' }).click();
}

async function goTo(page: Page, screen: 'Till' | 'Closing' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
}

test('a second shop with its own display profile: its till’s sale is found by that shop and profile', async ({
  page,
  station,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${station.url}/`);
  // A sale at the first shop, before the second one exists.
  await paidSale(page, '7,00');

  await goTo(page, 'Settings');
  const shops = page.getByRole('group', { name: 'Shops' });
  await shops.getByRole('button', { name: 'Add a shop' }).click();
  const shopForm = page.getByTestId('shop-form');
  await shopForm.getByLabel('Shop id').fill('shop-2');
  await shopForm.getByLabel('Name').fill('Frituur Zuid');
  await shopForm.getByLabel('Address').fill('Grote Markt 3, 8000 Brugge');
  await shopForm.getByRole('button', { name: 'Save' }).click();
  await shops.getByRole('button', { name: 'Payment profiles of Frituur Zuid' }).click();
  const profiles = page.getByRole('group', { name: 'Payment profiles of Frituur Zuid' });
  await profiles.getByRole('button', { name: 'Add a payment profile' }).click();
  const profileForm = profiles.getByTestId('profile-form');
  await profileForm.getByLabel('Name').fill('Frituur display');
  await profileForm.getByLabel('PPID').fill('f00d00000000000000000002');
  await profileForm.getByLabel('Payout IBAN').fill('BE68 5390 0754 7034');
  await profileForm.getByRole('button', { name: 'Save' }).click();
  const row = profiles.getByTestId('profile-f00d00000000000000000002');
  await expect(row).toContainText('BE68539007547034 · to be verified · not live');

  // The station's till now belongs to the second shop.
  const tills = page.getByRole('form', { name: 'Tills' });
  await tills.getByRole('button', { name: 'Add a till' }).click();
  await tills.getByLabel('Id of till 1', { exact: true }).fill('till-1');
  await tills.getByLabel('Shop of till 1', { exact: true }).selectOption({ label: 'Frituur Zuid' });
  await tills.getByRole('button', { name: 'Save' }).click();
  await expect(tills.getByRole('status')).toHaveText('Saved.');

  await goTo(page, 'Till');
  await paidSale(page, '12,50');

  await goTo(page, 'Closing');
  const transactions = page.getByRole('region', { name: 'Transactions' });
  await transactions.getByLabel('Shop').selectOption({ label: 'Frituur Zuid' });
  // In training the profile pays on its simulator stand-in, whose PPID its sales carry.
  await transactions.getByLabel('Payment profile').selectOption({
    label: 'Frituur display, training (ca55a0000000000000000011)',
  });
  await transactions.getByRole('button', { name: 'Show' }).click();
  const rows = transactions.getByRole('table').getByRole('row').filter({ hasText: '€' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('€12.50');
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('€12.50');
  await expect(summary).not.toContainText('€19.50');
});
