import type { Browser, BrowserContext, Page } from '@playwright/test';
import { decodeQrPng } from '../support/qr-decode';
import { api, expect, test } from './fixtures';
import { LAN, freePort, servedFingerprint } from '../support/lan';

test.use({ viewport: { width: 1024, height: 768 } });

/** On the station's Linked devices screen: a pairing code for this device, read back from the QR on screen. */
async function pairingLink(
  station: Page,
  name: string,
  kind: 'Till' | 'Bar',
): Promise<{ link: string; fingerprint: string }> {
  await station.getByLabel('Device name').fill(name);
  await station.getByRole('radio', { name: 'Employee' }).check();
  await station.getByRole('radio', { name: kind, exact: true }).check();
  await station.getByRole('button', { name: 'Show the link code' }).click();
  const qr = station.getByRole('img', { name: 'QR code of the link' });
  const [link] = decodeQrPng(await qr.screenshot());
  const fingerprint = (await station.getByTestId('pairing-fingerprint').innerText()).trim();
  expect(link).toBe((await station.getByTestId('pairing-link').innerText()).trim());
  await station.getByRole('button', { name: 'Done' }).click();
  return { link: link ?? '', fingerprint };
}

/** A tablet opens the link: it shows the fingerprint, is linked, and a cashier signs in with their PIN. */
async function linkTablet(browser: Browser, link: string, fingerprint: string, cashier: string, pin: string) {
  const context: BrowserContext = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1024, height: 768 },
  });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByTestId('served-fingerprint')).toHaveText(fingerprint);
  await page.getByRole('button', { name: 'Link this device' }).click();
  await expect(page.getByTestId('linked-as')).toBeVisible();
  await page.getByRole('button', { name: 'Go to the till' }).click();
  await page.locator('.person-tile').filter({ hasText: cashier }).click();
  const keys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of pin) await keys.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('signed-in-person')).toHaveText(`${cashier} Cashier`);
  return { context, page };
}

async function payWithWristband(
  page: Page,
  amount: string,
  wristbandId: string,
  left: string,
): Promise<void> {
  await page.getByLabel('Amount', { exact: true }).fill(amount);
  await page.getByRole('button', { name: 'Pay with wristband' }).click();
  await page.getByLabel('Wristband', { exact: true }).fill(wristbandId);
  await page.getByLabel('Wristband', { exact: true }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Paid with wristband' })).toBeVisible();
  await expect(page.getByTestId('wristband-balance')).toHaveText(`Balance left: ${left}`);
  await page.getByRole('button', { name: 'New sale' }).click();
}

test('a bar tablet and a second till linked by QR, two cashiers, one wristband, a revoke, all in the audit log', async ({
  page,
  browser,
  station,
}) => {
  test.setTimeout(120_000);
  const port = await freePort(LAN);
  await page.goto(station.url);
  await api(page, station.url, 'devices.setNetwork', { enabled: true, address: LAN, port });
  const ann = await api<{ id: string }>(page, station.url, 'staff.create', {
    name: 'Ann',
    locale: 'en',
    role: 'cashier',
    secret: '1357',
  });
  await api(page, station.url, 'staff.create', {
    name: 'Bob',
    locale: 'en',
    role: 'cashier',
    secret: '2468',
  });
  // One wristband, topped up once with €20 by a festival-goer (training).
  await api(page, station.url, 'topup.createBatch', {
    count: 1,
    amountMode: 'open',
    description: 'Top-up',
    eventName: 'Kassa Fest',
    layout: 'a4',
  });
  const [batch] = await api<Array<{ firstWristbandId: string }>>(page, station.url, 'topup.listBatches');
  const wristbandId = batch?.firstWristbandId ?? '';
  await api(page, station.url, 'training.topUp', { wristbandId, amountCents: 2_000 });
  await expect
    .poll(
      async () =>
        (await api<{ balanceCents: number }>(page, station.url, 'wristbands.get', { wristbandId }))
          .balanceCents,
    )
    .toBe(2_000);

  // Both devices are paired from the QR code on the station's screen.
  await page.goto(`${station.url}/devices`);
  const barCode = await pairingLink(page, 'Bar 1', 'Bar');
  expect(barCode.link).toMatch(new RegExp(`^https://127\\.0\\.0\\.2:${port}/pair#`));
  expect(barCode.fingerprint).toBe(await servedFingerprint(port));
  const tillCode = await pairingLink(page, 'Till 2', 'Till');
  const bar = await linkTablet(browser, barCode.link, barCode.fingerprint, 'Ann', '1357');
  const till = await linkTablet(browser, tillCode.link, tillCode.fingerprint, 'Bob', '2468');

  // The wristband is debited at the bar and at the till: one ledger, the balance right on both.
  await payWithWristband(bar.page, '7,50', wristbandId, '€12.50');
  await payWithWristband(till.page, '5,00', wristbandId, '€7.50');

  // The X report splits the sales per till and per cashier.
  const x = await api<{
    byTill: Array<{ id: string; cents: number }>;
    byCashier: Array<{ id: string; name?: string; cents: number }>;
  }>(page, station.url, 'reports.getX');
  expect(x.byTill.map((line) => line.cents).sort((a, b) => a - b)).toEqual([500, 750]);
  const annLine = x.byCashier.find((line) => line.id === ann.id);
  expect(annLine).toMatchObject({ cents: 750, name: 'Ann' });
  expect(x.byCashier.find((line) => line.name === 'Bob')).toMatchObject({ cents: 500 });

  // The bar is revoked at the station: its next action is refused and it says it is unlinked.
  await page.reload();
  const barRow = page.getByRole('row').filter({ hasText: 'Bar 1' });
  await barRow.getByRole('button', { name: 'Revoke Bar 1' }).click();
  await page.getByRole('button', { name: 'Revoke it' }).click();
  await expect(barRow).toContainText('Revoked');
  await bar.page.getByLabel('Amount', { exact: true }).fill('1,00');
  // Pay asks the station to price the sale before the wristband is read: that first call is refused.
  await bar.page.getByRole('button', { name: 'Pay with wristband' }).click();
  await expect(bar.page.getByTestId('device-unlinked')).toBeVisible();
  expect(
    (await api<{ balanceCents: number }>(page, station.url, 'wristbands.get', { wristbandId })).balanceCents,
  ).toBe(750);

  // The audit log lists all of it.
  const audit = await api<{
    entries: Array<{
      action: string;
      outcome: string;
      staff: { name: string } | null;
      device: { name: string } | null;
    }>;
  }>(page, station.url, 'audit.list', { limit: 200 });
  const seen = audit.entries.map(
    (entry) => `${entry.action}/${entry.outcome}/${entry.staff?.name ?? ''}/${entry.device?.name ?? ''}`,
  );
  expect(seen).toEqual(
    expect.arrayContaining([
      'devices.link/ok//Bar 1',
      'devices.link/ok//Till 2',
      'staff.signIn/ok/Ann/Bar 1',
      'staff.signIn/ok/Bob/Till 2',
      'devices.revoke/ok/Training administrator/Station',
    ]),
  );
  expect(
    audit.entries.some((entry) => entry.outcome === 'refused' && entry.action.startsWith('devices.')),
  ).toBe(true);
  await bar.context.close();
  await till.context.close();
});
