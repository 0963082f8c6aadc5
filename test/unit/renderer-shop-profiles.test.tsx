// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PaymentProfileView, SalesSetupView } from '../../shared/contract';
import { createI18n } from '../../renderer/src/i18n';
import {
  alerts,
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
    { id: 'bar', name: 'Bar Noord', ...NONE },
    { id: 'food', name: 'Frituur', ...NONE, address: 'Grote Markt 3, Brugge' },
  ],
  business: { name: 'Café De Kaai bv', ...NONE },
  vatRates: [{ rate: 21, from: '1970-01-01' }],
  cashRounding: 5,
  defaultVatRate: 21,
  defaultCashierId: 'cashier-1',
  tills: [],
  discountLimitPercent: 10,
  confirmAboveCents: 50_000,
};

/** A station that keeps the profiles it is given, as the real one answers: the whole list each time. */
function station(locale: 'en' | 'nl' | 'fr' = 'en') {
  let profiles: PaymentProfileView[] = [];
  const listed = () => ok(profiles);
  const edit = (id: unknown, change: Partial<PaymentProfileView>) => {
    profiles = profiles.map((p) => (p.id === id ? { ...p, ...change } : p));
    return listed();
  };
  return fakeStation({
    'settings.get': () => ok({ ...TRAINING, locale }),
    'session.get': () => ok(sessionOf('administrator', undefined, locale)),
    'settings.getSalesSetup': () => ok(SETUP),
    'settings.getLogo': () => ok(null),
    'till.getCurrentSale': () => ok(null),
    'profiles.list': listed,
    'profiles.add': (input) => {
      const iban = String(input.payoutIban).replace(/\s+/g, '');
      profiles = [
        ...profiles,
        {
          ...{ id: 'p2', shopId: String(input.shopId), kind: input.kind as 'display', name: String(input.name) },
          ...{ ppid: String(input.ppid), iban, ibanStatus: iban ? 'toVerify' : 'none', hasApiKey: false },
          ...{ live: false, environment: null, trainingPpid: 'ca55a0000000000000000011' },
          amountMode: (input.amountMode as PaymentProfileView['amountMode'] | undefined) ?? null,
        },
      ];
      return listed();
    },
    'profiles.setApiKey': ({ profileId }) => edit(profileId, { hasApiKey: true }),
    'profiles.testConnection': ({ environment }) => ok({ environment, ok: true }),
    'profiles.goLive': ({ profileId, environment }) =>
      edit(profileId, { live: true, environment: environment as 'preprod' }),
  });
}

