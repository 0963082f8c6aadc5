import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

const chip = (page: Page) => page.getByTestId('signed-in-person');
const nav = (page: Page) => page.getByRole('navigation', { name: 'Screens' });
const tile = (page: Page, name: string) => page.locator('.person-tile').filter({ hasText: name });

async function addPerson(page: Page, name: string, role: string, secret: string): Promise<void> {
  const add = page.getByRole('region', { name: 'Add a person' });
  await add.getByLabel('Name').fill(name);
  await add.getByLabel('Role').selectOption(role);
  await add.getByLabel(role === 'cashier' ? 'PIN' : 'Password').fill(secret);
  await add.getByRole('button', { name: 'Add' }).click();
  await expect(add.getByRole('status')).toHaveText(`${name} was added.`);
}

async function typePin(page: Page, pin: string): Promise<void> {
  const keys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of pin) await keys.getByRole('button', { name: digit, exact: true }).click();
}

test('staff, the two-tap cashier switch, signing out and a lock shown on the tile', async ({
  page,
  station,
}) => {
  // A fresh install in training opens on the till with the training administrator, as before.
  await page.goto(station.url);
  await expect(page.getByRole('button', { name: 'Pay with Bancontact' })).toBeVisible();
  await expect(chip(page)).toHaveText('Training administrator Administrator');

  await nav(page).getByRole('link', { name: 'Staff' }).click();
  await addPerson(page, 'Ann', 'cashier', '1234');
  await addPerson(page, 'Bob', 'cashier', '56789');
  await addPerson(page, 'Lies', 'administrator', 'Beheer#2026x');
  await expect(page.getByRole('row').filter({ hasText: 'Ann' })).toContainText('Not signed in yet');

  // Switch: tap 1, the name, the PIN.
  await page.getByRole('button', { name: 'Switch' }).click();
  await tile(page, 'Ann').click();
  await typePin(page, '1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(chip(page)).toHaveText('Ann Cashier');
  // Settings shows a cashier this device's payment sound only.
  await expect(nav(page).getByRole('link')).toHaveText(['Till', 'Customer display', 'Settings']);

  await page.getByRole('button', { name: 'Switch' }).click();
  await tile(page, 'Bob').click();
  await typePin(page, '56789');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(chip(page)).toHaveText('Bob Cashier');

  // A real administrator signs in with her password: the training administrator is retired.
  await page.getByRole('button', { name: 'Switch' }).click();
  await tile(page, 'Lies').click();
  await page.getByLabel('Password for Lies').fill('Beheer#2026x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(chip(page)).toHaveText('Lies Administrator');

  // Signing out now shows the gate: nobody works here until someone signs in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pay with Bancontact' })).toHaveCount(0);

  // Five wrong PINs: each says what is left, the fifth locks Ann, and her tile shows it.
  await tile(page, 'Ann').click();
  for (let left = 4; left >= 1; left--) {
    await typePin(page, '0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText(`Tries left before a lock: ${left}`)).toBeVisible();
  }
  await typePin(page, '0000');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Too many wrong tries');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(tile(page, 'Ann')).toBeDisabled();
  await expect(tile(page, 'Ann')).toContainText(/Locked until \d{1,2}:\d{2}/);
  await expect(tile(page, 'Ann')).toContainText(/0:[0-3]\d to go/);

  // Bob is not locked: he signs in and the till is back.
  await tile(page, 'Bob').click();
  await typePin(page, '56789');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(chip(page)).toHaveText('Bob Cashier');
  await expect(page.getByRole('button', { name: 'Pay with Bancontact' })).toBeVisible();
});
