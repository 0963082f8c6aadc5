import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { addDays, formatDay, localTime } from '../../shared/domain/business-day';
import { expect, test } from './fixtures';

const paymentStatus = (page: Page) =>
  page
    .getByRole('status')
    .filter({ hasText: /Waiting|Scanned|Paid|Refused|Expired|Cancelled|Creating|failed/ });

async function goTo(page: Page, screen: 'Till' | 'Closing'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: screen }).click();
}

/** A sale paid with Bancontact the way a cashier does it in training: the Customer panel scans and confirms. */
async function paidSale(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
  const customer = page.getByRole('region', { name: 'Customer (training)' });
  await customer.getByRole('button', { name: 'Scan' }).click();
  await expect(paymentStatus(page)).toHaveText('Scanned');
  await customer.getByRole('button', { name: 'Confirm' }).click();
  await expect(paymentStatus(page)).toHaveText('Paid');
  await page.getByRole('button', { name: 'New sale' }).click();
}

async function cancelledSale(page: Page, amount: string): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(paymentStatus(page)).toHaveText('Waiting for customer');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(paymentStatus(page)).toHaveText('Cancelled');
  await page.getByRole('button', { name: 'New sale' }).click();
}

/** The number cells of the row a table names `name`, e.g. ['3', '€40.50'] for a method. */
function cells(region: Locator, table: string, name: string): Locator {
  return region
    .getByRole('table', { name: table, exact: true })
    .getByRole('row')
    .filter({ has: region.page().getByRole('rowheader', { name, exact: true }) })
    .getByRole('cell');
}

/** Clicks, waits for the file the browser saved from the screen's link, and returns where it is. */
async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const started = page.waitForEvent('download');
  await click();
  return (await started).path();
}

function pdfText(path: string): string {
  // pdftotext writes the no-break spaces Intl puts in amounts as they are; a reader sees spaces.
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).replace(
    /[\u00a0\u202f]/g,
    ' ',
  );
}

