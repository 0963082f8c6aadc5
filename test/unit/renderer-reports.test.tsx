// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DAY, drawer } from '../support/reports-station';
import {
  alerts,
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

describe('cash drawer', () => {
  it('opens with a float, refuses what is not an amount, and shows expected, counted and difference', async () => {
    await renderReports();
    const panel = () => section('Cash drawer');
    expect(panel().textContent).toContain('This till has no cash drawer open.');
    expect([...panel().querySelectorAll('option')].map((o) => o.value)).toEqual(['till-1', 'bar-2']);
    await fill('#drawer-float', 'honderd');
    await click('Open the drawer');
    expect(alerts()).toEqual(['That is not an amount. Use digits and one comma, like 12,50.']);
    expect(current.station.callsTo('drawer.open')).toHaveLength(0);
    await fill('#drawer-float', '100');
    await click('Open the drawer');
    expect(current.station.callsTo('drawer.open')[0]?.input).toEqual({
      tillId: 'till-1',
      floatCents: 10_000,
    });
    expect(panel().textContent).toContain('Expected in the drawer€100.00');

    current.station.drawer = drawer();
    await click('Count and close');
    expect(alerts()).toEqual(['Type an amount first.']);
    await fill('#drawer-counted', '109,50');
    await click('Count and close');
    expect(current.station.callsTo('drawer.close')[0]?.input).toEqual({
      tillId: 'till-1',
      countedCents: 10_950,
    });
    const figures = [...panel().querySelectorAll('.drawer-figures div')].map((d) => d.textContent);
    expect(figures).toEqual(
      expect.arrayContaining(['Expected in the drawer€110.00', 'Counted€109.50', 'Difference-€0.50']),
    );
  });

  it('asks a reason before cash goes in or out, and shows the station’s refusal', async () => {
    current.station.drawer = drawer();
    current.station.overrides['drawer.cashOut'] = () => ({
      ok: false,
      error: { code: 'NOT_ENOUGH_CASH', message: 'no' },
    });
    await renderReports();
    await fill('#drawer-move-amount', '20');
    await click('Cash out');
    expect(alerts()).toEqual(['Give a reason for this cash movement.']);
    await fill('#drawer-move-reason', 'Bank drop');
    await click('Cash out');
    expect(current.station.callsTo('drawer.cashOut')[0]?.input).toEqual({
      tillId: 'till-1',
      amountCents: 2000,
      reason: 'Bank drop',
    });
    expect(alerts()).toEqual(['The drawer does not hold that much cash.']);
  });
});

describe('summaries and the X report', () => {
  it('shows the four period cards and draws today’s hourly chart', async () => {
    await renderReports();
    const cards = [...view().querySelectorAll('.summary-card')];
    expect(cards.map((c) => c.querySelector('h3')?.textContent)).toEqual([
      'Today',
      'This week',
      'This month',
      'This year',
    ]);
    expect(cards[1]?.textContent).toContain('27 April 2026 – 3 May 2026');
    expect(cards[0]?.textContent).toContain('€50.52');
    expect(cards[0]?.textContent).toContain('Bancontact (display)3 · €40.50');
    expect(cards[0]?.textContent).toContain('Main bar4 · €50.52');
    const chart = view().querySelector('.hourly-chart');
    expect(chart?.querySelector('figcaption')?.textContent).toBe('Today’s sales per hour');
    expect(chart?.querySelectorAll('svg.recharts-surface')).toHaveLength(1);
    expect(chart?.querySelectorAll('.recharts-bar-rectangle path').length).toBeGreaterThan(0);
  });

  it('totals per method, shop, till, cashier and VAT, counts unpaid Bancontact, and gives cash expected', async () => {
    await renderReports();
    const x = section('X report');
    expect(x.querySelector('h3')?.textContent).toBe('X report — 1 May 2026');
    expect(table('Totals', x)).toEqual(['Sales | 4 | €50.52']);
    expect(table('Per method', x)).toEqual([
      'Bancontact (display) | 3 | €40.50',
      'Bancontact (sticker) | 0 | €0.00',
      'Wristband | 0 | €0.00',
      'Cash | 1 | €10.02',
      'Bancontact recurring | 0 | €0.00',
    ]);
    expect(table('Per shop', x)).toEqual(['Main bar | 4 | €50.52']);
    expect(table('Per till', x)).toEqual(['till-1 | 4 | €50.52']);
    expect(table('Per cashier', x)).toEqual(['cashier-1 | 4 | €50.52']);
    expect(table('Per VAT rate', x)[0]).toBe('21% | 4 | €41.75 | €8.77 | €50.52');
    expect(table('Bancontact not paid (counted, not totalled)', x)).toEqual([
      'Cancelled | 1',
      'Expired | 0',
      'Refused | 0',
      'Failed | 0',
    ]);
    expect(table('Wristbands', x)).toContain('Outstanding on wristbands |  | €0.00');
    expect(table('Wristbands', x)).toContain('Automatic top-ups (Bancontact) | 0 | €0.00');
    expect(table('Cash', x)).toEqual([
      'Cash payments | 1 | €10.02',
      'Rounding to 5 cents |  | -€0.02',
      'Cash expected |  | €110.00',
      'Cash counted |  | Not counted yet',
      'Difference |  | Not counted yet',
    ]);
  });

  it('downloads the X as PDF through the station’s link, and prints the page', async () => {
    const print = vi.fn();
    window.print = print;
    await renderReports();
    await click('Download PDF');
    expect(current.station.callsTo('reports.exportPdf')[0]?.input).toEqual({ kind: 'x', date: DAY });
    expect(current.clicked).toEqual(['/downloads/reports/x-2026-05-01.pdf']);
    expect(view().querySelector('.report-x a[download]')?.textContent).toBe('Save x-2026-05-01.pdf again');
    await click('Print');
    expect(print).toHaveBeenCalledOnce();
  });

  it('reads the figures again when a payment changes', async () => {
    await renderReports();
    const before = current.station.callsTo('reports.getX').length;
    await act(async () =>
      current.station.emit({
        name: 'wristbands.changed',
        payload: { wristbandId: 'W', balanceCents: 0, status: 'active' },
      }),
    );
    await flush();
    expect(current.station.callsTo('reports.getX').length).toBe(before + 1);
    expect(current.station.callsTo('reports.getSummaries').length).toBeGreaterThan(1);
  });
});
