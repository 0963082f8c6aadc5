// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrintersView, PrinterView } from '../../shared/contract/receipt-methods';
import type { Locale } from '../../shared/domain/money';
import { PrintersSection } from '../../renderer/src/features/settings/PrintersSection';
import { createI18n } from '../../renderer/src/i18n';
import { fakeStation, flush, ok } from '../support/renderer-app';

let root: Root | null = null;
let container: HTMLElement;

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  container.remove();
});

/** A station that keeps its printers as printers.* would: saved, routed to tills, tested. */
function printerStation() {
  const state: PrintersView = { printers: [], tills: [] };
  let ids = 0;
  return fakeStation({
    'printers.list': () => ok({ ...state }),
    'settings.getSalesSetup': () => ok({ tills: [{ tillId: 'bar-2' }] }),
    'devices.list': () => ok([{ tillId: 'terrace' }, { tillId: null }]),
    'printers.save': (input) => {
      const printer = { ...input, id: (input.id as string) ?? `p${++ids}` } as PrinterView;
      state.printers = [...state.printers.filter((p) => p.id !== printer.id), printer];
      return ok({ ...state });
    },
    'printers.setTill': (input) => {
      const till = input as { tillId: string; printerId: string; autoPrint: boolean };
      state.tills = [...state.tills.filter((t) => t.tillId !== till.tillId), till];
      return ok({ ...state });
    },
    'printers.remove': (input) => {
      state.printers = state.printers.filter((p) => p.id !== input.printerId);
      state.tills = state.tills.filter((t) => t.printerId !== input.printerId);
      return ok({ ...state });
    },
    'printers.testPage': (input) =>
      ok(
        input.printerId === 'p1'
          ? { printed: true, error: null }
          : { printed: false, error: 'connect ECONNREFUSED 127.0.0.1:9100' },
      ),
  });
}

async function render(locale: Locale = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <PrintersSection />
      </I18nextProvider>,
    ),
  );
  await flush();
}

/** Types into an input or picks in a select, as React hears it. */
async function fill(selector: string, value: string) {
  const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!el) throw new Error(`no field ${selector}`);
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
  await flush();
}

async function press(name: string, within: ParentNode = container) {
  const button = [...within.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
  await flush();
}

async function addPrinter(name: string, host: string, paper: '58' | '80', drawer: boolean) {
  await press('Add a printer');
  await fill('#printer-name', name);
  await fill('#printer-host', host);
  await fill('#printer-paper', paper);
  if (drawer)
    await act(async () => container.querySelector<HTMLInputElement>('.printer-drawer input')!.click());
  await press('Save printer');
}

describe('Settings → Printers', () => {
  it('adds a network printer with its paper, port 9100 and drawer, and routes a till to it', async () => {
    const station = printerStation();
    await render();
    expect(container.textContent).toContain('No printer yet.');
    await addPrinter('Bar', '192.168.1.50', '58', true);
    expect(station.called('printers.save')).toEqual([
      { name: 'Bar', host: '192.168.1.50', port: 9100, paperMm: 58, codePage: 'cp858', drawer: true },
    ]);
    expect(container.querySelector('[data-testid="printer-Bar"]')?.textContent).toContain(
      'Bar 192.168.1.50:9100 · 58 mm (32 columns) · cp858 · Cash drawer',
    );
    expect(container.querySelector('#printer-name')).toBeNull();
    const tills = [...container.querySelectorAll('.till-printing tbody th')].map((th) => th.textContent);
    expect(tills).toEqual(['bar-2', 'terrace', 'till-1']);
    await fill('select[aria-label="Printer till-1"]', 'p1');
    expect(station.called('printers.setTill')).toEqual([
      { tillId: 'till-1', printerId: 'p1', autoPrint: true },
    ]);
    await act(async () =>
      container.querySelector<HTMLInputElement>('[aria-label="Print every sale by itself till-1"]')!.click(),
    );
    await flush();
    expect(station.called('printers.setTill')[1]).toEqual({
      tillId: 'till-1',
      printerId: 'p1',
      autoPrint: false,
    });
  });

  it('prints a test page and says whether the printer took it', async () => {
    printerStation();
    await render();
    await addPrinter('Bar', '192.168.1.50', '80', false);
    await addPrinter('Keuken', '192.168.1.51', '80', false);
    await press('Print test page', container.querySelector('[data-testid="printer-Bar"]')!);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('The test page was printed on Bar.');
    await press('Print test page', container.querySelector('[data-testid="printer-Keuken"]')!);
    expect(container.querySelector('[data-testid="printer-Keuken"] [role="alert"]')?.textContent).toBe(
      'Keuken did not take the test page: connect ECONNREFUSED 127.0.0.1:9100',
    );
  });

  it('edits a printer in Dutch, keeping its id', async () => {
    const station = printerStation();
    await render('nl');
    await press('Printer toevoegen');
    await fill('#printer-name', 'Bar');
    await fill('#printer-host', 'bar.local');
    await press('Printer bewaren');
    await press('Wijzigen');
    await fill('#printer-port', '9101');
    await press('Printer bewaren');
    expect(station.called('printers.save')[1]).toMatchObject({ id: 'p1', name: 'Bar', port: 9101 });
    expect(container.textContent).toContain('bar.local:9101 · 80 mm (48 tekens)');
  });

  it('removes a printer only once asked and answered yes', async () => {
    const station = printerStation();
    await render();
    await addPrinter('Bar', '192.168.1.50', '80', false);
    await press('Remove');
    expect(container.textContent).toContain(
      'Remove printer Bar? Its tills then print nowhere until another printer is chosen.',
    );
    await press('Cancel');
    expect(station.called('printers.remove')).toEqual([]);
    await press('Remove');
    await press('Yes, remove');
    expect(station.called('printers.remove')).toEqual([{ printerId: 'p1' }]);
    expect(container.textContent).toContain('No printer yet.');
  });

  it('is not shown to someone the station refuses the printers to', async () => {
    fakeStation({
      'printers.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'administer' } }),
    });
    await render();
    expect(container.querySelector('[data-testid="printers"]')).toBeNull();
  });
});
