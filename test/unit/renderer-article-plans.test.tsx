// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { ArticleView, Result } from '../../shared/contract';
import { createI18n } from '../../renderer/src/i18n';
import {
  alerts,
  buttonNamed,
  choose,
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
  priceCents: 1500,
  vatRate: 21,
  category: 'Club',
  colour: '#4a6fa5',
  barcode: null,
  active: true,
  shopIds: [],
  position: 0,
  recurringPlan: null,
  ...part,
});

const CATALOGUE = [
  article('m1', { name: 'Lidgeld', recurringPlan: { kind: 'plan', period: 'month', chargeCount: null } }),
  article('w1', {
    name: 'Polsbandje',
    priceCents: 2000,
    vatRate: 0,
    recurringPlan: { kind: 'auto_topup', thresholdCents: 500, topupCents: 2000 },
  }),
  article('c1', { name: 'Cola', priceCents: 250 }),
];

function station(role: 'manager' | 'cashier', overrides: Record<string, Answer> = {}, locale = 'en') {
  return fakeStation({
    'settings.get': () => ok({ ...TRAINING, locale }),
    'session.get': () => ok(sessionOf(role, undefined, locale as 'en')),
    'articles.list': () => ok(CATALOGUE),
    'settings.getSalesSetup': () =>
      ok({ shops: [], vatRates: [21, 12, 6, 0].map((rate) => ({ rate, from: '1970-01-01' })) }),
    'till.getCurrentSale': () => ok(null),
    'till.listSales': () => ok([]),
    'drawer.get': () => ok({ status: 'open' }),
    ...overrides,
  });
}

const saveButton = () => buttonNamed('Save');
const problems = () => [...view().querySelectorAll('.article-form .field-problem')].map((p) => p.textContent);

afterEach(() => cleanup());

describe('the article editor: sold as', () => {
  it('saves a new article as a monthly plan of twelve charges', async () => {
    const s = station('manager', { 'articles.save': (input) => ok(article('a9', input)) });
    await renderApp('/articles');
    await click('Add article');
    await fill('.article-form [name=name]', 'Seizoenspas');
    await fill('.article-form [name=price]', '25');
    await choose('A plan');
    await fill('.article-form [name=period]', 'quarter');
    await choose('Until the customer stops');
    await fill('.article-form [name=charges]', '1');
    expect(problems()).toEqual(['A number of charges from 2 to 260.']);
    expect(saveButton()?.disabled).toBe(true);
    await fill('.article-form [name=charges]', '4');
    expect(problems()).toEqual([]);
    await click('Save');
    expect(s.called('articles.save')).toEqual([
      expect.objectContaining({
        name: 'Seizoenspas',
        priceCents: 2500,
        recurringPlan: { kind: 'plan', period: 'quarter', chargeCount: 4 },
      }),
    ]);
  });

  it('asks an automatic top-up for a top-up larger than its threshold', async () => {
    const s = station('manager', { 'articles.save': (input) => ok(article('a9', input)) });
    await renderApp('/articles');
    await click('Add article');
    await fill('.article-form [name=name]', 'Personeelskaart');
    await fill('.article-form [name=price]', '20');
    await choose('Automatic top-up');
    await fill('.article-form [name=threshold]', '20');
    await fill('.article-form [name=topup]', '15,50');
    expect(problems()).toEqual(['Add (€): the top-up must be larger than the threshold']);
    expect(saveButton()?.disabled).toBe(true);
    await fill('.article-form [name=threshold]', '5');
    await click('Save');
    expect(s.called('articles.save')[0]).toMatchObject({
      recurringPlan: { kind: 'auto_topup', thresholdCents: 500, topupCents: 1550 },
    });
  });

  it('opens an article with its plan and sends it back; once sells it once', async () => {
    const s = station('manager', { 'articles.save': (input) => ok(article('m1', input)) });
    await renderApp('/articles');
    const edit = view().querySelectorAll<HTMLButtonElement>('[aria-label="Club"] table button');
    await click(edit[0]!.textContent!.trim()); // The first article's Edit: Lidgeld, by the catalogue's order.
    expect(view().querySelector<HTMLInputElement>('.article-form [name=untilStopped]')?.checked).toBe(true);
    await fill('.article-form [name=price]', '16');
    await click('Save');
    expect(s.called('articles.save')[0]).toMatchObject({
      priceCents: 1600,
      recurringPlan: { kind: 'plan', period: 'month', chargeCount: null },
    });
    await click(edit[0]!.textContent!.trim());
    await choose('Once');
    await click('Save');
    expect(s.called('articles.save')[1]).toMatchObject({ recurringPlan: null });
  });

  it('names the refused field in Dutch', async () => {
    const refused: Result<never> = {
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'bad', fields: ['recurringPlan.topupCents'] },
    };
    station('manager', { 'articles.save': () => refused }, 'nl');
    await renderApp('/articles', createI18n('nl'));
    await click('Artikel toevoegen');
    await fill('.article-form [name=name]', 'Polsbandje');
    await fill('.article-form [name=price]', '20');
    await choose('Automatisch opwaarderen');
    await click('Bewaren');
    expect(alerts().join(' ')).toContain('opwaardering');
  });
});

describe('the Articles screen', () => {
  it('shows how each article is sold beside its price', async () => {
    station('manager');
    await renderApp('/articles');
    expect(rows('[aria-label="Club"] table')).toEqual([
      'Lidgeld | €15.00 ↻ per month | 21 % |  | Yes | Edit',
      'Polsbandje | €20.00 ↻ auto top-up | 0 % |  | Yes | Edit',
      'Cola | €2.50 | 21 % |  | Yes | Edit',
    ]);
  });
});

describe('the till', () => {
  it('marks an article sold as an agreement with its period', async () => {
    station('cashier');
    await renderApp('/');
    const buttons = [...view().querySelectorAll('.article-button')].map((b) => b.textContent);
    expect(buttons).toEqual(['Lidgeld€15.00↻ per month', 'Polsbandje€20.00↻ auto top-up', 'Cola€2.50']);
    expect(text()).not.toContain('undefined');
  });
});