/** A business day as the screen writes it in English. */
const shown = (day: string) =>
  new Intl.DateTimeFormat('en-BE', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`));

test('a day of sales closes with exact X and Z totals, a PDF and a CSV; the next sale lands in the next day', async ({
  page,
  station,
}) => {
  const today = formatDay(localTime(Date.now()).day);
  const tomorrow = formatDay(addDays(localTime(Date.now()).day, 1));
  await page.goto(`${station.url}/reports`);
  const drawer = page.getByRole('region', { name: 'Cash drawer' });
  await drawer.getByLabel('Opening float').fill('100');
  await drawer.getByRole('button', { name: 'Open the drawer' }).click();
  await expect(drawer.getByText(/^Open since/)).toBeVisible();

  // (1) Three Bancontact sales paid, one cancelled, and a cash sale that gets change.
  await goTo(page, 'Till');
  await paidSale(page, '12,50');
  await paidSale(page, '8,00');
  await paidSale(page, '20,00');
  await cancelledSale(page, '9,90');
  await page.getByLabel('Amount', { exact: true }).fill('10,02');
  await page.getByRole('button', { name: 'Pay cash' }).click();
  await expect(page.getByTestId('cash-due')).toHaveText('€10.00');
  await page.getByRole('group', { name: 'Quick amounts' }).getByRole('button', { name: '€20' }).click();
  await expect(page.getByTestId('cash-change')).toHaveText('Change: €10.00');
  await page.getByRole('button', { name: 'Take the cash' }).click();
  await expect(page.getByRole('status')).toHaveText('Paid in cash');
  await expect(page.getByTestId('cash-give-back')).toHaveText('Give back €10.00');
  await page.getByRole('button', { name: 'New sale' }).click();

  // (2) The X report shows exactly those totals.
  await goTo(page, 'Closing');
  const x = page.getByRole('region', { name: 'X report' });
  await expect(x.getByRole('heading', { name: `X report — ${shown(today)}` })).toBeVisible();
  await expect(cells(x, 'Totals', 'Sales')).toHaveText(['4', '€50.52']);
  await expect(cells(x, 'Per method', 'Bancontact (display)')).toHaveText(['3', '€40.50']);
  await expect(cells(x, 'Per method', 'Bancontact (sticker)')).toHaveText(['0', '€0.00']);
  await expect(cells(x, 'Per method', 'Wristband')).toHaveText(['0', '€0.00']);
  await expect(cells(x, 'Per method', 'Cash')).toHaveText(['1', '€10.02']);
  await expect(cells(x, 'Per till', 'till-1')).toHaveText(['4', '€50.52']);
  await expect(cells(x, 'Per shop', 'Shop')).toHaveText(['4', '€50.52']);
  await expect(cells(x, 'Per cashier', 'cashier-1')).toHaveText(['4', '€50.52']);
  await expect(cells(x, 'Per VAT rate', '21%')).toHaveText(['4', '€41.75', '€8.77', '€50.52']);
  const notPaid = 'Bancontact not paid (counted, not totalled)';
  await expect(cells(x, notPaid, 'Cancelled')).toHaveText(['1']);
  await expect(cells(x, notPaid, 'Expired')).toHaveText(['0']);
  await expect(cells(x, 'Cash', 'Cash payments')).toHaveText(['1', '€10.02']);
  await expect(cells(x, 'Cash', 'Rounding to 5 cents')).toHaveText(['', '-€0.02']);
  await expect(cells(x, 'Cash', 'Cash expected')).toHaveText(['', '€110.00']);
  const todayCard = page.getByRole('article', { name: 'Today' });
  await expect(todayCard).toContainText('€50.52');
  await expect(
    page.getByRole('figure', { name: 'Today’s sales per hour' }).locator('svg.recharts-surface'),
  ).toBeVisible();

  // (4, the X) The PDF, fetched through the screen's link, reads the same totals.
  const xPdf = await download(page, () => x.getByRole('button', { name: 'Download PDF' }).click());
  await expect(x.getByRole('link', { name: /^Save x-.*\.pdf again$/ })).toHaveAttribute(
    'href',
    /^\/downloads\/reports\/x-/,
  );
  const xText = pdfText(xPdf);
  expect(xText).toContain(`X report (snapshot) — ${today}`);
  expect(xText).toMatch(/Sales\s+4\s+€50\.52/);
  expect(xText).toMatch(/Bancontact \(display\)\s+3\s+€40\.50/);
  expect(xText).toMatch(/Cash payments\s+1\s+€10\.02/);
  expect(xText).toMatch(/21 %\s+€50\.52\s+€41\.75\s+€8\.77/);
  expect(xText).toMatch(/Cancelled\s+1/);
  expect(xText).toMatch(/Cash expected\s+€110\.00/);

  // The drawer is counted (50 cents missing) before the day can close.
  await drawer.getByLabel('Counted cash').fill('109,50');
  await drawer.getByRole('button', { name: 'Count and close' }).click();
  await expect(drawer.locator('.drawer-figures')).toContainText('Difference-€0.50');
  await expect(cells(x, 'Cash', 'Cash counted')).toHaveText(['', '€109.50']);
  await expect(cells(x, 'Cash', 'Difference')).toHaveText(['', '-€0.50']);

  // (3) The Z report closes the day with number 1.
  const closing = page.getByRole('region', { name: 'Close the day (Z)' });
  await closing.getByRole('button', { name: 'Close the day' }).click();
  await expect(closing.getByText(`Close business day ${today}? This cannot be undone.`)).toBeVisible();
  await closing.getByRole('button', { name: 'Close business day' }).click();
  await expect(closing.getByRole('status')).toHaveText(`Business day ${today} closed with Z report 1.`);
  const zRow = closing
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: '1', exact: true }) });
  await expect(zRow).toContainText(shown(today));
  await expect(zRow).toContainText('4 · €50.52');
  await expect(x.getByRole('heading', { name: `X report — ${shown(tomorrow)}` })).toBeVisible();
  await expect(cells(x, 'Totals', 'Sales')).toHaveText(['0', '€0.00']);

  // (4, the Z) Reprinted, the frozen Z reads its totals and the count.
  const zPdf = await download(page, () => zRow.getByRole('button', { name: 'Reprint Z report 1' }).click());
  const zText = pdfText(zPdf);
  expect(zText).toContain(`Z report 1 — ${today}`);
  expect(zText).toMatch(/Sales\s+4\s+€50\.52/);
  expect(zText).toMatch(/Cash counted\s+€109\.50/);
  expect(zText).toMatch(/Difference\s+-€0\.50/);

  // (3) A sale made after the Z belongs to the next business day.
  await goTo(page, 'Till');
  await paidSale(page, '7,00');
  await goTo(page, 'Closing');
  await expect(x.getByRole('heading', { name: `X report — ${shown(tomorrow)}` })).toBeVisible();
  await expect(cells(x, 'Totals', 'Sales')).toHaveText(['1', '€7.00']);
  const transactions = page.getByRole('region', { name: 'Transactions' });
  const rows = transactions.getByRole('table').getByRole('row').filter({ hasText: '€' });
  await expect(rows).toHaveCount(6);
  await expect(rows.filter({ hasText: '€7.00' })).toContainText(shown(tomorrow));
  await expect(rows.filter({ hasText: '€12.50' })).toContainText(shown(today));

  // The cancelled payment's detail shows its timeline, ending in Cancelled.
  await rows
    .filter({ hasText: '€9.90' })
    .getByRole('button', { name: /^Details/ })
    .click();
  const detail = page.getByRole('dialog', { name: 'Transaction' });
  await expect(detail.locator('.timeline-to').last()).toHaveText('Cancelled');
  await detail.getByRole('button', { name: 'Close' }).click();

  // (5) The CSV has one row per transaction: 3 paid, 1 cancelled, 1 cash, and the next day's sale.
  const csvPath = await download(page, () =>
    transactions.getByRole('button', { name: 'Export CSV' }).click(),
  );
  const csv = readFileSync(csvPath, 'utf8');
  await expect(transactions.getByRole('status')).toHaveText('6 transactions exported.');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  // The columns are found by name, so the test reads the file as a spreadsheet would.
  const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
  const columns = header!.split(',');
  const rowsOf = lines.map((l) => {
    const values = l.split(',');
    return Object.fromEntries(columns.map((name, i) => [name, values[i]]));
  });
  expect(columns).toEqual(expect.arrayContaining(['business_date', 'method', 'status', 'amount_eur']));
  expect(rowsOf.map((r) => [r.business_date, r.method, r.status, r.amount_eur]).sort()).toEqual(
    [
      [today, 'bancontact_display', 'succeeded', '12.50'],
      [today, 'bancontact_display', 'succeeded', '8.00'],
      [today, 'bancontact_display', 'succeeded', '20.00'],
      [today, 'bancontact_display', 'cancelled', '9.90'],
      [today, 'cash', 'succeeded', '10.02'],
      [tomorrow, 'bancontact_display', 'succeeded', '7.00'],
    ].sort(),
  );
});
