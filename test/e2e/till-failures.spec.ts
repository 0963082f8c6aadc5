import { test as base, expect, type Page } from '@playwright/test';
import { startSimulatorServer, type SimulatorServer } from '../../electron/core/simulator';
import { startFaultyProxy, type ProxyMode } from '../support/faulty-proxy';
import { spawnStation, type StationProcess } from '../support/station-process';
import { tempDir } from '../support/temp';

interface Fixtures {
  sim: SimulatorServer;
  bank: Awaited<ReturnType<typeof startFaultyProxy>>;
  station: StationProcess;
}

/** The station reaches "Bancontact" (a simulator) through a proxy that fails on demand, over real HTTP. */
const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  sim: async ({}, use) => {
    const sim = await startSimulatorServer({ port: 0 });
    await use(sim);
    await sim.close();
  },
  bank: async ({ sim }, use) => {
    const bank = await startFaultyProxy(sim.baseUrl);
    await use(bank);
    await bank.close();
  },
  station: async ({ bank }, use) => {
    const folder = tempDir('kassa-e2e-');
    const station = await spawnStation({
      dataDir: folder.dir,
      simulatorUrl: bank.url,
      requestTimeoutMs: 500,
    });
    await use(station);
    await station.stop();
    folder.remove();
  },
});

const status = (page: Page) => page.locator('.current-sale').getByRole('status');

async function payAndFail(page: Page, station: StationProcess, amount: string): Promise<void> {
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(status(page)).toHaveText('Payment failed');
  await expect(page.getByRole('img', { name: 'Bancontact QR code' })).toHaveCount(0);
}

const FAILURES: Array<[string, ProxyMode, string]> = [
  [
    'a refused API key (401)',
    { kind: 'status', status: 401, code: 'UNAUTHORIZED' },
    'Bancontact refused the API key',
  ],
  [
    'a server error (503)',
    { kind: 'status', status: 503, code: 'TRY_AGAIN_LATER' },
    'Bancontact is unavailable right now',
  ],
  ['a timeout', { kind: 'hang' }, 'Bancontact did not answer in time'],
  ['the network down', { kind: 'drop' }, 'No network connection to Bancontact'],
];

for (const [what, mode, message] of FAILURES) {
  test(`after ${what} the till says so, keeps the sale, and a retry takes the payment`, async ({
    page,
    bank,
    station,
  }) => {
    bank.set(mode);
    await payAndFail(page, station, '12,50');
    await expect(page.locator('.current-sale').getByRole('alert')).toHaveText(message);
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    const sales = page.getByRole('table', { name: 'Recent sales' });
    // The recent sales say what happened to the payment, not only that the sale is unpaid.
    await expect(sales.getByRole('row').filter({ hasText: '€12.50' })).toContainText('Payment failed');

    bank.set({ kind: 'pass' });
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(status(page)).toHaveText('Waiting for customer');
    await expect(page.getByRole('img', { name: 'Bancontact QR code' })).toBeVisible();
    await expect(page.locator('.current-sale').getByRole('alert')).toHaveCount(0);
    // Still one sale: the retry is a new payment for the same sale.
    await expect(sales.getByRole('row').filter({ hasText: '€12.50' })).toHaveCount(1);
  });
}

test('a sale whose payment failed can be cancelled instead, and stays on record as cancelled', async ({
  page,
  bank,
  station,
}) => {
  bank.set({ kind: 'drop' });
  await payAndFail(page, station, '4,20');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveText('Cancelled');
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  const row = page.getByRole('table', { name: 'Recent sales' }).getByRole('row').filter({ hasText: '€4.20' });
  await expect(row).toContainText('Cancelled');
});

test('a till that loses Bancontact while a customer pays says why, and shows Paid once it is back', async ({
  page,
  bank,
  station,
  sim,
}) => {
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('9,99');
  await page.getByRole('button', { name: 'Pay with Bancontact' }).click();
  await expect(status(page)).toHaveText('Waiting for customer');
  const deeplink = await page.getByRole('img', { name: 'Bancontact QR code' }).getAttribute('data-deeplink');
  bank.set({ kind: 'drop' });
  await expect(page.locator('.current-sale').getByRole('alert')).toHaveText(
    'No network connection to Bancontact',
  );
  await expect(status(page)).toHaveText('Waiting for customer');
  // The customer pays at the bank meanwhile; the till learns it once Bancontact answers again.
  const post = (path: string, body: unknown) =>
    fetch(sim.baseUrl + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { paymentId } = (await (await post('/_sim/payer/scan', { payload: deeplink })).json()) as {
    paymentId: string;
  };
  await post('/_sim/payer/confirm', { paymentId });
  bank.set({ kind: 'pass' });
  await expect(status(page)).toHaveText('Paid', { timeout: 20_000 });
  await expect(page.locator('.current-sale').getByRole('alert')).toHaveCount(0);
});
