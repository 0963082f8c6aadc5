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
