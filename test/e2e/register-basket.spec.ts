import type { Locator, Page } from '@playwright/test';
import { api, expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

interface SavedArticle {
  id: string;
}

/** Three articles at 21, 12 and 6 %, saved through the station's HTTP contract as a manager would. */
async function seedArticles(page: Page, url: string): Promise<void> {
  const article = (
    name: string,
    priceCents: number,
    vatRate: number,
    category: string,
    barcode: string | null,
  ) => api<SavedArticle>(page, url, 'articles.save', { name, priceCents, vatRate, category, barcode });
  await article('Pils', 350, 21, 'Drinks', null);
  await article('Water', 250, 6, 'Drinks', '5410000000017');
  await article('Croque-monsieur', 800, 12, 'Food', null);
}

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Waiting|Scanned|Paid|Creating/ });

/** Inside the 1024 × 768 window as it is, without scrolling. */
async function expectInViewport(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const scrolled = await locator.page().evaluate(() => window.scrollY);
  expect(scrolled).toBe(0);
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
}

test('a cashier taps three articles, changes a quantity, gives 10 % off and is paid by Bancontact; the next sale starts empty', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await seedArticles(page, station.url);
  await page.reload();
  const starts: unknown[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/till.startPayment')) starts.push(request.postDataJSON());
  });

  await page.getByRole('button', { name: /^Pils/ }).click();
  await page.getByRole('button', { name: /^Water/ }).click();
  await page.getByRole('tab', { name: 'Food' }).click();
  await page.getByRole('button', { name: /^Croque-monsieur/ }).click();
  await page.getByRole('button', { name: 'One Pils more' }).click();
  await page.getByRole('button', { name: 'Discount on the sale' }).click();
  await page.getByRole('textbox', { name: 'Discount on the whole sale' }).fill('10');
  await page.getByRole('button', { name: 'Apply' }).click();

  // 2 × 3,50 + 2,50 + 8,00 = 17,50; 10 % off = 15,75. VAT once per rate on the discounted lines.
  await expect(page.getByTestId('basket-total')).toHaveText('€15.75');
  await expect(page.getByTestId('basket-discount')).toHaveText('−€1.75');
  await expect(page.getByTestId('basket-net')).toHaveText('€13.76');
  await expect(page.locator('[data-rate]')).toHaveText(['VAT 21 %€1.09', 'VAT 12 %€0.77', 'VAT 6 %€0.13']);

  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(status(page)).toHaveText('Waiting for customer');
  const panel = page.getByRole('region', { name: 'Customer (training)' });
  await panel.getByRole('button', { name: 'Scan' }).click();
  await panel.getByRole('button', { name: 'Confirm' }).click();
  await expect(status(page)).toHaveText('Paid');
  expect(starts).toHaveLength(1);
  expect(starts[0]).toMatchObject({
    amountCents: 1575,
    basket: { discount: { kind: 'percent', percent: 10 } },
  });
  const [sold] = await api<Array<{ amountCents: number; status: string }>>(
    page,
    station.url,
    'till.listSales',
    {
      limit: 1,
    },
  );
  expect(sold).toMatchObject({ amountCents: 1575, status: 'paid' });

  // The paid sale is finished: the basket is empty and Pay starts nothing.
  await expect(page.getByText('Tap an article or type an amount.')).toBeVisible();
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The basket is empty: tap an article or type an amount first.',
  );
  expect(starts).toHaveLength(1);
});

test('a barcode scanner adds the article with that code, and an unknown code is said', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await seedArticles(page, station.url);
  await page.reload();
  await expect(page.getByRole('button', { name: /^Water/ })).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 740 } });
  await page.keyboard.type('5410000000017');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listitem').filter({ hasText: 'Water' })).toHaveCount(1);
  await expect(page.getByTestId('basket-total')).toHaveText('€2.50');
  await page.keyboard.type('99999999');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('No article has the code 99999999.');
});

test('at 1024 × 768 every till control and message is on screen without scrolling', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('abc');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expectInViewport(page.getByRole('alert'));
  for (const name of ['Pay with Bancontact', 'Pay cash', 'Pay with wristband', 'Clear'])
    await expectInViewport(
      page.getByRole('button', { name, exact: true }).or(page.getByLabel(name, { exact: true })),
    );
  await page.getByLabel('Amount', { exact: true }).fill('7,42');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(status(page)).toHaveText('Waiting for customer');
  await expectInViewport(page.getByRole('button', { name: 'New sale' }));
  await expectInViewport(page.getByRole('button', { name: 'Cancel' }));
});

test('an amount above €500 asks for confirmation before any payment starts', async ({ page, station }) => {
  const starts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/till.startPayment')) starts.push(request.url());
  });
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('4500');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(page.getByText('Charge €4,500.00? Check the amount with the customer.')).toBeVisible();
  expect(starts).toEqual([]);
  await page.getByRole('button', { name: 'Yes, charge it' }).click();
  await expect(status(page)).toHaveText('Waiting for customer');
  expect(starts).toHaveLength(1);
});

test('cash with the drawer closed is said first and the drawer opened with a float right there; the numpad fills Cash received', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('7,42');
  await page.getByRole('button', { name: 'Pay cash' }).click();
  await expect(page.getByText('The cash drawer of this till is closed.', { exact: false })).toBeVisible();
  await page.getByLabel('Float in the drawer').fill('100');
  await page.getByRole('button', { name: 'Open drawer' }).click();
  await expect(page.getByTestId('cash-due')).toHaveText('€7.40');
  const numpad = page.getByRole('region', { name: 'Current sale' }).getByRole('group', { name: 'Numpad' });
  for (const key of ['1', '0']) await numpad.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByLabel('Cash received')).toHaveValue('10');
  await expectInViewport(page.getByRole('button', { name: 'Take the cash' }));
  await page.getByRole('button', { name: 'Take the cash' }).click();
  await expect(page.getByTestId('cash-give-back')).toHaveText('Give back €2.60');
  // The recent sales say how it was paid and what the drawer actually took.
  const row = page.getByRole('table', { name: 'Recent sales' }).getByRole('row').filter({ hasText: 'Cash' });
  await expect(row.getByRole('cell')).toHaveText([/./, 'Cash', '€7.42', '€7.40', 'Paid', 'Timeline']);
  const drawer = await api<{ status: string; cashSalesCents: number }>(page, station.url, 'drawer.get', {});
  expect(drawer).toMatchObject({ status: 'open', cashSalesCents: 740 });
});
