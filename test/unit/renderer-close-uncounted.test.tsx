// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { DrawerLine } from '../../shared/contract';
import { DAY, drawer, report } from '../support/reports-station';
import {
  buttonNamed,
  click,
  current,
  flush,
  renderReports,
  section,
  setUpReportsScreen,
  view,
} from '../support/reports-screen';

setUpReportsScreen();

/** The X report's line for an open drawer of `tillId`: no count yet. */
const openLine = (tillId: string): DrawerLine => ({
  drawerId: `d-${tillId}`,
  tillId,
  status: 'open',
  floatCents: 10_000,
  cashSalesCents: 1002,
  cashInCents: 0,
  cashOutCents: 0,
  expectedCents: 11_000,
  countedCents: null,
  differenceCents: null,
});

function dayWithUncounted(tillId: string): void {
  const x = report();
  current.station.overrides['reports.getX'] = () => ({
    ok: true,
    value: { ...x, cash: { ...x.cash, drawers: [openLine(tillId)] } },
  });
  current.station.overrides['drawer.get'] = (input) => ({
    ok: true,
    value: input.tillId === tillId ? drawer({ tillId }) : null,
  });
}

// The first render loads the lazy Closing screen, which takes seconds on a busy machine.
describe('closing a day whose drawer was not counted', { timeout: 20_000 }, () => {
  it('warns before asking to close, and takes the manager to that till’s count', async () => {
    dayWithUncounted('bar-2');
    await renderReports();
    const closing = section('Close the day (Z)');
    await click('Close the day');
    expect(closing.querySelector('#close-warning')?.textContent).toBe(
      'The cash drawer of bar-2 has not been counted. Count it before closing the day, or close the day anyway.',
    );
    expect(closing.querySelector('#close-question')).toBeNull();
    await click('Count the drawer');
    expect(closing.querySelector('#close-warning')).toBeNull();
    expect(section('Cash drawer').querySelector('select')?.value).toBe('bar-2');
    // bar-2's drawer is read from the station first; its count field gets the focus once it is there.
    for (let tick = 0; tick < 20 && document.activeElement?.id !== 'drawer-counted'; tick++) await flush();
    expect(document.activeElement?.id).toBe('drawer-counted');
    expect(current.station.callsTo('reports.closeDay')).toHaveLength(0);
  });

  it('lets the manager close anyway, through the usual question', async () => {
    dayWithUncounted('till-1');
    await renderReports();
    await click('Close the day');
    await click('Close anyway');
    expect(view().querySelector('#close-question')?.textContent).toContain(`Close business day ${DAY}?`);
    await click('Close business day');
    expect(current.station.callsTo('reports.closeDay')[0]?.input).toEqual({ date: DAY });
  });

  it('asks no more than before when every drawer was counted', async () => {
    await renderReports();
    await click('Close the day');
    expect(view().querySelector('#close-warning')).toBeNull();
    expect(buttonNamed('Close business day')).toBeTruthy();
  });
});
