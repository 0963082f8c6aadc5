import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrintQueueView } from '../../shared/contract/receipt-methods';
import { startFakePrinter, type FakePrinter } from '../support/fake-printer';
import { startTestSimulator, startTestStation, type TestStation } from '../support/station-in-process';
import { waitFor } from '../support/temp';

type Sim = Awaited<ReturnType<typeof startTestSimulator>>;
let sim: Sim;
let kassa: TestStation;
let printer: FakePrinter;
let printerId: string;

beforeEach(async () => {
  sim = await startTestSimulator();
  kassa = await startTestStation({ simulatorUrl: sim.baseUrl });
  printer = await startFakePrinter();
  const saved = await kassa.must('printers.save', {
    ...{ name: 'Bar', host: '127.0.0.1', port: printer.port, paperMm: 58, codePage: 'cp858', drawer: true },
  });
  printerId = saved.printers[0]!.id;
  await kassa.must('printers.setTill', { tillId: 'till-1', printerId, autoPrint: true });
});
afterEach(async () => {
  await kassa.close();
  await printer.stop();
  await sim.close();
});

let keys = 0;
const payCash = (amountCents: number, tillId = 'till-1') =>
  kassa.must('till.payCash', {
    amountCents,
    tenderedCents: 5_000,
    idempotencyKey: `cash-${++keys}-${tillId}`,
    tillId,
  });
const queueUntil = (predicate: (view: PrintQueueView) => boolean) =>
  waitFor(
    async () => {
      const view = await kassa.must('receipts.queue', {});
      return predicate(view) ? view : undefined;
    },
    5_000,
    'print queue',
  );
const settle = () => new Promise((resolve) => setTimeout(resolve, 800));

describe('receipts on a network printer', () => {
  it('prints a finished Bancontact sale by itself, with its number and payment id', async () => {
    const sale = await kassa.must('till.startPayment', {
      amountCents: 1234,
      idempotencyKey: 'bancontact-sale-1',
    });
    await kassa.must('training.scan', { saleId: sale.id });
    await kassa.must('training.confirm', { saleId: sale.id });
    const [print] = await printer.waitForPrints(1);
    const text = printer.decoded()[0]!.text;
    expect(print!.length).toBeGreaterThan(100);
    expect(text).toContain('Receipt 1');
    expect(text).toMatch(/Bancontact\s+€12.34/);
    expect(text).toContain(sale.payment!.bancontactId!);
    expect(printer.decoded()[0]!.drawerPulses).toBe(0);
    const receipt = await kassa.must('receipts.get', { saleId: sale.id });
    expect(receipt).toMatchObject({ number: 1, grossCents: 1234, tenders: [{ method: 'bancontact' }] });
  });

  it('keeps the receipt of a sale made while the printer is offline and prints it once when it is back', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await printer.stop();
    const sale = await payCash(750);
    expect(sale.sale.status).toBe('paid');
    const waiting = await queueUntil((view) => view.printers[0]?.state === 'offline');
    expect(waiting.printers[0]).toMatchObject({ name: 'Bar', waiting: 1, state: 'offline' });
    // The tills hear it: a station event says the printer is offline with one receipt waiting.
    await waitFor(
      () => kassa.events.some((e) => e.name === 'receipts.queue' && e.payload.printers[0]?.waiting === 1),
      5_000,
      'the queue event',
    );
    await printer.start();
    await printer.waitForPrints(1);
    await queueUntil((view) => view.printers[0]?.state === 'online' && view.printers[0].waiting === 0);
    await settle();
    expect(printer.prints).toHaveLength(1);
    const printed = printer.decoded()[0]!;
    // A cash sale at a printer with a drawer wired opens the drawer.
    expect(printed.drawerPulses).toBe(1);
    expect(printed.text).toMatch(/Cash\s+€7.50/);
    expect(printed.text).toMatch(/Change\s+€42.50/);
  });

  it('numbers the receipts of two tills selling at once without gaps or duplicates', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    await kassa.must('drawer.open', { tillId: 'till-2', floatCents: 0 });
    const sales = await Promise.all(
      Array.from({ length: 20 }, (_, i) => payCash(100 + i, i % 2 === 0 ? 'till-1' : 'till-2')),
    );
    const numbers = async (tillId: string) => {
      const views = await Promise.all(
        sales
          .filter((s) => s.sale.tillId === tillId)
          .map((s) => kassa.must('receipts.get', { saleId: s.sale.id })),
      );
      return views.map((v) => v.number).sort((a, b) => a - b);
    };
    const oneToTen = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(await numbers('till-1')).toEqual(oneToTen);
    expect(await numbers('till-2')).toEqual(oneToTen);
  });

  it('reprints a receipt as a copy, and sends a test page', async () => {
    await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 0 });
    const sale = await payCash(300);
    await printer.waitForPrints(1);
    await kassa.must('receipts.reprint', { saleId: sale.sale.id });
    await printer.waitForPrints(2);
    const [original, copy] = printer.decoded();
    expect(original!.text).not.toContain('COPY');
    expect(copy!.text).toContain('COPY 1');
    expect(copy!.text).toContain('Receipt 1');
    // A reprint does not open the drawer again.
    expect(copy!.drawerPulses).toBe(0);
    expect(await kassa.must('printers.testPage', { printerId })).toEqual({ printed: true, error: null });
    await printer.waitForPrints(3);
    expect(printer.decoded()[2]!.text).toContain('é ë ç à ü €');
  });
});
