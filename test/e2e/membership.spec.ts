import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startPproSimulatorServer, type PproSimulatorServer } from '../../electron/core/ppro-simulator';
import type { AgreementDetailView, AgreementTillView } from '../../shared/contract';
import { simControl, testPproClient } from '../support/agreement-charges';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { decodeQrPng } from '../support/qr-decode';
import { SmtpSink } from '../support/smtp-sink';
import { spawnStation, type StationProcess } from '../support/station-process';
import { api, expect, test } from './fixtures';

/*
 * Issue 15's first "Done when", in Chromium against a real station in training: a cashier sells a
 * monthly membership at the till by touch, the customer display's QR is read with zbarimg and the
 * simulated consumer authorises what it read; the first charge is paid and its receipt printed. PPRO's
 * clock then moves month by month: three more charges, one per month, the station killed with SIGKILL
 * while PPRO holds its answer to the second one, and after the restart still one charge for that month.
 * Every charge's receipt reaches the test's SMTP server. The PPRO simulator runs in the test, so it
 * outlives the station. Only the setting up (mail server, article, printer) and the reading of what
 * the screens are compared with go through the contract and PPRO's API.
 */

test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true });

const TILL = 'till-1';
const CUSTOMER = { name: 'Mathilde Verstraeten', email: 'mathilde@member.test' };
const ADVANCE_PAST_DUE_MS = 60_000;

let sim: PproSimulatorServer | null = null;
let sink: SmtpSink | null = null;
let printer: FakePrinter | null = null;
let station: StationProcess | null = null;

test.afterEach(async () => {
  await station?.kill();
  await sim?.close();
  await sink?.stop();
  await printer?.stop();
  station = sim = sink = printer = null;
});

type Call = <T>(method: string, input?: unknown) => Promise<T>;

/** An administrator's setting up: the mail server (the sink), a monthly membership, till-1's printer. */
async function setUp(call: Call, mail: SmtpSink, paper: FakePrinter): Promise<void> {
  await call('mail.saveSettings', {
    ...{ smtpHost: '127.0.0.1', smtpPort: mail.port, smtpSecurity: 'none' },
    ...{ smtpUser: mail.user, password: mail.password, fromAddress: 'kassa@club.test' },
    ...{ contactEmail: 'bestuur@club.test', contactPhone: '+32 9 222 33 44' },
  });
  await call('articles.save', {
    ...{ name: 'Lidmaatschap', priceCents: 2_500, vatRate: 21, category: 'Club' },
    recurringPlan: { kind: 'plan', period: 'month', chargeCount: 12 },
  });
  const printers = { name: 'Bar', host: '127.0.0.1', port: paper.port, paperMm: 80 };
  const saved = await call<{ printers: Array<{ id: string }> }>('printers.save', printers);
  await call('printers.setTill', { tillId: TILL, printerId: saved.printers[0]!.id, autoPrint: true });
}

/** The cashier taps the membership and fills its form by touch: name, e-mail, language, the terms. */
async function sellAtTheTill(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Lidmaatschap/ }).tap();
  const form = page.getByRole('dialog', { name: 'Recurring payment: Lidmaatschap' });
  await form.getByLabel('Customer’s name').fill(CUSTOMER.name);
  await form.getByLabel('E-mail address for the receipts').fill(CUSTOMER.email);
  await form.getByLabel('Language of the receipts').selectOption('nl');
  await form.getByRole('checkbox', { name: /The customer approved the terms/ }).tap();
  await form.getByRole('button', { name: 'Show the QR code' }).tap();
  await expect(form.getByRole('status')).toHaveText(/^Waiting for the customer to scan the QR code/);
}

/** What the customer's phone reads off the display: the QR as pixels, decoded by zbarimg. */
async function scanTheDisplay(display: Page): Promise<string> {
  const shown = display.getByTestId('customer-agreement');
  await expect(shown).toContainText('you pay the first €25.00 now');
  const codes = decodeQrPng(await shown.getByRole('img').screenshot());
  expect(codes).toHaveLength(1);
  return codes[0]!;
}

/** The agreement at PPRO: the code it gave the display, as PPRO's API answers it. */
async function pproCodePayload(pproId: string): Promise<string> {
  const agreement = await testPproClient(sim!.baseUrl).getAgreement(pproId);
  const scan = agreement.authenticationMethods.find((m) => m.type === 'SCAN_CODE');
  return scan!.details.codePayload!;
}

const simNow = async () => Date.parse((await simControl<{ now: string }>(sim!.baseUrl, '/clock')).now);
const heldCharges = async () => (await simControl<{ chargeIds: string[] }>(sim!.baseUrl, '/held')).chargeIds;

/** PPRO's clock moves just past the agreement's next due date, as Kassa names it. */
async function moveToNextCharge(call: Call, agreementId: string): Promise<number> {
  const { nextChargeAt } = await call<AgreementDetailView>('agreements.detail', { agreementId });
  expect(nextChargeAt).not.toBeNull();
  const ms = nextChargeAt! + ADVANCE_PAST_DUE_MS - (await simNow());
  await simControl(sim!.baseUrl, '/clock/advance', { ms });
  return nextChargeAt!;
}

/** Waits (bounded) until Kassa has `count` charges captured on the agreement. */
async function capturedInKassa(call: Call, agreementId: string, count: number): Promise<void> {
  const captured = async () =>
    (await call<AgreementDetailView>('agreements.detail', { agreementId })).charges.filter(
      (c) => c.status === 'captured',
    ).length;
  await expect.poll(captured, { timeout: 30_000, intervals: [250] }).toBe(count);
}

