// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { DAY } from '../support/reports-station';
import {
  alerts,
  buttonNamed,
  click,
  current,
  fill,
  flush,
  renderReports,
  view,
  section,
  setUpReportsScreen,
  table,
} from '../support/reports-screen';

setUpReportsScreen();

describe('closing the day', () => {
  it('asks first, closes the day it named, shows the Z number and lists it with a reprint', async () => {
    await renderReports();
    const closing = section('Close the day (Z)');
    expect(closing.textContent).toContain('No day has been closed yet.');
    await click('Close the day');
    expect(closing.querySelector('#close-question')?.textContent).toBe(
      'Close business day 2026-05-01? This cannot be undone. (1 May 2026)',
    );
    await click('Not now');
    expect(current.station.callsTo('reports.closeDay')).toHaveLength(0);
    await click('Close the day');
    await click('Close business day');
    expect(current.station.callsTo('reports.closeDay')[0]?.input).toEqual({ date: DAY });
    expect(closing.querySelector('[role="status"]')?.textContent).toBe(
      'Business day 2026-05-01 closed with Z report 1.',
    );
    expect(table('Z reports', closing)[0]).toMatch(/^1 \| 1 May 2026 \| .+ \| 4 · €50.52 \| Reprint$/);
    await click('Reprint Z report 1');
    expect(current.station.callsTo('reports.exportPdf').at(-1)?.input).toEqual({ kind: 'z', number: 1 });
    expect(current.clicked).toEqual(['/downloads/reports/z-1.pdf']);
  });

  it('says why the station refused to close', async () => {
    current.station.overrides['reports.closeDay'] = () => ({
      ok: false,
      error: { code: 'DRAWERS_OPEN', message: 'till-1' },
    });
    await renderReports();
    await click('Close the day');
    await click('Close business day');
    expect(alerts()).toEqual([
      'A cash drawer is still open. Count and close every drawer before closing the day.',
    ]);
    expect(buttonNamed('Close the day')).toBeTruthy();
  });
});

describe('transactions', () => {
  it('refuses a range that ends before it starts, then filters, pages and exports with the same filters', async () => {
    await renderReports();
    const firstRead = current.station.callsTo('reports.listTransactions')[0]?.input;
    expect(firstRead).toEqual({ limit: 50 });
    await fill('#tx-from', '2026-05-02');
    await fill('#tx-to', '2026-05-01');
    const reads = current.station.callsTo('reports.listTransactions').length;
    await click('Show');
    expect(alerts()).toEqual(['The end date is before the start date.']);
    expect(current.station.callsTo('reports.listTransactions')).toHaveLength(reads);

    await fill('#tx-from', '2026-04-01');
    await fill('#tx-method', 'cash');
    await fill('#tx-status', 'succeeded');
    await fill('#tx-shop', 'shop-1');
    await fill('#tx-search', ' pay-7 ');
    await click('Show');
    const filters = {
      from: '2026-04-01',
      to: '2026-05-01',
      method: 'cash',
      status: 'succeeded',
      shopId: 'shop-1',
      search: 'pay-7',
    };
    expect(current.station.callsTo('reports.listTransactions').at(-1)?.input).toEqual({
      ...filters,
      limit: 50,
    });
    expect(view().querySelectorAll('.tx-row')).toHaveLength(50);

    await click('Next page');
    expect(current.station.callsTo('reports.listTransactions').at(-1)?.input).toEqual({
      ...filters,
      cursor: '20260501:51',
      limit: 50,
    });
    expect(view().querySelectorAll('.tx-row')).toHaveLength(1);
    expect(view().textContent).toContain('Page 2');
    expect(buttonNamed('Next page').disabled).toBe(true);

    await click('Export CSV');
    expect(current.station.callsTo('reports.exportCsv')[0]?.input).toEqual(filters);
    expect(view().querySelector('.csv-result [role="status"]')?.textContent).toBe('5 transactions exported.');
    expect(current.clicked).toEqual(['/downloads/reports/transactions.csv']);
  });

  it('opens a row’s detail with its status timeline, and closes it with Escape', async () => {
    await renderReports();
    const cells = [...view().querySelectorAll('.tx-row')][2]!.querySelectorAll('td');
    expect([...cells].slice(1, 7).map((c) => c.textContent)).toEqual([
      '1 May 2026',
      'Bancontact (display)',
      'Succeeded',
      '€3.00',
      'till-1',
      'pay-3',
    ]);
    await act(async () => (cells[0] as HTMLElement).click());
    await flush();
    expect(current.station.callsTo('reports.getTransaction')[0]?.input).toEqual({ id: 'p:pay-3' });
    const dialog = view().querySelector('[role="dialog"]')!;
    expect(dialog.textContent).toContain('Bancontact statusPaid');
    expect(dialog.textContent).toContain('Kassa referencepay-3');
    const changes = [...dialog.querySelectorAll('tbody tr')].map((r) =>
      [...r.querySelectorAll('.timeline-from, .timeline-to')].map((s) => s.textContent).join(' → '),
    );
    expect(changes).toEqual(['New → Waiting for customer', 'Waiting for customer → Paid']);
    await act(async () =>
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(view().querySelector('[role="dialog"]')).toBeNull();
  });
});
