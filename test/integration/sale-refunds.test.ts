import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportView, Result, SaleView } from '../../shared/contract';
import type { BasketInput } from '../../shared/contract/basket-input';
import type { SaleReturnsView } from '../../shared/contract/returns-methods';
import { TRAINING_DISPLAY_PROFILE } from '../../electron/core/simulator';
import { databaseSql } from '../support/database-sql';
import { startFakePrinter } from '../support/fake-printer';
import { reportSales } from '../support/report-sales';
import { signInAs, type SignedIn } from '../support/sign-in';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';
import { seedWristbands } from '../support/wristbands';

/*
 * Refunds of past sales (issue 13, scope 6), as a manager makes them: a line given back to Bancontact
 * through the Refund API of the training simulator (real HTTP, signed with the station's key) until
 * REFUNDED, by cash out of the drawer, onto a wristband; the X and Z count them on the day, negative
 * per method and VAT rate; more than is left is refused; with the Refund API off, an IBAN and a SEPA file.
 */

let kassa: StationWithShell;
let manager: SignedIn;
let sales: ReturnType<typeof reportSales>;
let band: string;
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  [band] = (await seedWristbands(kassa.dataDir, { count: 1 })) as [string];
  sales = reportSales(kassa);
  databaseSql(kassa.dataDir, 'station').exec(`INSERT INTO articles
    (id, name, price_cents, vat_rate, active, shop_ids, created_at, updated_at) VALUES
    ('pils', 'Pils', 350, 21, 1, '[]', 0, 0), ('stew', 'Stoofvlees', 1450, 12, 1, '[]', 0, 0),
    ('fries', 'Frieten', 420, 6, 1, '[]', 0, 0)`);
  manager = await signInAs(kassa.station, 'manager');
  // Training refunds end after a fraction of a second of simulator time.
  await kassa.sim('/_sim/settings', { refundProcessingMs: 300 }, 'PATCH');
  // Onboarding: the station's key pair exists, and the embedded simulator reads its JWKS.
  await kassa.must('settings.getRefundSigningKey', {});
});
afterEach(async () => {
  await kassa.close();
});

/** 3 × Pils (21 %) 10.50, 1 × Stoofvlees (12 %) 14.50, 2 × Frieten (6 %) 8.40: 33.40. */
const BASKET: BasketInput = {
  lines: [
    { articleId: 'pils', quantity: 3 },
    { articleId: 'stew', quantity: 1 },
    { articleId: 'fries', quantity: 2 },
  ],
};
const AMOUNT = 3_340;
const codeOf = (result: Result<unknown>) => (result.ok ? 'OK' : result.error.code);
const lineOf = (view: SaleReturnsView, name: string) => view.lines.find((l) => l.name === name)!;

async function bancontactSale(): Promise<SaleView> {
  const started = await kassa.must('till.startPayment', {
    ...{ amountCents: AMOUNT, idempotencyKey: sales.key(), tillId: 'till-1', basket: BASKET },
  });
  await kassa.must('training.scan', { saleId: started.id });
  await kassa.must('training.confirm', { saleId: started.id });
  return kassa.saleUntil(started.id, (s) => s.status === 'paid');
}

/** Every total of a report is the sum of its lines. */
function expectTotalsAreTheSumOfLines(report: ReportView): void {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  expect(sum(report.byMethod.map((m) => m.cents))).toBe(report.sales.cents);
  expect(sum(report.byVatRate.map((v) => v.grossCents))).toBe(report.sales.cents);
  expect(sum(report.byVatRate.map((v) => v.netCents + v.vatCents))).toBe(report.sales.cents);
  const refunds = report.saleRefunds!;
  expect(sum(refunds.byMethod.map((m) => m.cents))).toBe(refunds.total.cents);
  expect(sum(refunds.byVatRate.map((v) => v.grossCents))).toBe(refunds.total.cents);
}