/**
 * The second month: PPRO makes the charge and holds its answer; once Kassa's request waits there,
 * the whole station is killed, the answer let go, and the station started again on its data folder.
 */
async function killWhileHeld(call: Call, agreementId: string, dataDir: string) {
  await simControl(sim!.baseUrl, '/hold-next-charge', {});
  const due = await moveToNextCharge(call, agreementId);
  await expect.poll(heldCharges, { timeout: 20_000, intervals: [100] }).toHaveLength(1);
  const [heldId] = await heldCharges();
  const port = Number(new URL(station!.url).port);
  await station!.kill();
  await simControl(sim!.baseUrl, '/release', {});
  // The same port: the page's address (and PPRO's webhooks URL) stay the station's.
  station = await spawnStation({ dataDir, port, pproSimulatorUrl: sim!.baseUrl });
  return { due, heldId: heldId!, url: station.url };
}

/** The Agreements screen in the browser: the membership opens with its four charges, each paid. */
async function expectAgreementsScreen(page: Page, pproChargeIds: string[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Agreements' }).tap();
  const table = page.getByRole('table', { name: 'Agreements' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('4 of 12');
  await table.getByRole('button', { name: 'Open' }).tap();
  const rows = page.getByRole('table', { name: 'Charges' }).locator('tbody tr');
  await expect(rows).toHaveCount(4);
  for (const [n, chargeId] of pproChargeIds.entries()) {
    await expect(rows.nth(n).getByRole('cell').nth(2)).toHaveText('Paid');
    await expect(rows.nth(n).locator('code')).toHaveText(chargeId);
  }
}

/** Closing's transaction list: the four charges under their own method. */
async function expectTransactions(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Closing' }).tap();
  const rows = page.getByRole('region', { name: 'Transactions' }).getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Bancontact recurring' })).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Bancontact recurring' }).filter({ hasText: '€25.00' })).toHaveCount(4);
}

test('Done when (issue 15): a monthly membership sold at the till, charged three more months across a SIGKILL, every receipt e-mailed', async ({
  page,
  dataDir,
}) => {
  test.setTimeout(180_000);
  sim = await startPproSimulatorServer({ port: 0, storeFile: join(dataDir, 'test-ppro-simulator.sqlite') });
  sink = await new SmtpSink().start();
  printer = await startFakePrinter();
  station = await spawnStation({ dataDir, pproSimulatorUrl: sim.baseUrl });
  const base = station.url;
  const call: Call = (method, input) => api(page, base, method, input ?? {});
  await page.goto(base);
  await setUp(call, sink, printer);
  const display = await page.context().newPage();
  await display.goto(`${base}/customer`);
  await page.reload();

  // The sale at the till; the customer scans the display's QR and authorises what they read.
  await sellAtTheTill(page);
  const sold = (await call<AgreementTillView>('agreements.getForTill', { tillId: TILL }))!;
  const payload = await scanTheDisplay(display);
  expect(payload).toBe(await pproCodePayload(sold.pproId!));
  await simControl(sim.baseUrl, '/consumer/authorise', { codePayload: payload });
  const form = page.getByRole('dialog', { name: 'Recurring payment: Lidmaatschap' });
  await expect(form.getByRole('status')).toHaveText(/^Approved and paid\. The next payment is on /, {
    timeout: 10_000,
  });
  await printer.waitForPrints(1, 15_000);
  const receipt = printer.decoded()[0]!.text;
  expect(receipt).toMatch(/^Receipt 1\s/m);
  expect(receipt).toMatch(/^Lidmaatschap\s+€25\.00$/m);
  expect(receipt).toMatch(/^TOTAL\s+€25\.00$/m);
  expect(receipt).toMatch(/^Bancontact recurring\s+€25\.00$/m);
  await form.getByRole('button', { name: 'Close' }).tap();
  await display.close();

  // Three months, one at a time; the second one's answer held and the station killed meanwhile.
  const agreementId = sold.id;
  const dues: number[] = [];
  dues.push(await moveToNextCharge(call, agreementId));
  await capturedInKassa(call, agreementId, 2);
  const held = await killWhileHeld(call, agreementId, dataDir);
  expect(held.url).toBe(base);
  dues.push(held.due);
  await capturedInKassa(call, agreementId, 3);
  dues.push(await moveToNextCharge(call, agreementId));
  await capturedInKassa(call, agreementId, 4);

  // PPRO: the first charge and exactly one per month after it, the held one among them.
  const atPpro = await testPproClient(sim.baseUrl).listCharges(sold.pproId!);
  expect(atPpro.map((c) => [c.status, c.amount])).toEqual(Array(4).fill(['CAPTURED', 2_500]));
  expect(atPpro[2]!.id).toBe(held.heldId);
  for (const [n, due] of dues.entries()) {
    const made = Date.parse(atPpro[n + 1]!.createdAt);
    expect(made).toBeGreaterThanOrEqual(due);
    expect(made).toBeLessThan(due + 86_400_000);
  }
  const ids = atPpro.map((c) => c.id);
  await page.reload();
  await expectAgreementsScreen(page, ids);
  await expectTransactions(page);

  // One receipt per charge at the customer's address, in Dutch, each naming its PPRO charge.
  const mails = await sink.waitFor(4, 20_000);
  expect(mails).toHaveLength(4);
  for (const mail of mails) expect(mail.to).toEqual([CUSTOMER.email]);
  for (const [n, id] of ids.entries()) {
    const naming = mails.filter((mail) => mail.text.includes(id));
    expect(naming).toHaveLength(1);
    expect(naming[0]!.text).toContain(`betaling ${n + 1} van 12 (maandelijks)`);
  }
});
