import type { Locator, Page } from '@playwright/test';
import type { ReportView, SaleView } from '../../shared/contract';
import type { SaleReturnsView } from '../../shared/contract/returns-methods';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import {
  expectColumns,
  expectFirstReceipt,
  expectRefundReceipt,
  receiptNumber,
  receiptPdf,
  expectTotalsAreTheSumOfLines,
} from '../support/register-done-when';
import { api, expect, test } from './fixtures';

/*
 * Issue 13's "Done when", as a cashier and a manager do it in Chromium against a real station in
 * training: a basket of three VAT rates paid part by wristband and the rest by Bancontact, its receipt
 * decoded from the bytes a fake network printer took (32 and 48 columns) and from the PDF; an offline
 * printer; the cash drawer's pulse; a line refunded to Bancontact; the X and Z; a split sale cancelled.
 * Only the setting up (articles, a wristband and its training top-up, the simulator's refund delay)
 * and the reading of reports and refunds to compare with the screen go through the HTTP contract.
 */

test.use({ viewport: { width: 1024, height: 768 }, screenshot: 'only-on-failure' });

let printer: FakePrinter;
test.beforeEach(async () => {
  printer = await startFakePrinter();
});
test.afterEach(async () => {
  await printer.stop();
});

type Call = <T>(method: string, input?: unknown) => Promise<T>;

async function goTo(page: Page, screen: 'Till' | 'Closing' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
}

/** Three articles at 21, 12 and 6 %, and a wristband the training payer tops up with €10. */
async function setUp(call: Call): Promise<string> {
  const articles = [
    ['Pils', 350, 21, 'Drinks'],
    ['Croque-monsieur', 800, 12, 'Food'],
    ['Crème brûlée', 450, 6, 'Food'],
  ] as const;
  for (const [name, priceCents, vatRate, category] of articles)
    await call('articles.save', { name, priceCents, vatRate, category, barcode: null });
  const batch = { count: 1, amountMode: 'open', description: 'Top-up', eventName: 'Fest', layout: 'a4' };
  await call('topup.createBatch', batch);
  const [made] = await call<Array<{ firstWristbandId: string }>>('topup.listBatches');
  const band = made!.firstWristbandId;
  await call('training.topUp', { wristbandId: band, amountCents: 1_000 });
  await expect.poll(() => balanceOf(call, band)).toBe(1_000);
  return band;
}

const balanceOf = async (call: Call, wristbandId: string) =>
  (await call<{ balanceCents: number }>('wristbands.get', { wristbandId })).balanceCents;

/** Settings → Printers: a 58 mm printer with the cash drawer, printing every sale of till-1. */
async function setUpPrinter(page: Page): Promise<Locator> {
  await goTo(page, 'Settings');
  const section = page.getByRole('region', { name: 'Printers' });
  await section.getByRole('button', { name: 'Add a printer' }).click();
  await section.getByLabel('Name', { exact: true }).fill('Bar');
  await section.getByLabel('Address (host name or IP)').fill('127.0.0.1');
  await section.getByLabel('Port', { exact: true }).fill(String(printer.port));
  await section.getByLabel('Paper', { exact: true }).selectOption('58');
  await section.getByLabel('A cash drawer is wired to this printer').check();
  await section.getByRole('button', { name: 'Save printer' }).click();
  await expect(section.getByTestId('printer-Bar')).toContainText('58 mm (32 columns) · cp858 · Cash drawer');
  await section.getByLabel('Printer till-1').selectOption({ label: 'Bar' });
  await expect(section.getByLabel('Print every sale by itself till-1')).toBeChecked();
  return section;
}

/** Three articles, one more Pils, 10 % off: 19.50 − 1.95 = 17.55, as the basket shows it. */
async function fillBasket(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Drinks' }).click();
  await page.getByRole('button', { name: /^Pils/ }).click();
  await page.getByRole('tab', { name: 'Food' }).click();
  await page.getByRole('button', { name: /^Croque-monsieur/ }).click();
  await page.getByRole('button', { name: /^Crème brûlée/ }).click();
  await page.getByRole('button', { name: 'One Pils more' }).click();
  await page.getByRole('button', { name: 'Discount on the sale' }).click();
  await page.getByRole('textbox', { name: 'Discount on the whole sale' }).fill('10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('basket-total')).toHaveText('€17.55');
  await expect(page.locator('[data-rate]')).toHaveText(['VAT 21 %€1.09', 'VAT 12 %€0.77', 'VAT 6 %€0.23']);
}

/** A wristband too short for the sale: the cashier takes what it holds; the sale stays open. */
async function wristbandPart(page: Page, band: string, balance: string, due: string): Promise<void> {
  await page.getByRole('button', { name: 'Pay with wristband' }).click();
  await page.getByLabel('Wristband', { exact: true }).fill(band);
  await page.getByLabel('Wristband', { exact: true }).press('Enter');
  await expect(page.getByTestId('wristband-balance')).toHaveText(`Balance: ${balance}`);
  const take = `Take ${balance} from the wristband, rest by another tender`;
  await page.getByRole('button', { name: take }).click();
  await expect(page.getByTestId('split-due')).toHaveText(due);
}

/** The rest by Bancontact: the training customer scans the part's QR and confirms. */
async function bancontactRest(page: Page, due: string): Promise<void> {
  await page
    .getByRole('group', { name: `Pay the rest (${due}) by:` })
    .getByRole('button', { name: 'Bancontact' })
    .click();
  const customer = page.getByRole('region', { name: 'Customer (training)' });
  await customer.getByRole('button', { name: 'Scan' }).click();
  await customer.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Paid$/ })).toBeVisible();
}