describe('a manager refunds lines of a past sale', () => {
  it('gives one line back to Bancontact until REFUNDED; the X shows it per method and rate, the Z adds up', async () => {
    const sale = await bancontactSale();
    const before = await manager.must('returns.get', { saleId: sale.id });
    expect(before.tenders).toEqual([
      {
        source: expect.stringMatching(/^p:/),
        method: 'bancontact_display',
        takenCents: AMOUNT,
        leftCents: AMOUNT,
      },
    ]);
    const stew = lineOf(before, 'Stoofvlees');
    const refund = await manager.must('returns.refund', {
      idempotencyKey: sales.key(),
      ...{ saleId: sale.id, tender: before.tenders[0]!.source, reason: 'cold' },
      lines: [{ saleLineId: stew.saleLineId, quantity: 1 }],
    });
    expect(refund).toMatchObject({ method: 'bancontact_display', amountCents: 1_450, status: 'pending' });
    // VAT once per refund, as on a sale: round(1450 × 12 / 112) = 155.
    expect(refund.byRate).toEqual([{ ratePercent: 12, grossCents: 1_450, netCents: 1_295, vatCents: 155 }]);
    const ended = await waitFor(
      async () => {
        const view = await manager.must('returns.get', { saleId: sale.id });
        return view.refunds[0]?.status === 'refunded' ? view : undefined;
      },
      15_000,
      'the refund to be REFUNDED',
    );
    expect(ended.tenders[0]).toMatchObject({ leftCents: AMOUNT - 1_450 });
    expect(lineOf(ended, 'Stoofvlees').refundableQuantity).toBe(0);
    // Bancontact holds the refund under the payment it gave back.
    const [row] = kassa.query<{ id: string | null }>('SELECT bancontact_refund_id id FROM sale_refunds');
    expect(row?.id).toEqual(expect.any(String));

    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 1, cents: AMOUNT - 1_450 });
    expect(x.byMethod.find((m) => m.method === 'bancontact_display')?.cents).toBe(AMOUNT - 1_450);
    expect(x.byVatRate.find((v) => v.ratePercent === 12)).toMatchObject({ grossCents: 0, vatCents: 0 });
    expect(x.saleRefunds?.total).toEqual({ count: 1, cents: -1_450 });
    expect(x.saleRefunds?.byMethod.find((m) => m.method === 'bancontact_display')).toMatchObject({
      count: 1,
      cents: -1_450,
    });
    expect(x.saleRefunds?.byVatRate).toEqual([
      { ratePercent: 12, count: 1, grossCents: -1_450, netCents: -1_295, vatCents: -155 },
    ]);
    expectTotalsAreTheSumOfLines(x);
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);

    const csv = await kassa.must('reports.exportCsv', { method: 'bancontact_display' });
    const text = await (await fetch(kassa.shell.url + csv.path)).text();
    expect(text).toContain('-14.50');
    const z = await kassa.must('reports.closeDay', {});
    expect(z.sales).toEqual(x.sales);
    expect(z.saleRefunds).toEqual(x.saleRefunds);
    expectTotalsAreTheSumOfLines(z);
    const zPdf = await kassa.must('reports.exportPdf', { kind: 'z', number: z.number! });
    const file = join(kassa.dataDir, 'z.pdf');
    writeFileSync(file, Buffer.from(await (await fetch(kassa.shell.url + zPdf.path)).arrayBuffer()));
    const zText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    expect(zText).toContain('Refunds per method Bancontact (display) 1 -€14.50');
    expect(zText).toMatch(/Refunds per VAT rate .* 12 % -€14\.50 -€12\.95 -€1\.55/);
  });

  it('gives cash back out of the drawer with a refund receipt, credits a wristband back; more than is left is refused', async () => {
    const printer = await startFakePrinter();
    const saved = await kassa.must('printers.save', {
      ...{ name: 'Bar', host: '127.0.0.1', port: printer.port, paperMm: 80, codePage: 'cp858', drawer: true },
    });
    await kassa.must('printers.setTill', {
      tillId: 'till-2',
      printerId: saved.printers[0]!.id,
      autoPrint: true,
    });
    await sales.topUp(band, 10_000);
    await kassa.must('drawer.open', { tillId: 'till-2', floatCents: 5_000 });
    const cash = await kassa.must('till.payCash', {
      ...{
        amountCents: AMOUNT,
        tenderedCents: 5_000,
        idempotencyKey: sales.key(),
        tillId: 'till-2',
        basket: BASKET,
      },
    });
    const paidByBand = await kassa.must('till.payWithWristband', {
      ...{
        amountCents: AMOUNT,
        idempotencyKey: sales.key(),
        tillId: 'bar-1',
        wristbandId: band,
        basket: BASKET,
      },
    });
    const cashView = await manager.must('returns.get', { saleId: cash.sale.id });
    const fries = lineOf(cashView, 'Frieten');
    const drawerBefore = await kassa.must('drawer.get', { tillId: 'till-2' });
    const cashBack = await manager.must('returns.refund', {
      idempotencyKey: sales.key(),
      ...{ saleId: cash.sale.id, tender: cashView.tenders[0]!.source },
      lines: [{ saleLineId: fries.saleLineId, quantity: 2 }],
    });
    expect(cashBack).toMatchObject({ method: 'cash', status: 'refunded', amountCents: 840 });
    const drawerAfter = await kassa.must('drawer.get', { tillId: 'till-2' });
    expect(drawerAfter!.expectedCents).toBe(drawerBefore!.expectedCents - 840);
    // The refund receipt follows the sale's in the till's series: what went back, negative.
    await printer.waitForPrints(2);
    const refundText = printer.decoded()[1]!.text;
    await printer.stop();
    expect(refundText).toContain('Refund 2');
    expect(refundText).toMatch(/Frieten[\s\S]*-€8.40/);
    expect(refundText).toMatch(/Cash\s+-€8.40/);
    expect(refundText).toMatch(/6 %\s+-7,92\s+-0,48\s+-8,40/);

    const bandView = await manager.must('returns.get', { saleId: paidByBand.id });
    const pils = lineOf(bandView, 'Pils');
    const balance = (await kassa.must('wristbands.get', { wristbandId: band })).balanceCents;
    const credited = await manager.must('returns.refund', {
      idempotencyKey: sales.key(),
      ...{ saleId: paidByBand.id, tender: bandView.tenders[0]!.source },
      lines: [{ saleLineId: pils.saleLineId, quantity: 1 }],
    });
    // One of three: 1050 × 1/3 = 350.
    expect(credited).toMatchObject({ method: 'wristband', status: 'refunded', amountCents: 350 });
    const after = await kassa.must('wristbands.get', { wristbandId: band });
    expect(after.balanceCents).toBe(balance + 350);
    expect(after.entries[0]).toMatchObject({ kind: 'credit', amountCents: 350 });

    const tooMany = await manager.call('returns.refund', {
      idempotencyKey: sales.key(),
      ...{ saleId: cash.sale.id, tender: cashView.tenders[0]!.source },
      lines: [{ saleLineId: fries.saleLineId, quantity: 1 }],
    });
    expect(tooMany.ok ? null : tooMany.error).toMatchObject({
      code: 'REFUND_AMOUNT_TOO_HIGH',
      fields: ['lines.0.quantity'],
    });
    const cashier = await signInAs(kassa.station, 'cashier');
    const byCashier = await cashier.call('returns.refund', {
      idempotencyKey: sales.key(),
      ...{ saleId: cash.sale.id, tender: cashView.tenders[0]!.source },
      lines: [{ saleLineId: lineOf(cashView, 'Pils').saleLineId, quantity: 1 }],
    });
    expect(codeOf(byCashier)).toBe('FORBIDDEN');
    expect(kassa.query('SELECT id FROM sale_refunds')).toHaveLength(2);

    const x = await kassa.must('reports.getX', {});
    expect(x.saleRefunds?.total).toEqual({ count: 2, cents: -1_190 });
    expect(x.byMethod.find((m) => m.method === 'cash')?.cents).toBe(AMOUNT - 840);
    expect(x.byMethod.find((m) => m.method === 'wristband')?.cents).toBe(AMOUNT - 350);
    expect(x.wristbands.outstandingCents).toBe(10_000 - AMOUNT + 350);
    expectTotalsAreTheSumOfLines(x);
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
  });

  it('with the Refund API off, waits for the payer’s IBAN and makes a SEPA file', async () => {
    await kassa.sim(`/_sim/profiles/${TRAINING_DISPLAY_PROFILE.ppid}/refund-api`, { enabled: false }, 'PUT');
    const sale = await bancontactSale();
    const view = await manager.must('returns.get', { saleId: sale.id });
    const refund = await manager.must('returns.refund', {
      idempotencyKey: sales.key(),
      ...{ saleId: sale.id, tender: view.tenders[0]!.source },
      lines: [{ saleLineId: lineOf(view, 'Pils').saleLineId, quantity: 3 }],
    });
    expect(refund).toMatchObject({
      status: 'awaiting_iban',
      problemCode: 'REFUND_BY_IBAN',
      amountCents: 1_050,
    });
    const pay = {
      ...{ refundId: refund.id, iban: 'BE71 0961 2345 6769', name: 'Anna Peeters' },
      ...{ debtorName: 'Café De Kassa', debtorIban: 'BE68539007547034', executionDate: '2026-12-07' },
    };
    const wrong = await manager.call('returns.payByIban', { ...pay, iban: 'BE71 0961 2345 6768' });
    expect(wrong.ok ? null : wrong.error).toMatchObject({ code: 'INVALID_INPUT', fields: ['iban'] });
    const paid = await manager.must('returns.payByIban', pay);
    expect(paid.refund).toMatchObject({ status: 'refunded', ibanMasked: 'BE**********6769' });
    const doc = new JSDOM(paid.xml, { contentType: 'application/xml' }).window.document;
    const text = (selector: string) => doc.querySelector(selector)?.textContent;
    expect(doc.documentElement.namespaceURI).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.09');
    expect(text('GrpHdr > NbOfTxs')).toBe('1');
    expect(text('GrpHdr > CtrlSum')).toBe('10.50');
    expect(text('CdtTrfTxInf InstdAmt')).toBe('10.50');
    expect(text('CdtrAcct IBAN')).toBe('BE71096123456769');
    expect(text('Cdtr > Nm')).toBe('Anna Peeters');
    expect(text('DbtrAcct IBAN')).toBe('BE68539007547034');
    expect(text('ReqdExctnDt > Dt')).toBe('2026-12-07');
    expect(codeOf(await manager.call('returns.payByIban', pay))).toBe('CONFLICT');

    const x = await kassa.must('reports.getX', {});
    expect(x.saleRefunds?.byVatRate).toEqual([
      { ratePercent: 21, count: 1, grossCents: -1_050, netCents: -868, vatCents: -182 },
    ]);
    expectTotalsAreTheSumOfLines(x);
  });
  it('refunds the Bancontact part of an open split sale that is cancelled, right after the cancel', async () => {
    const started = await kassa.must('till.startPayment', {
      ...{ amountCents: 2_500, tenderCents: 1_000, idempotencyKey: sales.key(), tillId: 'till-1' },
    });
    await kassa.must('training.scan', { saleId: started.id });
    await kassa.must('training.confirm', { saleId: started.id });
    await kassa.saleUntil(started.id, (s) => s.payment?.status === 'SUCCEEDED');
    expect(await kassa.must('till.cancelSale', { saleId: started.id })).toMatchObject({
      status: 'cancelled',
    });
    // Asked at Bancontact by the cancel itself: no returns.* call is made here.
    const [row] = await waitFor(
      () => {
        const rows = kassa.query<{ status: string; id: string | null }>(
          'SELECT status, bancontact_refund_id id FROM sale_refunds',
        );
        return rows[0]?.status === 'refunded' ? rows : undefined;
      },
      15_000,
      'the cancelled part to be REFUNDED',
    );
    expect(row?.id).toEqual(expect.any(String));
    // A cancelled sale is no sale and its give-back no refund; the method shows the part taken and given back.
    const x = await kassa.must('reports.getX', {});
    expect(x.sales).toEqual({ count: 0, cents: 0 });
    expect(x.saleRefunds?.total).toEqual({ count: 0, cents: 0 });
    expect(x.byMethod.find((m) => m.method === 'bancontact_display')).toMatchObject({ count: 1, cents: 0 });
    expect((await kassa.must('reports.rebuildTotals', {})).differences).toBe(0);
  });
});
