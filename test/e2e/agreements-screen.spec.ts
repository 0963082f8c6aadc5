import type { Locator, Page } from '@playwright/test';
import { agreementCharges, agreements } from '../../electron/core/db/schema';
import { chargeIdempotencyKey } from '../../shared/domain/recurring-plans';
import { openTrainingBooks } from '../support/database-sql';
import { expect, test } from './fixtures';

/*
 * Issue 15 points 2 and 5 at 1024×768 by touch: a manager makes an article a monthly plan and the
 * till's button says so; the Agreements screen lists what was sold and opens one with its charges.
 * The agreements are written into the training books as the till and the scheduler write them.
 */

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const DAY = 86_400_000;
const START = Date.parse('2026-01-31T17:00:00Z');

async function seedAgreements(dataDir: string): Promise<void> {
  const books = await openTrainingBooks(dataDir);
  try {
    for (let i = 0; i < 30; i++) {
      const id = `agr-${String(i).padStart(2, '0')}`;
      const at = START + i * DAY;
      await books.write((tx) =>
        tx.insert(agreements).values({
          id,
          pproId: `agr_ppro_${i}`,
          kind: 'plan',
          status: i === 29 ? 'active' : 'ended',
          shopId: 'shop-1',
          tillId: 'till-1',
          cashierId: 'cashier-1',
          description: 'Lidgeld tennisclub Zwijnaarde',
          amountCents: 1500,
          vatRate: 21,
          period: 'month',
          chargeCount: 12,
          consumerName: i === 29 ? 'Anna-Sophie Vandenbroucke-Peeters' : `Lid ${i}`,
          consumerEmail: 'anna-sophie.vandenbroucke@example.test',
          termsVersion: '2026-01',
          termsAcceptedAt: at,
          idempotencyKey: `till:${id}`,
          anchorAt: at,
          nextChargeAt: i === 29 ? at + 28 * DAY : null,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    await books.write((tx) =>
      tx.insert(agreementCharges).values({
        id: 'charge-0',
        agreementId: 'agr-29',
        period: 0,
        idempotencyKey: chargeIdempotencyKey('agr-29', 0),
        pproChargeId: 'chg_0123456789abcdef0123456789',
        status: 'captured',
        amountCents: 1500,
        dueAt: START + 29 * DAY,
        capturedAt: START + 29 * DAY,
        receiptMailedAt: START + 29 * DAY + 60_000,
        createdAt: START + 29 * DAY,
        updatedAt: START + 29 * DAY,
      }),
    );
  } finally {
    await books.close();
  }
}

async function expectWithinWindow(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1024).toBe(true);
}

const fitsTheWindow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('a manager sells an article as a plan and follows agreements on their own screen', async ({
  page,
  station,
  dataDir,
}) => {
  await page.goto(station.url);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('link', { name: 'Articles' }).tap();
  await page.getByRole('button', { name: 'Add article' }).tap();
  await page.locator('.article-form [name=name]').fill('Lidgeld');
  await page.locator('.article-form [name=price]').fill('15');
  await page.getByText('A plan', { exact: true }).tap();
  await page.getByRole('checkbox', { name: 'Until the customer stops' }).tap();
  await page.locator('.article-form [name=charges]').fill('12');
  expect(await fitsTheWindow(page)).toBeLessThanOrEqual(1024);
  await page.getByRole('button', { name: 'Save' }).tap();
  await expect(page.locator('.article-form')).toHaveCount(0);

  await nav.getByRole('link', { name: 'Till' }).tap();
  await expect(page.getByRole('button', { name: /^Lidgeld/ })).toContainText('↻ per month');

  await seedAgreements(dataDir);
  await nav.getByRole('link', { name: 'Agreements' }).tap();
  const table = page.getByRole('table', { name: 'Agreements' });
  await expect(table.getByRole('row')).toHaveCount(26);
  await expect(table.getByRole('row').nth(1)).toContainText('1 of 12');
  await expect(page.getByText('1–25 of 30')).toBeVisible();
  expect(await fitsTheWindow(page)).toBeLessThanOrEqual(1024);
  await page.getByLabel('Consumer name').fill('vandenbroucke');
  await page.getByRole('button', { name: 'Search' }).tap();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expectWithinWindow(table.getByRole('button', { name: 'Open' }));
  await table.getByRole('button', { name: 'Open' }).tap();
  const charges = page.getByRole('table', { name: 'Charges' });
  await expect(charges.getByRole('row').nth(1)).toContainText('Paid');
  await expect(page.getByText('version 2026-01')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Revoke agreement' })).toBeVisible();
  await charges.scrollIntoViewIfNeeded();
  // Every action is within the window: nothing to scroll sideways for.
  await expectWithinWindow(page.getByRole('button', { name: 'Refund this charge' }));
  expect(await fitsTheWindow(page)).toBeLessThanOrEqual(1024);
});
