import type { Locator, Page } from '@playwright/test';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1024, height: 768 } });

let printer: FakePrinter;
test.beforeEach(async () => {
  printer = await startFakePrinter();
});
test.afterEach(async () => {
  await printer.stop();
});

const paymentStatus = (page: Page) =>
  page.getByRole('status').filter({ hasText: /^(Waiting for customer|Scanned|Paid|Creating payment…)$/ });

async function goTo(page: Page, screen: 'Till' | 'Closing' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
}

/** A Bancontact sale as a cashier makes it in training: the Customer panel scans and confirms. */
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

async function expectOnScreen(page: Page, locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
}

/** Settings → Printers, as the administrator does it: the printer, a test page, and the till's route. */
async function setUpPrinter(page: Page): Promise<void> {
  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Printers' });
  await section.getByRole('button', { name: 'Add a printer' }).click();
  await section.getByLabel('Name', { exact: true }).fill('Bar');
  await section.getByLabel('Address (host name or IP)').fill('127.0.0.1');
  await section.getByLabel('Port', { exact: true }).fill(String(printer.port));
  await section.getByLabel('Paper', { exact: true }).selectOption('58');
  await section.getByRole('button', { name: 'Save printer' }).click();
  await expect(section.getByTestId('printer-Bar')).toContainText(
    `127.0.0.1:${printer.port} · 58 mm (32 columns)`,
  );
  await section.getByRole('button', { name: 'Print test page' }).click();
  await expect(section.getByRole('status')).toHaveText('The test page was printed on Bar.');
  expect(printer.decoded()[0]!.text).toContain('é ë ç à ü €');
  await section.getByLabel('Printer till-1').selectOption({ label: 'Bar' });
  await expect(section.getByLabel('Print every sale by itself till-1')).toBeChecked();
}

test('a sale shows its receipt; an offline printer is said and prints once when back; Closing reprints a copy', async ({
  page,
  station,
}) => {
  await page.goto(station.url);
  await setUpPrinter(page);
  await goTo(page, 'Till');

  // (1) The receipt on screen, and on paper.
  await paidSale(page, '12,34');
  const receipt = page.getByRole('region', { name: 'Receipt' });
  await expect(receipt.getByTestId('receipt-paper')).toContainText('Receipt 1');
  await expect(receipt.locator('.receipt-strong')).toHaveText('TOTAL€12.34');
  // Playwright scrolled to reach the training customer's buttons; the till itself starts at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  // At 1024 × 768 the receipt's actions and New sale are on screen without scrolling the page.
  for (const name of ['Print again', 'New sale'])
    await expectOnScreen(page, page.getByRole('button', { name }));
  await expect(receipt.getByRole('link', { name: 'PDF' })).toHaveAttribute(
    'href',
    /\/downloads\/receipts\/\w+\.pdf$/,
  );
  await printer.waitForPrints(2, 15_000);
  expect(printer.decoded()[1]!.text).toMatch(/TOTAL\s+€12\.34/);

  // (2) The printer goes offline during a sale: the sale completes, the till says so, the next sale can start.
  await printer.stop();
  await page.getByRole('button', { name: 'New sale' }).click();
  await paidSale(page, '5,60');
  const notice = page.getByTestId('printer-notice');
  await expect(notice).toContainText('Printer Bar offline — the receipt will print when it is back.', {
    timeout: 10_000,
  });
  await expect(notice).toContainText('Receipts waiting: 1');
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(page.getByLabel('Amount', { exact: true })).toBeEnabled();

  // Back: the waiting receipt prints, exactly once, and the notice goes.
  await printer.start();
  await printer.waitForPrints(3, 20_000);
  await expect(notice).toBeHidden({ timeout: 10_000 });
  await page.waitForTimeout(1_500);
  expect(printer.prints).toHaveLength(3);
  expect(printer.decoded()[2]!.text).toContain('Receipt 2');
  expect(printer.decoded()[2]!.text).toMatch(/TOTAL\s+€5\.60/);

  // (3) Closing → the first sale's detail → Print again: a copy, marked COPY 1.
  await goTo(page, 'Closing');
  const rows = page.getByRole('region', { name: 'Transactions' }).getByRole('table').getByRole('row');
  await rows
    .filter({ hasText: '€12.34' })
    .getByRole('button', { name: /^Details/ })
    .click();
  const detail = page.getByRole('dialog', { name: 'Transaction' });
  await detail.getByRole('button', { name: 'Print again' }).click();
  await expect(detail.getByRole('status')).toHaveText('Sent to the printer as a copy.');
  await printer.waitForPrints(4, 15_000);
  const copy = printer.decoded()[3]!.text;
  expect(copy).toContain('COPY 1');
  expect(copy).toContain('Receipt 1');
  expect(copy).toMatch(/TOTAL\s+€12\.34/);
});