async function submitForm() {
  await act(async () => (byTestId('profile-form') as HTMLFormElement).requestSubmit());
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(cleanup);

/** A button of the profile's own row: the Settings screen has its own "Test connection" and "Go live". */
const inRow = (name: string) =>
  [...(byTestId('profile-ca55a0000000000000000011')?.querySelectorAll('button') ?? [])].find(
    (b) => b.textContent?.trim() === name,
  )!;
async function tap(name: string) {
  await act(async () => inRow(name).click());
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

describe('Settings → Shops and sales: a shop’s payment profiles', () => {
  it('adds a display profile to the second shop, refusing an IBAN whose check digits do not hold, in Dutch', async () => {
    const s = station('nl');
    await renderApp('/#/settings', createI18n('nl'));
    await click('Betaalprofielen van Frituur');
    expect(view().textContent).toContain('Nog geen betaalprofiel');
    await click('Betaalprofiel toevoegen');
    await fill('#new-profile-food-name', 'Frituur display');
    await fill('#new-profile-food-ppid', 'ca55a0000000000000000011');
    await fill('#new-profile-food-iban', 'BE68 5390 0754 7035');
    await submitForm();
    expect(alerts()).toContain(
      'Dit is geen geldige IBAN: controleer de cijfers (de controlecijfers kloppen niet).',
    );
    expect(s.called('profiles.add')).toEqual([]);
    await fill('#new-profile-food-iban', 'BE68 5390 0754 7034');
    await submitForm();
    expect(s.called('profiles.add')).toEqual([
      {
        ...{ shopId: 'food', kind: 'display', name: 'Frituur display' },
        ...{ ppid: 'ca55a0000000000000000011', payoutIban: 'BE68 5390 0754 7034' },
      },
    ]);
    const row = byTestId('profile-ca55a0000000000000000011');
    expect(row?.textContent).toContain('BE68539007547034 · te verifiëren · niet live · nog geen API-sleutel');
  });

  it('adds a top-up profile with the amount rule Bancontact support set up, shown on its row, in French', async () => {
    const s = station('fr');
    await renderApp('/#/settings', createI18n('fr'));
    await click('Profils de paiement de Bar Noord');
    await click('Ajouter un profil de paiement');
    expect(view().querySelector('#new-profile-bar-amountMode')).toBeNull();
    await fill('#new-profile-bar-kind', 'topup');
    await fill('#new-profile-bar-amountMode', 'fixed');
    await fill('#new-profile-bar-name', 'Entrée Dour');
    await fill('#new-profile-bar-ppid', 'ca55a0000000000000000011');
    await submitForm();
    expect(s.called('profiles.add')).toEqual([
      {
        ...{ shopId: 'bar', kind: 'topup', name: 'Entrée Dour', amountMode: 'fixed' },
        ...{ ppid: 'ca55a0000000000000000011', payoutIban: '' },
      },
    ]);
    const row = byTestId('profile-ca55a0000000000000000011');
    expect(row?.textContent).toContain('Rechargement');
    expect(row?.textContent).toContain('Règle de montant: Montant fixe');
  });

  it('takes a profile live only after its connection test passed', async () => {
    const s = station();
    await renderApp('/#/settings');
    await click('Payment profiles of Frituur');
    await click('Add a payment profile');
    await fill('#new-profile-food-name', 'Frituur display');
    await fill('#new-profile-food-ppid', 'ca55a0000000000000000011');
    await submitForm();
    await tap('API key');
    await fill('#profile-p2-key', 'ca55a000-7a1e-4d15-8000-000000000011');
    await act(async () => view().querySelector<HTMLFormElement>('#profile-p2-key')!.form!.requestSubmit());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(s.called('profiles.setApiKey')).toEqual([
      { profileId: 'p2', apiKey: 'ca55a000-7a1e-4d15-8000-000000000011' },
    ]);
    // The key is never shown again, only that one is stored.
    expect(view().textContent).not.toContain('000000000011-');
    expect(view().textContent).toContain('API key stored');
    await fill('#profile-p2-environment', 'preprod');
    expect(inRow('Go live').disabled).toBe(true);
    await tap('Test connection');
    expect(s.called('profiles.testConnection')).toEqual([{ profileId: 'p2', environment: 'preprod' }]);
    expect(inRow('Go live').disabled).toBe(false);
    await tap('Go live');
    expect(s.called('profiles.goLive')).toEqual([{ profileId: 'p2', environment: 'preprod' }]);
    expect(byTestId('profile-ca55a0000000000000000011')?.textContent).toContain('live on Preprod (test)');
  });
});

describe('the sticker QR codes', () => {
  it('offers the shops’ sticker profiles for the PPID, by name', async () => {
    const s = station();
    s.answers['profiles.list'] = () =>
      ok([
        {
          ...{
            id: 'p3',
            shopId: 'food',
            kind: 'sticker',
            name: 'Frituur sticker',
            ppid: 'f00d00000000000000000003',
          },
          ...{
            iban: '',
            ibanStatus: 'none',
            hasApiKey: true,
            live: false,
            environment: null,
            trainingPpid: null,
          },
        },
      ]);
    await renderApp('/#/stickers');
    const input = view().querySelector<HTMLInputElement>('#sticker-ppid')!;
    const options = [...view().querySelectorAll(`#${input.getAttribute('list')} option`)];
    expect(options.map((o) => [o.getAttribute('value'), o.getAttribute('label')])).toEqual([
      ['f00d00000000000000000003', 'Frituur sticker'],
    ]);
  });
});

describe('the till of a shop without a live display profile', () => {
  it('says so in the cashier’s words instead of failing at Bancontact', async () => {
    const s = station('nl');
    s.answers['till.startPayment'] = () => ({
      ok: false,
      error: { code: 'NO_LIVE_PROFILE', message: 'Shop Frituur has no live display profile' },
    });
    await renderApp('/#/till', createI18n('nl'));
    await fill('#amount', '8');
    await click('Betalen met Bancontact');
    expect(s.called('till.startPayment')).toHaveLength(1);
    expect(alerts()).toContain(
      'De winkel van deze kassa heeft nog geen live Bancontact-displayprofiel. Een beheerder stelt het in en zet het live via Instellingen → Winkels en verkoop.',
    );
  });
});
