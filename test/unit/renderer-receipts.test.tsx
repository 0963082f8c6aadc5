// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintQueueView } from '../../shared/contract/receipt-methods';
import type { Locale } from '../../shared/domain/money';
import { PrinterNotice } from '../../renderer/src/features/receipts/PrinterNotice';
import { ReceiptPreview } from '../../renderer/src/features/receipts/ReceiptPreview';
import { TransactionReceipt } from '../../renderer/src/features/receipts/TransactionReceipt';
import { createI18n } from '../../renderer/src/i18n';
import { sampleReceipt } from '../support/receipt-sample';
import { fakeStation, flush, ok } from '../support/renderer-app';

let root: Root | null = null;
let container: HTMLElement;

async function render(node: ReactNode, locale: Locale = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root!.render(<I18nextProvider i18n={createI18n(locale)}>{node}</I18nextProvider>));
  await flush();
}

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  container.remove();
});

/** The paper's rows as a reader sees them: each row's text, its parts joined by one space. */
const paperRows = () =>
  [...container.querySelectorAll('[data-testid="receipt-paper"] > *')].map((row) =>
    row.children.length > 0
      ? [...row.children].map((part) => part.textContent).join(' ')
      : (row.textContent ?? ''),
  );
const squash = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('ReceiptPreview', () => {
  it('draws the receipt as printed: number, lines, discounts, VAT per rate, tenders and the payment id', async () => {
    const station = fakeStation({
      'receipts.get': () => ok(sampleReceipt({ hasLogo: true, changeCents: 0 })),
    });
    await render(<ReceiptPreview saleId="sale-1" />);
    expect(station.called('receipts.get')).toEqual([{ saleId: 'sale-1' }]);
    const rows = paperRows().map(squash);
    expect(rows).toContain('Café Zoë');
    expect(rows).toContain('VAT BE0123456789');
    expect(rows.some((row) => /^Receipt 42 2026-07-01 14:34$/.test(row))).toBe(true);
    expect(rows).toContain('Till: Bar links · Cashier: Anaïs');
    expect(rows).toContain('Crème brûlée €13.00');
    expect(rows).toContain('2 x €6.50');
    expect(rows).toContain('discount -€1.00');
    expect(rows).toContain('Discount -€1.95');
    expect(rows).toContain('TOTAL €17.55');
    expect(rows).toContain('Rate Net VAT Gross');
    expect(rows).toContain('12 % 9,64 1,16 10,80');
    expect(rows).toContain('Wristband €10.00');
    expect(rows).toContain('Bancontact €7.55');
    expect(rows).toContain('ID bc-payment-1234');
    expect(container.querySelector('.receipt-logo')?.getAttribute('src')).toBe('/downloads/logo');
    const pdf = [...container.querySelectorAll('a')].find((a) => a.textContent === 'PDF');
    expect(pdf?.getAttribute('href')).toBe('/downloads/receipts/sale-1.pdf');
  });

  it('formats amounts in the screen’s language, and shows the change given back', async () => {
    const cash = {
      ...{ method: 'cash' as const, amountCents: 1755, bancontactId: null, wristbandId: null },
      ...{ tenderedCents: 2000, changeCents: 245, roundingCents: null },
    };
    fakeStation({ 'receipts.get': () => ok(sampleReceipt({ tenders: [cash], changeCents: 245 })) });
    await render(<ReceiptPreview saleId="sale-1" />, 'fr');
    const rows = paperRows().map(squash);
    expect(rows.some((row) => /^Ticket de caisse 42/.test(row))).toBe(true);
    expect(rows).toContain('TOTAL 17,55 €');
    expect(rows).toContain('Espèces 17,55 €');
    expect(rows).toContain('Reçu 20,00 €');
    expect(rows).toContain('Rendu 2,45 €');
  });

  it('prints again as a copy on request and says so; a refusal is said in words', async () => {
    let configured = true;
    const station = fakeStation({
      'receipts.get': () => ok(sampleReceipt()),
      'receipts.reprint': () =>
        configured
          ? ok({ printers: [] })
          : { ok: false, error: { code: 'NOT_CONFIGURED', message: 'Till till-1 has no printer' } },
    });
    await render(<ReceiptPreview saleId="sale-1" />, 'nl');
    const printAgain = () =>
      [...container.querySelectorAll('button')].find((b) => b.textContent === 'Opnieuw afdrukken')!;
    await act(async () => printAgain().click());
    await flush();
    expect(station.called('receipts.reprint')).toEqual([{ saleId: 'sale-1' }]);
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Als kopie naar de printer gestuurd.',
    );
    configured = false;
    await act(async () => printAgain().click());
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Deze kassa heeft geen printer. Een beheerder kiest er een in Instellingen → Printers.',
    );
  });
});

const queue = (state: 'online' | 'offline' | 'unknown', waiting: number): PrintQueueView => ({
  printers: [
    { printerId: 'p1', name: 'Bar', state, waiting, lastError: state === 'offline' ? 'ECONNREFUSED' : null },
  ],
});

describe('PrinterNotice', () => {
  it('says the printer is offline while receipts wait for it, and goes once they printed', async () => {
    const station = fakeStation({ 'receipts.queue': () => ok(queue('online', 0)) });
    await render(<PrinterNotice />);
    expect(container.querySelector('[data-testid="printer-notice"]')).toBeNull();
    await station.emit({ name: 'receipts.queue', payload: queue('offline', 2) });
    expect(container.querySelector('[data-testid="printer-notice"]')?.textContent).toBe(
      'Printer Bar offline — the receipt will print when it is back. Receipts waiting: 2',
    );
    await station.emit({ name: 'receipts.queue', payload: queue('online', 0) });
    expect(container.querySelector('[data-testid="printer-notice"]')).toBeNull();
  });

  it('shows a printer already offline when the till opens, in the till’s language', async () => {
    fakeStation({ 'receipts.queue': () => ok(queue('offline', 1)) });
    await render(<PrinterNotice />, 'fr');
    expect(container.textContent).toContain(
      'Imprimante Bar hors ligne — le ticket s’imprimera dès son retour.',
    );
  });
});

describe('TransactionReceipt (Closing, a transaction of a sale)', () => {
  it('offers Print again and PDF for a sale that took the money, and prints a copy', async () => {
    const station = fakeStation({ 'receipts.reprint': () => ok({ printers: [] }) });
    await render(<TransactionReceipt row={{ saleId: 's-9', status: 'succeeded', method: 'cash' }} />);
    const pdf = [...container.querySelectorAll('a')].find((a) => a.textContent === 'PDF');
    expect(pdf?.getAttribute('href')).toBe('/downloads/receipts/s-9.pdf');
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Print again')!;
    await act(async () => button.click());
    await flush();
    expect(station.called('receipts.reprint')).toEqual([{ saleId: 's-9' }]);
  });

  it('offers nothing for a refused payment, a top-up or a refund', async () => {
    fakeStation({});
    for (const row of [
      { saleId: 's-1', status: 'refused', method: 'bancontact_display' },
      { saleId: null, status: 'succeeded', method: 'topup' },
      { saleId: 's-2', status: 'succeeded', method: 'refund' },
    ] as const) {
      await render(<TransactionReceipt row={row} />);
      expect(container.textContent, row.method).toBe('');
      act(() => root!.unmount());
      root = null;
      container.remove();
      container = document.createElement('div');
    }
  });
});
