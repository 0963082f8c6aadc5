import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

async function typePin(page: Page, pin: string): Promise<void> {
  const keys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of pin) await keys.getByRole('button', { name: digit, exact: true }).click();
}

test('a French cashier signs in on an English station: the till and her Help guide are in French, the gate in English after', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await expect(page.getByRole('button', { name: 'Pay with Bancontact' })).toBeVisible();
  // The station window's training administrator adds her, with French as her language.
  await api(page, station.url, 'staff.create', {
    name: 'Lies',
    locale: 'fr',
    role: 'cashier',
    secret: '2468',
  });

  await page.getByRole('button', { name: 'Switch' }).click();
  await page.locator('.person-tile').filter({ hasText: 'Lies' }).click();
  await typePin(page, '2468');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('button', { name: 'Payer avec Bancontact' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  await page.getByRole('link', { name: 'Aide' }).click();
  const guide = page.getByTestId('help-guide');
  await expect(guide.getByRole('heading', { level: 1 })).toHaveText('Guide du caissier');
  await expect(guide).toContainText('Touchez Payer avec Bancontact');
  await expect(page.getByRole('button', { name: 'Caissier' })).toHaveAttribute('aria-pressed', 'true');
  // Readable at 1024x768: the guide's column is not wider than the window.
  const box = await guide.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(1024);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  // Signing out goes back to the station's language.
  await expect(page.getByRole('heading', { name: 'Who is working?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
