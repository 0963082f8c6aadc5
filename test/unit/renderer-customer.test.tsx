// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaleView, TenderView } from '../../shared/contract';
import type { SessionView } from '../../shared/contract/staff-views';
import { OUTCOME_MS } from '../../renderer/src/features/customer/use-customer-sale';
import {
  byTestId,
  cleanup,
  click,
  fakeStation,
  flush,
  ok,
  renderApp,
  sessionOf,
  text,
  TRAINING,
  view,
} from '../support/renderer-app';

const DISPLAY_OF_TILL_2: SessionView = {
  ...sessionOf(null, { id: 'd9', name: 'Screen 2', kind: 'display', rights: 'employee', tillId: 'till-2' }),
  display: true,
};

function sale(part: Partial<SaleView> & { cash?: { tenderedCents: number; changeCents: number } }): SaleView {
  return {
    id: 's1',
    tillId: 'till-1',
    createdAt: '2026-06-01T10:00:00.000Z',
    amountCents: 1250,
    currency: 'EUR',
    status: 'paid',
    tender: 'bancontact',
    wristbandId: null,
    payment: null,
    ...part,
  };
}

const PAID_BANCONTACT = sale({
  payment: {
    id: 'p1',
    bancontactId: 'b1',
    status: 'SUCCEEDED',
    deeplink: 'https://pay.bancontact.net/pay/2/x',
    posId: null,
    expiresAt: null,
    problem: null,
  },
});

function station(session: SessionView = sessionOf('administrator')) {
  return fakeStation({
    'settings.get': () => ok(TRAINING),
    'station.getStatus': () =>
      ok({ mode: 'training', environment: null, locale: 'en', version: '0.1.0', httpUrl: null }),
    'session.get': () => ok(session),
    'settings.setLocale': ({ locale }) => ok({ ...TRAINING, locale }),
    'till.getCurrentSale': () => ok(null),
  });
}

const figures = () =>
  [...view().querySelectorAll('.customer-figure')].map(
    (f) => `${f.querySelector('dt')?.textContent} ${f.querySelector('dd')?.textContent}`,
  );

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('customer display', () => {
  it('shows a cash sale paid, with what was handed over and the change', async () => {
    const s = station();
    await renderApp('/#/customer');
    await s.emit({
      name: 'payments.changed',
      payload: {
        sale: sale({ tender: 'cash', amountCents: 1250, cash: { tenderedCents: 2000, changeCents: 750 } }),
      },
    });
    expect(byTestId('customer-amount')?.textContent).toBe('€12.50');
    expect(view().querySelector('[role="status"]')?.textContent).toBe('Paid — thank you');
    expect(byTestId('customer-outcome')?.getAttribute('data-tender')).toBe('cash');
    expect(text()).toContain('Paid in cash');
    expect(figures()).toEqual(['Given €20.00', 'Your change €7.50']);
    // Paid is paid: no "to pay" label, no QR.
    expect(text()).not.toContain('To pay');
    expect(view().querySelector('svg.qr')).toBeNull();
  });

  it('shows a wristband sale with the balance that debit left, whatever other wristbands do next', async () => {
    const s = station();
    await renderApp('/#/customer');
    await s.emit({
      name: 'wristbands.changed',
      payload: { wristbandId: 'W1', balanceCents: 2750, status: 'active' },
    });
    await s.emit({
      name: 'payments.changed',
      payload: { sale: sale({ tender: 'wristband', wristbandId: 'W1' }) },
    });
    expect(view().querySelector('[role="status"]')?.textContent).toBe('Paid — thank you');
    expect(figures()).toEqual(['Left on your wristband €27.50']);
    // Another bar's debit of another wristband changes nothing here.
    await s.emit({
      name: 'wristbands.changed',
      payload: { wristbandId: 'W2', balanceCents: 100, status: 'active' },
    });
    expect(figures()).toEqual(['Left on your wristband €27.50']);
  });

  it('shows the part being paid and what remains, and between parts never says paid', async () => {
    const s = station();
    await renderApp('/#/customer');
    const part: Omit<TenderView, 'status'> = {
      ...{ method: 'bancontact', amountCents: 1000, at: '2026-06-01T10:00:00.000Z', paymentId: 'p1' },
      ...{ bancontactId: 'b1', wristbandId: null, cash: null, givenBack: false },
    };
    const running = sale({
      ...{ status: 'open', amountCents: 2500, dueCents: 2500, tenders: [{ ...part, status: 'pending' }] },
      payment: { ...PAID_BANCONTACT.payment!, status: 'PENDING' },
    });
    await s.emit({ name: 'payments.changed', payload: { sale: running } });
    expect(byTestId('customer-amount')?.textContent).toBe('€10.00');
    expect(byTestId('customer-parts')?.textContent).toBe('Total€25.00Still to pay after this€15.00');
    expect(view().querySelector('svg.qr')).not.toBeNull();

    const paidPart = {
      ...running,
      dueCents: 1500,
      tenders: [{ ...part, status: 'succeeded' as const }],
      payment: { ...running.payment!, status: 'SUCCEEDED' as const },
    };
    await s.emit({ name: 'payments.changed', payload: { sale: paidPart } });
    expect(view().querySelector('[role="status"]')?.textContent).toBe(
      'Part paid, thank you. The rest comes next.',
    );
    expect(text()).toContain('Still to pay');
    expect(byTestId('customer-amount')?.textContent).toBe('€15.00');
    expect(byTestId('customer-parts')?.textContent).toBe('Total€25.00Already paid€10.00');
    expect(byTestId('customer-outcome')).toBeNull();
  });

  it('says a Bancontact payment was paid with Bancontact', async () => {
    const s = station();
    await renderApp('/#/customer');
    await s.emit({ name: 'payments.changed', payload: { sale: PAID_BANCONTACT } });
    expect(byTestId('customer-outcome')?.textContent).toBe('Paid with Bancontact');
  });

  it('has no navigation; its language buttons change the display only, until the next customer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = station();
    const i18n = await renderApp('/#/customer');
    expect(view().querySelector('nav')).toBeNull();
    expect(view().querySelectorAll('a')).toHaveLength(0);
    expect(view().querySelector('.training-banner')?.textContent).toBe('Training mode — no real money');

    await click('FR');
    expect(text()).toContain('Bienvenue');
    expect(view().querySelector('.training-banner')?.textContent).toBe(
      'Mode entraînement — pas d’argent réel',
    );
    // Neither the station's setting nor the rest of the app (the till's window) changed language.
    expect(s.called('settings.setLocale')).toEqual([]);
    expect(i18n.language).toBe('en');

    await s.emit({ name: 'payments.changed', payload: { sale: PAID_BANCONTACT } });
    expect(view().querySelector('[role="status"]')?.textContent).toBe('Payé — merci');
    await act(async () => vi.advanceTimersByTime(OUTCOME_MS));
    await flush();
    // The next customer is welcomed in the station's language again.
    expect(text()).toContain('Welcome');
  });

  it('a linked display follows its own till only', async () => {
    const s = station(DISPLAY_OF_TILL_2);
    await renderApp('/customer');
    expect(s.called('till.getCurrentSale')).toEqual([{ tillId: 'till-2' }]);
    await s.emit({ name: 'payments.changed', payload: { sale: sale({ tillId: 'till-1', tender: 'cash' }) } });
    expect(text()).toContain('Welcome');
    await s.emit({
      name: 'payments.changed',
      payload: { sale: sale({ id: 's2', tillId: 'till-2', amountCents: 400 }) },
    });
    expect(byTestId('customer-amount')?.textContent).toBe('€4.00');
  });
});
