// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleView, Result } from '../../shared/contract';
import { createI18n } from '../../renderer/src/i18n';
import {
  alerts,
  cleanup,
  click,
  fakeStation,
  fill,
  ok,
  renderApp,
  rows,
  sessionOf,
  text,
  TRAINING,
  view,
  type Answer,
} from '../support/renderer-app';

const article = (id: string, part: Partial<ArticleView>): ArticleView => ({
  id,
  name: id,
  priceCents: 250,
  vatRate: 21,
  category: '',
  colour: '#4a6fa5',
  barcode: null,
  active: true,
  shopIds: [],
  position: 0,
  recurringPlan: null,
  ...part,
});

const CATALOGUE = [
  article('a1', { name: 'Croque', priceCents: 650, vatRate: 12, category: 'Eten' }),
  article('a2', { name: 'Cola', category: 'Dranken', barcode: '5449000000996' }),
  article('a3', { name: 'Pintje', priceCents: 280, category: 'Dranken', active: false }),
];

const BAD_FILE: Result<never> = {
  ok: false,
  error: {
    code: 'INVALID_INPUT',
    message: 'Nothing was imported',
    details: [
      { line: 3, column: 'price', problem: 'notAnAmount' },
      { line: 4, column: 'vat', problem: 'notAVatRate' },
      { line: 6, column: 'barcode', problem: 'barcodeTaken', other: 'Cola' },
      { line: 9, column: '', problem: 'cellCount' },
    ],
  },
};

function station(role: 'manager' | 'cashier', overrides: Record<string, Answer> = {}) {
  return fakeStation({
    'settings.get': () => ok(TRAINING),
    'session.get': () => ok(sessionOf(role)),
    'articles.list': () => ok(CATALOGUE),
    'settings.getSalesSetup': () =>
      ok({
        shops: [{ id: 'bar', name: 'Bar Noord' }],
        vatRates: [21, 12, 6, 0].map((rate) => ({ rate, from: '1970-01-01' })),
      }),
    'articles.import': () => BAD_FILE,
    ...overrides,
  });
}

/** Picks a file in the hidden file input, as the browser's dialog would. */
async function pickFile(content: string) {
  const input = view().querySelector<HTMLInputElement>('[data-testid="article-import-file"]');
  if (!input) throw new Error('no file input');
  const file = new File([content], 'catalogue.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
}

afterEach(() => cleanup());

describe('Articles screen', () => {
  it('lists the catalogue by category, inactive ones too, and searches it', async () => {
    station('manager');
    await renderApp('/articles');
    expect(view().querySelector('h1')?.textContent).toBe('Articles');
    expect([...view().querySelectorAll('.article-category h2')].map((h) => h.textContent)).toEqual([
      'Eten',
      'Dranken',
    ]);
    expect(rows('[aria-label="Dranken"] table')).toEqual([
      'Cola | €2.50 | 21 % | 5449000000996 | Yes | Edit',
      'Pintje | €2.80 | 21 % |  | No | Edit',
    ]);
    await fill('.article-search input', 'pint');
    expect([...view().querySelectorAll('.article-category h2')].map((h) => h.textContent)).toEqual([
      'Dranken',
    ]);
  });

  it('shows every bad line of an import, translated, and says nothing was imported', async () => {
    const s = station('manager');
    await renderApp('/articles');
    await pickFile('naam;prijs;btw\nBier;3,00;21\n');
    expect(s.called('articles.import')).toEqual([{ csv: 'naam;prijs;btw\nBier;3,00;21\n' }]);
    const problems = [...view().querySelectorAll('.import-problems li')].map((li) => li.textContent);
    expect(problems).toEqual([
      'Line 3, price: not a price in euros (write 2,50 or 2.50)',
      'Line 4, VAT: not a VAT rate in force today (see Settings → Shops and sales)',
      'Line 6, barcode: this barcode already belongs to Cola',
      'Line 9: more cells than the header has columns (a price with a comma in a comma-separated file?)',
    ]);
    expect(alerts()[0]).toContain('Nothing was imported.');
  });

  it('says the same in Dutch', async () => {
    station('manager', {
      'settings.get': () => ok({ ...TRAINING, locale: 'nl' }),
      'session.get': () => ok(sessionOf('manager', undefined, 'nl')),
    });
    await renderApp('/articles', createI18n('nl'));
    await pickFile('x');
    const problems = [...view().querySelectorAll('.import-problems li')].map((li) => li.textContent);
    expect(problems[0]).toBe('Regel 3, prijs: geen prijs in euro (schrijf 2,50 of 2.50)');
    expect(problems[2]).toBe('Regel 6, streepjescode: deze streepjescode hoort al bij Cola');
  });

  it('saves a new article with a price typed with a decimal comma', async () => {
    const s = station('manager', { 'articles.save': (input) => ok(article('a9', input)) });
    await renderApp('/articles');
    await click('Add article');
    await fill('.article-form [name=name]', 'Crème brûlée');
    await fill('.article-form [name=price]', '4,5');
    await fill('.article-form select', '6');
    await click('Save');
    expect(s.called('articles.save')).toEqual([
      expect.objectContaining({
        name: 'Crème brûlée',
        priceCents: 450,
        vatRate: 6,
        barcode: null,
        shopIds: [],
      }),
    ]);
    expect(view().querySelector('.article-form')).toBeNull();
  });

  it('is not in a cashier’s navigation', async () => {
    station('cashier');
    await renderApp('/');
    expect(text()).not.toContain('Articles');
  });
});
