// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementTillView, ArticleView } from '../../shared/contract';
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
  sessionOf,
  text,
  TRAINING,
  view,
  type Answer,
} from '../support/renderer-app';

const membership: ArticleView = {
  ...{ id: 'm1', name: 'Lidgeld', priceCents: 1500, vatRate: 21, category: 'Club', colour: '#4a6fa5' },
  ...{ barcode: null, active: true, shopIds: [], position: 0 },
  recurringPlan: { kind: 'plan', period: 'month', chargeCount: 12 },
};

const pending: AgreementTillView = {
  ...{ id: 'a1', tillId: 'till-1', saleId: 's1', saleStatus: 'open', pproId: 'agr_1', kind: 'plan' },
  ...{ status: 'pending', description: 'Lidgeld', amountCents: 1500, consumerName: 'An Peeters' },
  ...{ consumerLocale: 'fr', codePayload: 'BEP://1BANCONTACT/x', anchorAt: null, nextChargeAt: null },
  failure: null,
};

function station(overrides: Record<string, Answer> = {}, locale = 'en') {
  return fakeStation({
    'settings.get': () => ok({ ...TRAINING, locale }),
    'session.get': () => ok(sessionOf('cashier', undefined, locale as 'en')),
    'articles.list': () => ok([membership]),
    'settings.getSalesSetup': () =>
      ok({ shops: [], vatRates: [21, 12, 6, 0].map((rate) => ({ rate, from: '1970-01-01' })) }),
    'till.getCurrentSale': () => ok(null),
    'till.listSales': () => ok([]),
    'drawer.get': () => ok({ status: 'open' }),
    'agreements.startAtTill': () => ok(pending),
    'agreements.getForTill': () => ok(pending),
    ...overrides,
  });
}

async function openForm() {
  const tile = [...view().querySelectorAll<HTMLButtonElement>('.article-button')].find((b) =>
    b.textContent?.startsWith('Lidgeld'),
  );
  if (!tile) throw new Error('no Lidgeld tile');
  await click(tile.getAttribute('aria-label') ?? tile.textContent!.trim());
}

afterEach(() => cleanup());

describe("the till's agreement form", () => {
  it('sells the article alone: name, e-mail, language and the terms ticked, then waits for the customer', async () => {
    const s = station();
    await renderApp('/');
    await openForm();
    expect(view().querySelector('[role="dialog"] h2')?.textContent).toBe('Recurring payment: Lidgeld');
    // Nothing went into the basket: the plan is sold through its own form.
    expect(s.called('till.startPayment')).toEqual([]);
    expect(buttonNamed('Show the QR code')?.disabled).toBe(true);
    await fill('#agreement-name', 'An Peeters');
    await fill('#agreement-email', 'an@example.be');
    await fill('#agreement-language', 'fr');
    expect(buttonNamed('Show the QR code')?.disabled).toBe(true);
    await choose('The customer approved the terms');
    await click('Show the QR code');
    const [sent] = s.called('agreements.startAtTill');
    expect(sent).toMatchObject({
      ...{ tillId: 'till-1', articleId: 'm1', termsAccepted: true },
      consumer: { name: 'An Peeters', email: 'an@example.be', locale: 'fr' },
    });
    expect(String(sent?.idempotencyKey)).toMatch(/^agr-/);
    expect(text()).toContain('Waiting for the customer to scan the QR code');
    expect(buttonNamed('Cancel the recurring payment')).toBeDefined();
  });

  it('says the maximum in the cashier language when PPRO refuses the amount', async () => {
    station(
      {
        'agreements.startAtTill': () => ({
          ok: false,
          error: { code: 'PPRO_ABOVE_MAXIMUM', message: 'above', maxCents: 1000 },
        }),
      },
      'nl',
    );
    await renderApp('/', createI18n('nl'));
    await openForm();
    await fill('#agreement-name', 'An Peeters');
    await fill('#agreement-email', 'an@example.be');
    await choose('De klant keurde de voorwaarden goed');
    await click('Toon de QR-code');
    expect(alerts().join(' ')).toContain('boven het maximum');
    expect(text()).toMatch(/Het maximum voor één terugkerende betaling is €\s10,00\./);
  });
});
