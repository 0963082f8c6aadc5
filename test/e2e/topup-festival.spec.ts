import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEFAULT_DEBTOR } from '../../electron/core/simulator';
import { buildTopupPayload, parseTopupPayload } from '../../shared/domain/topup-payload';
import { decodeQrPng } from '../support/qr-decode';
import { expect, test } from './fixtures';

/** Page 1 of the PDF as the printer would put it on paper, every code on it read back by zbarimg. */
function decodeFirstPage(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-pdf-'));
  try {
    writeFileSync(join(dir, 'batch.pdf'), pdf);
    execFileSync('pdftoppm', [
      '-r',
      '150',
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      join(dir, 'batch.pdf'),
      join(dir, 'page'),
    ]);
    const png = readdirSync(dir).find((name) => name.endsWith('.png'));
    if (!png) throw new Error('pdftoppm wrote no page');
    return decodeQrPng(readFileSync(join(dir, png)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function printBatch(page: Page, base: string): Promise<Buffer> {
  const form = page.getByRole('form', { name: 'Print wristband codes' });
  await form.getByLabel('Number of codes').fill('48');
  await form.getByLabel('Amount rule').selectOption('fixed');
  await form.getByLabel('Amount (€)').fill('20,00');
  await form.getByLabel(/Description on the payment/).fill('Festival top-up');
  await form.getByLabel('Event name').fill('Kassa Fest 2027');
  await form.getByRole('button', { name: 'Print codes' }).click();
  const progress = page.getByTestId('print-progress');
  await expect(progress.getByRole('progressbar', { name: 'Printing progress' })).toBeVisible();
  await expect(progress.getByRole('status')).toHaveText('48 codes ready.', { timeout: 20_000 });
  const href = await progress.getByRole('link', { name: 'Download the PDF' }).getAttribute('href');
  const response = await page.request.get(new URL(href ?? '', base).href);
  expect(response.headers()['content-type']).toContain('application/pdf');
  return response.body();
}

test('an organiser prints 48 fixed €20 codes; one is topped up, spent at the bar and refunded', async ({
  page,
  station,
  sim,
}) => {
  await page.goto(`${station.url}/topup`);
  const pdf = await printBatch(page, station.url);

  // Every code on page 1 reads back to exactly the payload of the wristband it names.
  const payloads = decodeFirstPage(pdf);
  expect(payloads.length).toBeGreaterThan(0);
  const first = parseTopupPayload(payloads[0] ?? '');
  if (!first?.reference) throw new Error(`not a top-up code: ${payloads[0]}`);
  for (const payload of payloads) {
    const code = parseTopupPayload(payload);
    expect(code?.ppid).toBe(first.ppid);
    expect(payload).toBe(
      buildTopupPayload({
        ppid: first.ppid,
        amountMode: 'fixed',
        description: 'Festival top-up',
        amountCents: 2000,
        reference: code?.reference ?? '',
      }),
    );
  }
  expect(new Set(payloads).size).toBe(payloads.length);

  // A festival-goer scans the first code and pays €20.
  const scanned = (await sim('/_sim/payer/scan', { payload: payloads[0] })) as { paymentId: string };
  await sim('/_sim/payer/confirm', { paymentId: scanned.paymentId });
  const wristbandId = first.reference;
  const panel = page.getByRole('region', { name: 'Wristband' });
  await panel.getByLabel('Wristband id (type or scan)').fill(wristbandId);
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(panel.getByTestId('wristband-balance')).toHaveText('€20.00', { timeout: 10_000 });

  // At the bar the scanner types the whole code and Enter.
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('7,50');
  await page.getByRole('button', { name: 'Pay with wristband' }).click();
  await page.getByLabel('Wristband', { exact: true }).fill(payloads[0] ?? '');
  await page.getByLabel('Wristband', { exact: true }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Paid with wristband' })).toBeVisible();
  await expect(page.getByTestId('wristband-balance')).toHaveText('Balance left: €12.50');

  // After the event the rest goes back to the payer's account.
  await page.goto(`${station.url}/topup`);
  const refunds = page.getByRole('region', { name: 'Refunds after the event' });
  await refunds.getByRole('button', { name: 'Fetch the payers’ accounts' }).click();
  await expect(refunds.getByRole('row').filter({ hasText: wristbandId })).toContainText('Ready');
  await refunds.getByLabel('Your account holder name').fill('Kassa Fest vzw');
  await refunds.getByLabel(/Your IBAN/).fill('BE68 5390 0754 7034');
  // Refund files wait for the end of the event, which the manager confirms.
  await expect(refunds.getByRole('button', { name: 'Export 1 refund(s)' })).toBeDisabled();
  const eventEnd = page.getByRole('region', { name: 'End of the event' });
  await eventEnd.getByRole('button', { name: 'End the event' }).click();
  await eventEnd.getByRole('button', { name: 'Yes, end the event' }).click();
  await expect(eventEnd.getByRole('button', { name: 'Undo: reopen the event' })).toBeVisible();
  await refunds.getByRole('button', { name: 'Export 1 refund(s)' }).click();
  const xmlHref = await refunds.getByRole('link', { name: 'SEPA file (XML)' }).getAttribute('href');
  const xml = await (await page.request.get(new URL(xmlHref ?? '', station.url).href)).text();
  expect(xml).toContain('pain.001.001.09');
  expect(xml).toMatch(/<InstdAmt Ccy="EUR">12\.50<\/InstdAmt>/);
  expect(xml).toContain('<DbtrAcct><Id><IBAN>BE68539007547034</IBAN></Id></DbtrAcct>');
  // The payer the simulator's banking app reports for every payment.
  expect(xml).toContain(`<CdtrAcct><Id><IBAN>${DEFAULT_DEBTOR.iban}</IBAN></Id></CdtrAcct>`);
  await expect(page.getByTestId('liability-outstandingCents')).toContainText('€0.00');
  await expect(eventEnd).toContainText('can no longer be undone');

  // The bar now refuses the wristband, saying why.
  await page.goto(station.url);
  await page.getByLabel('Amount', { exact: true }).fill('1,00');
  await page.getByRole('button', { name: 'Pay with wristband' }).click();
  await page.getByLabel('Wristband', { exact: true }).fill(payloads[0] ?? '');
  await page.getByLabel('Wristband', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toHaveText(
    'The event has ended: wristbands can no longer pay. Take cash or Bancontact instead.',
  );
});

test('in training the organiser plays a festival-goer topping up an open-amount wristband', async ({
  page,
  station,
}) => {
  await page.goto(`${station.url}/topup`);
  const form = page.getByRole('form', { name: 'Print wristband codes' });
  await form.getByLabel('Number of codes').fill('2');
  await form.getByLabel('Amount rule').selectOption('open');
  await form.getByLabel(/Description on the payment/).fill('Top-up');
  await form.getByLabel('Event name').fill('Kassa Fest');
  await form.getByRole('button', { name: 'Print codes' }).click();
  await expect(page.getByTestId('print-progress').getByRole('status')).toHaveText('2 codes ready.');
  const listed = await page.request.post(`${station.url}/api/topup.listBatches`, { data: {} });
  const [batch] = ((await listed.json()) as { value: Array<{ firstWristbandId: string }> }).value;
  const panel = page.getByRole('region', { name: 'Wristband' });
  await panel.getByLabel('Wristband id (type or scan)').fill(batch?.firstWristbandId ?? '');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(panel.getByTestId('wristband-balance')).toHaveText('€0.00');
  await panel.getByLabel(/Top up as a festival-goer/).fill('15,00');
  await panel.getByRole('button', { name: 'Scan and pay' }).click();
  await expect(panel.getByTestId('wristband-balance')).toHaveText('€15.00');
  await expect(panel.getByRole('table', { name: 'History' })).toContainText('Top-up');
});
