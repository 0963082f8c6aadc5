import type { Page } from '@playwright/test';
import type { SaleView } from '../../shared/contract';
import { seedWristbands, topupPayload } from '../support/wristbands';
import { api, expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

const status = (page: Page) => page.getByRole('status').filter({ hasText: /Waiting|Scanned|Paid|Creating/ });

/** Inside the 1024 × 768 window as it is, without scrolling. */
async function expectOnScreen(page: Page, name: string): Promise<void> {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  // Touch targets of at least 44 px.
  expect(box!.height).toBeGreaterThanOrEqual(44);
}

test('a wristband short of the total pays its balance and the customer pays the rest by Bancontact', async ({
  page,
  station,
  dataDir,
  sim,
}) => {
  await page.goto(station.url);
  const [band] = (await seedWristbands(dataDir, { count: 1 })) as [string];
  // A festival-goer tops the wristband up with €10.00 through the training simulator.
  const scanned = (await sim('/_sim/payer/scan', { payload: topupPayload(band), amount: 1_000 })) as {
    paymentId: string;
  };
  await sim('/_sim/payer/confirm', { paymentId: scanned.paymentId });
  await expect
    .poll(
      async () =>
        (await api<{ balanceCents: number }>(page, station.url, 'wristbands.get', { wristbandId: band }))
          .balanceCents,
    )
    .toBe(1_000);

  await page.getByLabel('Amount', { exact: true }).fill('25,00');
  await page.getByRole('button', { name: 'Pay with wristband' }).click();
  await page.getByLabel('Wristband', { exact: true }).fill(band);
  await page.getByLabel('Wristband', { exact: true }).press('Enter');
  await expect(page.getByTestId('wristband-balance')).toContainText('€10.00');
  await page.getByRole('button', { name: 'Take €10.00 from the wristband, rest by another tender' }).click();

  const split = page.getByTestId('split-sale');
  await expect(split.getByTestId('split-total')).toHaveText('€25.00');
  await expect(split).toContainText('Wristband€10.00');
  await expect(split.getByTestId('split-due')).toHaveText('€15.00');
  for (const name of ['Bancontact', 'Cash', 'Wristband', 'Cancel sale']) await expectOnScreen(page, name);

  await page.getByRole('button', { name: 'Bancontact', exact: true }).click();
  await expect(status(page)).toHaveText('Waiting for customer');
  await expect(page.getByTestId('sale-amount')).toHaveText('€15.00');
  const panel = page.getByRole('region', { name: 'Customer (training)' });
  await panel.getByRole('button', { name: 'Scan' }).click();
  await panel.getByRole('button', { name: 'Confirm' }).click();
  await expect(status(page)).toHaveText('Paid');

  const [sale] = await api<SaleView[]>(page, station.url, 'till.listSales', { limit: 1 });
  expect(sale).toMatchObject({ amountCents: 2_500, status: 'paid', tender: 'split', dueCents: 0 });
  expect(sale?.tenders?.map((t) => [t.method, t.amountCents, t.status])).toEqual([
    ['wristband', 1_000, 'succeeded'],
    ['bancontact', 1_500, 'succeeded'],
  ]);
  const wristband = await api<{ balanceCents: number }>(page, station.url, 'wristbands.get', {
    wristbandId: band,
  });
  expect(wristband.balanceCents).toBe(0);
});

/** One row of a table in the X report, by its row header: its cells. */
const xCells = (page: Page, table: string, name: string) =>
  page
    .getByRole('region', { name: 'X report' })
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell');

test('a sale split by the cashier: €10.00 by Bancontact, the rest in cash; the receipt, the recent sales and the X count each tender', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  // The station's own customer display, beside the till.
  const display = await page.context().newPage();
  await display.goto(`${station.url}/customer`);
  await expect(display.getByText('Welcome', { exact: true })).toBeVisible();

  await page.getByLabel('Amount', { exact: true }).fill('25,02');
  await expectOnScreen(page, 'Split the payment');
  await page.getByRole('button', { name: 'Split the payment' }).click();
  const entry = page.getByTestId('split-part');
  await entry.getByRole('button', { name: 'Bancontact', exact: true }).click();
  await expect(entry.getByRole('alert')).toHaveText('Amount of this part: Type an amount first.');
  // The part is tapped on the split's own numpad, as on a touch till.
  for (const key of ['1', '0']) await entry.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByLabel('Amount of this part')).toHaveValue('10');
  await page.screenshot({ path: test.info().outputPath('split-part-1024x768.png') });
  for (const name of ['Bancontact', 'Cash', 'Wristband', 'Back']) await expectOnScreen(page, name);
  await entry.getByRole('button', { name: 'Bancontact', exact: true }).click();

  // The QR asks for the part; the customer display shows the part and what remains after it.
  await expect(status(page)).toHaveText('Waiting for customer');
  await expect(page.getByTestId('sale-amount')).toHaveText('€10.00');
  await expect(page.getByTestId('part-of')).toHaveText('Part of €25.02; €15.02 still due after it');
  await expect(display.getByTestId('customer-amount')).toHaveText('€10.00');
  await expect(display.getByTestId('customer-parts')).toContainText('Total€25.02');
  await expect(display.getByTestId('customer-parts')).toContainText('Still to pay after this€15.02');
  const customer = page.getByRole('region', { name: 'Customer (training)' });
  await customer.getByRole('button', { name: 'Scan' }).click();
  await customer.getByRole('button', { name: 'Confirm' }).click();

  // The sale stays open: what Bancontact paid, what is due, and the methods for the rest.
  const split = page.getByTestId('split-sale');
  await expect(split.getByTestId('split-due')).toHaveText('€15.02');
  await expect(split).toContainText('Bancontact€10.00');
  await expect(display.getByRole('status')).toHaveText('Part paid, thank you. The rest comes next.');
  await expect(display.getByTestId('customer-amount')).toHaveText('€15.02');
  const row = page.locator('.recent-sales tbody tr').first();
  await expect(row).toContainText('Still due €15.02');
  // Playwright scrolled to reach the training customer's buttons; the till itself starts at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const name of ['Pay part of the rest', 'Cancel sale']) await expectOnScreen(page, name);
  await page.screenshot({ path: test.info().outputPath('split-rest-1024x768.png') });

  // The rest in cash, the last part: rounded to €15.00, the drawer opened right there.
  await page
    .getByRole('group', { name: 'Pay the rest (€15.02) by:' })
    .getByRole('button', { name: 'Cash', exact: true })
    .click();
  await page.getByLabel('Float in the drawer').fill('50');
  await page.getByRole('button', { name: 'Open drawer' }).click();
  await expect(page.getByTestId('cash-due')).toHaveText('€15.00');
  await page.getByRole('group', { name: 'Quick amounts' }).getByRole('button', { name: '€20' }).click();
  await page.getByRole('button', { name: 'Take the cash' }).click();
  await expect(page.getByTestId('cash-give-back')).toHaveText('Give back €5.00');
  await expect(display.getByRole('status')).toHaveText('Paid — thank you');

  // Both tenders on the receipt, and the sale once in the recent sales with a timeline per tender.
  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt.getByTestId('receipt-paper')).toContainText(/Bancontact\s*€10\.00/);
  await expect(receipt.getByTestId('receipt-paper')).toContainText(
    /Cash\s*€15\.00Tendered€20\.00Rounding-€0\.02Change€5\.00/,
  );
  const [sale] = await api<SaleView[]>(page, station.url, 'till.listSales', { limit: 1 });
  expect(sale).toMatchObject({ amountCents: 2_502, status: 'paid', tender: 'split', dueCents: 0 });
  expect(sale?.tenders?.map((t) => [t.method, t.amountCents, t.status])).toEqual([
    ['bancontact', 1_000, 'succeeded'],
    ['cash', 1_502, 'succeeded'],
  ]);
  await expect(row).toHaveAttribute('data-sale-id', sale!.id);
  await expect(row).toContainText('Split');
  await expect(row.getByTestId('taken')).toHaveText('€25.00');
  await row.getByRole('button', { name: 'Timeline' }).click();
  await expect(page.getByRole('dialog').locator('h4')).toHaveText(['Bancontact €10.00', 'Cash €15.02']);
  await page.keyboard.press('Escape');

  // The X counts each tender under its own method (cash as priced, its rounding beside it).
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Closing' }).click();
  await expect(xCells(page, 'Totals', 'Sales').last()).toHaveText('€25.02');
  await expect(xCells(page, 'Per method', 'Bancontact (display)')).toHaveText(['1', '€10.00']);
  await expect(xCells(page, 'Per method', 'Cash')).toHaveText(['1', '€15.02']);
});