/** (2) The printer is offline during a cash sale: the sale completes, the till says so; back, it prints once. */
async function offlineCashSale(page: Page): Promise<void> {
  await printer.stop();
  await page.getByRole('tab', { name: 'Food' }).click();
  await page.getByRole('button', { name: /^Crème brûlée/ }).click();
  await page.getByRole('button', { name: 'Pay cash' }).click();
  await page.getByLabel('Float in the drawer').fill('100');
  await page.getByRole('button', { name: 'Open drawer' }).click();
  await page.getByLabel('Cash received').fill('5');
  await page.getByRole('button', { name: 'Take the cash' }).click();
  await expect(page.getByTestId('cash-give-back')).toHaveText('Give back €0.50');
  const notice = page.getByTestId('printer-notice');
  const offline = 'Printer Bar offline — the receipt will print when it is back.';
  await expect(notice).toContainText(offline, { timeout: 10_000 });
  await expect(notice).toContainText('Receipts waiting: 1');
  await printer.start();
  await printer.waitForPrints(2, 20_000);
  await expect(notice).toBeHidden({ timeout: 10_000 });
  const cash = printer.decoded()[1]!;
  expect(cash.drawerPulses).toBe(1);
  expect(cash.text).toMatch(/^Cash\s+€4\.50$/m);
  expect(cash.text).toMatch(/^Change\s+€0\.50$/m);
}

/** The printer becomes an 80 mm one; Closing prints the first sale again: a copy at 48 columns. */
async function copyAt48Columns(page: Page, printers: Locator): Promise<void> {
  await goTo(page, 'Settings');
  await printers.getByTestId('printer-Bar').getByRole('button', { name: 'Edit' }).click();
  await printers.getByLabel('Paper', { exact: true }).selectOption('80');
  await printers.getByRole('button', { name: 'Save printer' }).click();
  await expect(printers.getByTestId('printer-Bar')).toContainText('80 mm (48 columns)');
  await openFirstSale(page);
  const detail = page.getByRole('dialog', { name: 'Transaction' });
  await detail.getByRole('button', { name: 'Print again' }).click();
  await expect(detail.getByRole('status')).toHaveText('Sent to the printer as a copy.');
  await printer.waitForPrints(3, 15_000);
  const copy = printer.decoded()[2]!;
  expect(copy.text).toMatch(/^\s*COPY 1$/m);
  expect(receiptNumber(copy.text)).toBe(1);
  expectFirstReceipt(copy.text);
  expectColumns(copy.lines, 48);
}

/** Closing → the first sale's Bancontact transaction → its detail. */
async function openFirstSale(page: Page): Promise<void> {
  await goTo(page, 'Closing');
  const rows = page.getByRole('region', { name: 'Transactions' }).getByRole('table').getByRole('row');
  await rows
    .filter({ hasText: 'Bancontact' })
    .getByRole('button', { name: /^Details/ })
    .click();
}

/** (3) A manager gives the Croque-monsieur back to Bancontact, followed until Bancontact refunded it. */
async function refundCroque(page: Page, simulatorUrl: string): Promise<void> {
  // Training refunds settle after a fraction of a second of simulator time instead of ten seconds.
  const settings = { method: 'PATCH', headers: { 'content-type': 'application/json' } };
  await fetch(`${simulatorUrl}/_sim/settings`, {
    ...settings,
    body: JSON.stringify({ refundProcessingMs: 300 }),
  });
  const detail = page.getByRole('dialog', { name: 'Transaction' });
  const panel = detail.getByRole('region', { name: 'Refund lines of this sale' });
  await panel.getByRole('button', { name: 'Refund…' }).click();
  await panel.getByRole('button', { name: 'One more of Croque-monsieur' }).click();
  await panel.getByLabel(/^Bancontact \(display\): up to €7\.55$/).check();
  await panel.getByRole('button', { name: 'Refund €7.20' }).click();
  await expect(panel.getByRole('listitem')).toContainText('Given back', { timeout: 15_000 });
}

