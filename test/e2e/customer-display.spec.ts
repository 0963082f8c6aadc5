import type { Locator, Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { LAN, freePort } from '../support/lan';

test.use({ viewport: { width: 1024, height: 768 } });

/** A wristband a festival-goer topped up with €20 (training: the station plays the payer). */
async function toppedUpWristband(page: Page, base: string): Promise<string> {
  await api(page, base, 'topup.createBatch', {
    count: 1,
    amountMode: 'open',
    description: 'Top-up',
    eventName: 'Kassa Fest',
    layout: 'a4',
  });
  const [batch] = await api<Array<{ firstWristbandId: string }>>(page, base, 'topup.listBatches');
  const wristbandId = batch?.firstWristbandId ?? '';
  await api(page, base, 'training.topUp', { wristbandId, amountCents: 2_000 });
  const balance = async () =>
    (await api<{ balanceCents: number }>(page, base, 'wristbands.get', { wristbandId })).balanceCents;
  await expect.poll(balance).toBe(2_000);
  return wristbandId;
}

/** One figure of the display's outcome: its label and the amount beside it. */
const figure = (display: Page, label: string): Locator =>
  display.getByTestId('customer-outcome').locator('.customer-figure').filter({ hasText: label });

test("a till's customer display follows a cash sale and a wristband sale, in a language of its own", async ({
  page,
  browser,
  station,
}) => {
  test.setTimeout(120_000);
  const port = await freePort(LAN);
  await page.goto(station.url);
  await api(page, station.url, 'devices.setNetwork', { enabled: true, address: LAN, port });
  const wristbandId = await toppedUpWristband(page, station.url);

  // The display of till-1 is linked from the link an administrator made for it.
  const pairing = await api<{ link: string }>(page, station.url, 'devices.createPairing', {
    name: 'Customer display',
    rights: 'employee',
    kind: 'display',
    tillId: 'till-1',
  });
  expect(pairing.link).toMatch(new RegExp(`^https://127\\.0\\.0\\.2:${port}/pair#`));
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1024, height: 768 },
  });
  const display = await context.newPage();
  await display.goto(pairing.link);
  await display.getByRole('button', { name: 'Link this device' }).click();
  await expect(display.getByTestId('linked-as')).toContainText('till-1');
  await display.getByRole('button', { name: 'Show the customer display' }).click();
  await expect(display.getByText('Welcome', { exact: true })).toBeVisible();
  // View only: no header, no navigation, nobody to sign in.
  await expect(display.getByRole('navigation')).toHaveCount(0);
  await expect(display.getByRole('button', { name: 'Sign in' })).toHaveCount(0);

  // The till opens its drawer and takes €20 for a €12.50 sale.
  await page.goto(`${station.url}/reports`);
  const drawer = page.getByRole('region', { name: 'Cash drawer' });
  await drawer.getByLabel('Opening float').fill('100');
  await drawer.getByRole('button', { name: 'Open the drawer' }).click();
  await expect(drawer.getByText(/^Open since/)).toBeVisible();
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('12,50');
  await page.getByRole('button', { name: 'Pay cash' }).click();
  await page.getByRole('group', { name: 'Quick amounts' }).getByRole('button', { name: '€20' }).click();
  await page.getByRole('button', { name: 'Take the cash' }).click();
  await expect(page.getByTestId('cash-give-back')).toHaveText('Give back €7.50');

  await expect(display.getByTestId('customer-amount')).toHaveText('€12.50');
  await expect(display.getByRole('status')).toHaveText('Paid — thank you');
  await expect(display.getByTestId('customer-outcome')).toHaveAttribute('data-tender', 'cash');
  await expect(display.getByTestId('customer-outcome')).toContainText('Paid in cash');
  await expect(figure(display, 'Given').locator('dd')).toHaveText('€20.00');
  await expect(figure(display, 'Your change').locator('dd')).toHaveText('€7.50');
  await page.getByRole('button', { name: 'New sale' }).click();

  // Then €7.50 from the wristband: the display says what is left on it.
  await page.getByLabel('Amount', { exact: true }).fill('7,50');
  await page.getByRole('button', { name: 'Pay with wristband' }).click();
  await page.getByLabel('Wristband', { exact: true }).fill(wristbandId);
  await page.getByLabel('Wristband', { exact: true }).press('Enter');
  await expect(page.getByTestId('wristband-balance')).toHaveText('Balance left: €12.50');

  const outcome = display.getByTestId('customer-outcome');
  await expect(display.getByTestId('customer-amount')).toHaveText('€7.50');
  await expect(outcome).toHaveAttribute('data-tender', 'wristband');
  await expect(outcome).toContainText('Paid with your wristband');
  await expect(figure(display, 'Left on your wristband').locator('dd')).toHaveText('€12.50');

  // The customer taps NL, then FR: the display changes, the till and the station's setting do not.
  await display.getByRole('button', { name: 'NL', exact: true }).click();
  await expect(outcome).toContainText('Betaald met uw polsbandje');
  await expect(figure(display, 'Nog op uw polsbandje').locator('dd')).toHaveText(/^€\s?12,50$/);
  await expect(display.getByRole('status')).toHaveText('Betaald — dank u wel');
  await display.getByRole('button', { name: 'FR', exact: true }).click();
  await expect(outcome).toContainText('Payé avec votre bracelet');
  await expect(figure(display, 'Reste sur votre bracelet').locator('dd')).toHaveText(/^12,50\s?€$/);
  await expect(display.getByRole('button', { name: 'FR', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await expect(page.getByRole('status').filter({ hasText: 'Paid with wristband' })).toBeVisible();
  await expect(page.getByTestId('wristband-balance')).toHaveText('Balance left: €12.50');
  expect((await api<{ locale: string }>(page, station.url, 'settings.get')).locale).toBe('en');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Pay cash' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await context.close();
});
