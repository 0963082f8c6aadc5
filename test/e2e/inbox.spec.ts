import type { Page } from '@playwright/test';
import { topupPayload } from '../support/wristbands';
import { api, expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

const PASSWORD = 'Beheer#2026x';
const count = (page: Page) => page.getByTestId('inbox-count');

/** A top-up paid for a code that is no wristband: Bancontact took the money, the station could not credit it. */
async function uncreditedTopUp(sim: (path: string, body?: unknown) => Promise<unknown>, amount: number) {
  const scanned = (await sim('/_sim/payer/scan', { payload: topupPayload('HELLO-WORLD'), amount })) as {
    paymentId: string;
  };
  await sim('/_sim/payer/confirm', { paymentId: scanned.paymentId });
}

test('a manager sees the unread count, opens the inbox, reads a message and the count falls', async ({
  page,
  station,
  sim,
}) => {
  await page.goto(station.url);
  const manager = await api<{ id: string }>(page, station.url, 'staff.create', {
    ...{ name: 'Mia', locale: 'en', role: 'manager', secret: PASSWORD },
  });
  expect(manager.id).toBeTruthy();
  // Two top-ups the station could not credit arrive before Mia signs in at the station's window.
  await uncreditedTopUp(sim, 600);
  await uncreditedTopUp(sim, 800);
  await page.getByRole('button', { name: 'Switch' }).click();
  await page.locator('.person-tile').filter({ hasText: 'Mia' }).click();
  await page.getByLabel('Password for Mia').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-person')).toHaveText('Mia Manager');

  // Signed in, her header counts both.
  await expect(count(page)).toHaveText('2');

  await page.getByTestId('inbox-link').click();
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  const messages = page.getByTestId('inbox-message');
  await expect(messages).toHaveCount(2);
  await expect(messages.first()).toContainText('A top-up of €8.00 could not be credited by itself');
  const read = messages.first().getByRole('button', { name: 'Mark as read' });
  // Usable by touch inside the 1024 × 768 window.
  const box = await read.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  await read.click();
  await expect(count(page)).toHaveText('1');
  await expect(messages.first()).toContainText('Read');

  // Its link goes where the manager credits it by hand.
  await messages.first().getByRole('button', { name: 'Go to Top-up' }).click();
  await expect(page).toHaveURL(/\/topup$/);
});