/** (4) A split sale whose wristband part is taken, then cancelled: the wristband gets its part back. */
async function cancelledSplitSale(page: Page, call: Call, band: string): Promise<void> {
  await call('training.topUp', { wristbandId: band, amountCents: 500 });
  await expect.poll(() => balanceOf(call, band)).toBe(500);
  await goTo(page, 'Till');
  await page.getByRole('tab', { name: 'Food' }).click();
  await page.getByRole('button', { name: /^Croque-monsieur/ }).click();
  await wristbandPart(page, band, '€5.00', '€3.00');
  expect(await balanceOf(call, band)).toBe(0);
  await page.getByRole('button', { name: 'Cancel sale' }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: `€5.00 back onto wristband ${band}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel the sale and give back' }).click();
  await expect(page.getByText('Tap an article or type an amount.')).toBeVisible();
  expect(await balanceOf(call, band)).toBe(500);
}

/** The drawer counted, the business day closed with Z report 1 through Closing. */
async function closeTheDay(page: Page): Promise<void> {
  await goTo(page, 'Closing');
  const drawer = page.getByRole('region', { name: 'Cash drawer' });
  await drawer.getByLabel('Counted cash').fill('104,50');
  await drawer.getByRole('button', { name: 'Count and close' }).click();
  await expect(drawer.locator('.drawer-figures')).toContainText('Difference€0.00');
  const closing = page.getByRole('region', { name: 'Close the day (Z)' });
  await closing.getByRole('button', { name: 'Close the day' }).click();
  await closing.getByRole('button', { name: 'Close business day' }).click();
  await expect(closing.getByRole('status')).toContainText('closed with Z report 1.');
}

/** The X on screen after the refund: €17.55 + €4.50 − €7.20, Bancontact and the 12 % rate net of it. */
async function expectXAfterRefund(page: Page, call: Call): Promise<void> {
  const x = page.getByRole('region', { name: 'X report' });
  const amounts = (table: string, name: string) =>
    x
      .getByRole('table', { name: table, exact: true })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(amounts('Totals', 'Sales')).toContainText('€14.85');
  await expect(amounts('Per method', 'Bancontact (display)')).toContainText('€0.35');
  await expect(amounts('Per method', 'Wristband')).toContainText('€10.00');
  await expect(amounts('Per VAT rate', '12%').getByRole('cell')).toHaveText([
    /\d/,
    '€0.00',
    '€0.00',
    '€0.00',
  ]);
  const report = await call<ReportView>('reports.getX');
  expect(report.saleRefunds?.byMethod.find((m) => m.method === 'bancontact_display')).toEqual({
    ...{ method: 'bancontact_display', count: 1, cents: -720 },
  });
  expect(report.saleRefunds?.byVatRate).toEqual([
    { ratePercent: 12, count: 1, grossCents: -720, netCents: -643, vatCents: -77 },
  ]);
  expectTotalsAreTheSumOfLines(report);
}

test('Done when (issue 13): a split sale printed at 32 and 48 columns and in the PDF, an offline printer, the drawer, a refund to Bancontact in the X and Z, a split sale cancelled', async ({
  page,
  station,
}) => {
  const call: Call = (method, input) => api(page, station.url, method, input ?? {});
  await page.goto(station.url);
  const band = await setUp(call);
  const printers = await setUpPrinter(page);
  await goTo(page, 'Till');

  // (1) The basket, €10 by wristband and €7.55 by Bancontact; the paper and the PDF say the same.
  await fillBasket(page);
  await wristbandPart(page, band, '€10.00', '€7.55');
  await bancontactRest(page, '€7.55');
  const [sold] = await call<SaleView[]>('till.listSales', { limit: 1 });
  expect(sold).toMatchObject({ status: 'paid', tender: 'split', amountCents: 1_755 });
  const [paper] = await printer.waitForPrints(1, 15_000);
  const first = printer.decoded()[0]!;
  expect(first.codePages).toEqual(['cp858']);
  expectFirstReceipt(first.text);
  expectColumns(first.lines, 32);
  expect(paper!.includes(0xd5)).toBe(true); // '€' is 0xD5 in cp858
  expect(first.drawerPulses).toBe(0);
  const pdf = await receiptPdf(page, station.url, sold!.id);
  expectFirstReceipt(pdf);
  expect(pdf).toMatch(/^\s*Receipt 1\s/m);

  // (2) Offline printer and the drawer pulse; then a copy of the first receipt at 48 columns.
  await page.getByRole('button', { name: 'New sale' }).click();
  await offlineCashSale(page);
  await copyAt48Columns(page, printers);

  // (3) A line refunded to Bancontact, in the X; (4) a split sale cancelled; the Z adds up.
  await refundCroque(page, station.simulatorUrl!);
  const [refund] = (await call<SaleReturnsView>('returns.get', { saleId: sold!.id })).refunds;
  expect(refund).toMatchObject({ method: 'bancontact_display', amountCents: 720, status: 'refunded' });
  await printer.waitForPrints(4, 15_000);
  expectRefundReceipt(printer.decoded()[3]!.lines);
  await expectXAfterRefund(page, call);
  await cancelledSplitSale(page, call, band);
  await closeTheDay(page);
  expectTotalsAreTheSumOfLines(await call<ReportView>('reports.getZ', { number: 1 }));

  // Every receipt printed exactly once, sales and refunds numbered without a gap at till-1.
  const printed = printer.decoded().map((p) => p.text);
  const originals = printed.filter((text) => !/^\s*COPY \d+$/m.test(text));
  expect(originals.map(receiptNumber)).toEqual([1, 2, 3]);
  expect(printed.map(receiptNumber)).toEqual([1, 2, 1, 3]);
});
