// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SalesSetupView } from '../../shared/contract';
import type { LogoView } from '../../shared/contract/logo-methods';
import { createI18n } from '../../renderer/src/i18n';
import {
  byTestId,
  cleanup,
  click,
  fakeStation,
  fill,
  ok,
  renderApp,
  sessionOf,
  TRAINING,
  view,
} from '../support/renderer-app';

const NONE = { address: '', website: '', vatNumber: '' };
const SETUP: SalesSetupView = {
  shops: [
    { id: 'bar', name: 'Bar Noord', ...NONE, address: 'Kaai 2, 9000 Gent' },
    { id: 'food', name: 'Frituur', ...NONE, address: 'Place Saint-Lambert 1, 4000 Liège' },
  ],
  business: { name: 'Café De Kaai bv', ...NONE },
  vatRates: [21, 12, 6, 0].map((rate) => ({ rate, from: '1970-01-01' })),
  cashRounding: 5,
  defaultVatRate: 21,
  defaultCashierId: 'cashier-1',
  tills: [],
  discountLimitPercent: 10,
  confirmAboveCents: 50_000,
};

function station(logo: LogoView | null = null, locale: 'en' | 'nl' | 'fr' = 'en') {
  let setup = SETUP;
  return fakeStation({
    // The screens take the station's language.
    'settings.get': () => ok({ ...TRAINING, locale }),
    'station.getStatus': () =>
      ok({ mode: 'training', environment: null, locale: 'en', version: '0.1.0', httpUrl: null }),
    // The administrator signed in reads the same language.
    'session.get': () => ok(sessionOf('administrator', undefined, locale)),
    'settings.getSalesSetup': () => ok(setup),
    'settings.setSalesSetup': (change) => ok((setup = { ...setup, ...(change as Partial<SalesSetupView>) })),
    'settings.getLogo': () => ok(logo),
    'till.getCurrentSale': () => ok(null),
  });
}

const section = () => view().querySelector<HTMLElement>('.sales-setup')!;
const shopNames = () => [...section().querySelectorAll('.setup-row strong')].map((s) => s.textContent);

async function submit(form: string) {
  const element = section().querySelector<HTMLFormElement>(`form[aria-labelledby="${form}"]`)!;
  await act(async () => element.requestSubmit());
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(cleanup);

describe('Settings → Shops and sales', () => {
  it('finds a shop by its name or its place, accents or not', async () => {
    station();
    await renderApp('/#/settings');
    expect(shopNames()).toEqual(['Bar Noord', 'Frituur']);
    await fill('#shop-search', 'liege');
    expect(shopNames()).toEqual(['Frituur']);
    await fill('#shop-search', 'noord');
    expect(shopNames()).toEqual(['Bar Noord']);
  });

  it('says in Dutch that a VAT number is mistyped, and sends nothing until it is right', async () => {
    const s = station(null, 'nl');
    await renderApp('/#/settings', createI18n('nl'));
    await fill('#business-vatNumber', 'BE 0403.170.702');
    await submit('business-title');
    expect(section().querySelector('#business-vatNumber-problem')?.textContent).toBe(
      'De controlecijfers kloppen niet: een cijfer is verkeerd getypt of twee zijn omgewisseld.',
    );
    expect(s.called('settings.setSalesSetup')).toEqual([]);
    await fill('#business-vatNumber', 'BE 0403.170.701');
    await submit('business-title');
    expect(s.called('settings.setSalesSetup')).toEqual([
      { business: { name: 'Café De Kaai bv', address: '', website: '', vatNumber: 'BE 0403.170.701' } },
    ]);
    expect(section().querySelector('[role="status"]')?.textContent).toBe('Opgeslagen.');
  });

  it('adds a shop after the others, with its address', async () => {
    const s = station();
    await renderApp('/#/settings');
    await click('Add a shop');
    await fill('#shop-id', 'terrace');
    await fill('#shop-name', 'Terras');
    await fill('#shop-address', 'Markt 5, 8000 Brugge');
    await act(async () => (byTestId('shop-form') as HTMLFormElement).requestSubmit());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    const [change] = s.called('settings.setSalesSetup') as [{ shops: SalesSetupView['shops'] }];
    expect(change.shops.map((shop) => shop.id)).toEqual(['bar', 'food', 'terrace']);
    expect(change.shops[2]).toEqual({
      id: 'terrace',
      name: 'Terras',
      address: 'Markt 5, 8000 Brugge',
      website: '',
      vatNumber: '',
    });
    expect(shopNames()).toEqual(['Bar Noord', 'Frituur', 'Terras']);
  });

  it('offers only the VAT rates in force today as the default rate', async () => {
    const s = station();
    const ended = [
      { rate: 21, from: '1970-01-01' },
      { rate: 6, from: '1970-01-01', until: '2000-12-31' },
    ];
    s.answers['settings.getSalesSetup'] = () => ok({ ...SETUP, vatRates: ended });
    await renderApp('/#/settings');
    const options = [...section().querySelectorAll('#default-vat option')].map((o) => o.textContent);
    expect(options).toEqual(['21 %']);
  });

  it('states that Kassa is no certified GKS and who needs one, in French too', async () => {
    station(null, 'fr');
    await renderApp('/#/settings', createI18n('fr'));
    const notice = byTestId('gks-notice')?.textContent ?? '';
    expect(notice).toContain('Kassa n’est pas un système de caisse enregistreuse certifié');
    expect(notice).toContain('25 000 €');
  });
});

describe('the logo on the customer display', () => {
  it('shows the logo the station serves, fetched anew when it changes', async () => {
    station({ mime: 'image/png', bytes: 120, path: '/downloads/logo', updatedAt: 1_700_000_000_000 });
    await renderApp('/#/customer');
    expect(byTestId('merchant-logo')?.getAttribute('src')).toBe('/downloads/logo?v=1700000000000');
  });

  it('shows no image when no logo is set', async () => {
    station(null);
    await renderApp('/#/customer');
    expect(byTestId('merchant-logo')).toBeNull();
  });
});
