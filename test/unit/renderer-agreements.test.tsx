// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementDetailView, AgreementRowView } from '../../shared/contract';
import { createI18n } from '../../renderer/src/i18n';
import {
  alerts,
  buttonNamed,
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

/** 31 January 2026, 18:00 in Brussels. */
const AT = Date.parse('2026-01-31T17:00:00Z');
const DAY = 86_400_000;

const row = (id: string, part: Partial<AgreementRowView>): AgreementRowView => ({
  id,
  consumerName: 'Anna Peeters',
  description: 'Lidgeld tennisclub',
  kind: 'plan',
  amountCents: 1500,
  period: 'month',
  chargeCount: 12,
  chargesTaken: 3,
  status: 'active',
  revokedBy: null,
  nextChargeAt: AT + 28 * DAY,
  createdAt: AT,
  ...part,
});

const PAGE = [
  row('a1', {}),
  row('a2', { consumerName: 'Jan Janssens', chargeCount: null, chargesTaken: 1, status: 'revoked' }),
  row('a3', {
    consumerName: 'Marc Dubois',
    description: 'Polsbandje',
    kind: 'auto_topup',
    amountCents: 2000,
    period: null,
    chargeCount: null,
    chargesTaken: 2,
    nextChargeAt: null,
  }),
];
PAGE[1]!.revokedBy = 'consumer';

const DETAIL: AgreementDetailView = {
  ...PAGE[0]!,
  pproId: 'agr_123',
  pproStatus: 'ACTIVE',
  vatRate: 21,
  wristbandId: null,
  thresholdCents: null,
  consumerEmail: 'anna@example.test',
  termsVersion: '2026-01',
  termsAcceptedAt: AT,
  revokedAt: null,
  charges: [
    charge(0, 'captured', { receiptMailedAt: AT + 60_000 }),
    charge(1, 'refunded', { refundedCents: 1500, refundStatus: 'SUCCEEDED', receiptMailError: null }),
    charge(2, 'due', { pproChargeId: null, attempts: 2, lastError: 'DECLINED: insufficient funds' }),
  ],
};

function charge(period: number, status: AgreementDetailView['charges'][number]['status'], part = {}) {
  return {
    id: `c${period}`,
    period,
    dueAt: AT + period * 28 * DAY,
    status,
    amountCents: 1500,
    pproChargeId: `chg_${period}`,
    attempts: 1,
    lastError: null,
    nextAttemptAt: null,
    refundedCents: 0,
    refundStatus: null,
    capturedAt: status === 'due' ? null : AT + period * 28 * DAY,
    receiptMailedAt: null,
    receiptMailError: null,
    ...part,
  };
}

function station(role: 'manager' | 'cashier', overrides: Record<string, Answer> = {}, locale = 'en') {
  return fakeStation({
    'settings.get': () => ok({ ...TRAINING, locale }),
    'session.get': () => ok(sessionOf(role, undefined, locale as 'en')),
    'agreements.list': ({ offset }) =>
      ok({ agreements: offset ? [row('a26', { consumerName: 'Last One' })] : PAGE, total: 26 }),
    'agreements.detail': () => ok(DETAIL),
    ...overrides,
  });
}

afterEach(() => cleanup());

describe('Agreements screen', () => {
  it('lists agreements with what, period, n of N, status and next charge, and pages', async () => {
    const s = station('manager');
    await renderApp('/agreements');
    expect(view().querySelector('h1')?.textContent).toBe('Agreements');
    expect(rows('.agreement-table')).toEqual([
      'Open | Anna Peeters | Lidgeld tennisclubPlan | €15.00 | Every month | 3 of 12 | Active | 28/02/26, 18:00 | 31/01/26, 18:00',
      'Open | Jan Janssens | Lidgeld tennisclubPlan | €15.00 | Every month | 1, until stopped | Revoked by the customer | 28/02/26, 18:00 | 31/01/26, 18:00',
      'Open | Marc Dubois | PolsbandjeAutomatic top-up | €20.00 | — | 2 | Active | — | 31/01/26, 18:00',
    ]);
    expect(text()).toContain('1–3 of 26');
    await click('Next');
    expect(s.called('agreements.list').at(-1)).toEqual({ offset: 25, limit: 25 });
    expect(rows('.agreement-table')[0]).toContain('Last One');
    await click('Previous');
    expect(s.called('agreements.list').at(-1)).toEqual({ offset: 0, limit: 25 });
  });

  it('filters by status at once and searches by consumer name from the first page', async () => {
    const s = station('manager');
    await renderApp('/agreements');
    await click('Next');
    await fill('#agreement-status', 'revoked');
    expect(s.called('agreements.list').at(-1)).toEqual({ offset: 0, limit: 25, status: 'revoked' });
    await fill('#agreement-search', ' dubois ');
    await click('Search');
    expect(s.called('agreements.list').at(-1)).toEqual({
      offset: 0,
      limit: 25,
      status: 'revoked',
      search: 'dubois',
    });
  });

  it('opens one agreement: its charges, the terms approved, receipts mailed or not', async () => {
    const s = station('manager');
    await renderApp('/agreements');
    const open = view().querySelectorAll<HTMLButtonElement>('.agreement-table button');
    await click(open[0]!.textContent!.trim());
    expect(s.called('agreements.detail')).toEqual([{ agreementId: 'a1' }]);
    expect(text()).toContain('version 2026-01, on 31/01/26, 18:00');
    expect(text()).toContain('anna@example.test');
    expect(rows('.agreement-charges')).toEqual([
      '1 (at the till) | 31/01/26, 18:00 | Paid | €15.00 | chg_0 | 1 | — | — | Mailed 31/01/26, 18:01 | Refund this charge',
      '2 | 28/02/26, 18:00 | Refunded | €15.00 | chg_1 | 1 | — | €15.00 | Not mailed yet |',
      '3 | 28/03/26, 18:00 | Due | €15.00 | — | 2 | DECLINED: insufficient funds | — | — |',
    ]);
    await click('Back to the list');
    expect(view().querySelector('.agreement-charges')).toBeNull();
  });

  it('reads the page again when a charge is made', async () => {
    const s = station('manager');
    await renderApp('/agreements');
    const before = s.called('agreements.list').length;
    await s.emit({ name: 'agreements.charged', payload: { chargeId: 'c9' } });
    expect(s.called('agreements.list')).toHaveLength(before + 1);
  });

  it('speaks Dutch', async () => {
    station('manager', {}, 'nl');
    await renderApp('/agreements', createI18n('nl'));
    expect(view().querySelector('h1')?.textContent).toBe('Overeenkomsten');
    expect(rows('.agreement-table')[1]).toContain('1, tot stopgezet | Stopgezet door de klant');
  });

  it('is not in a cashier’s navigation', async () => {
    station('cashier');
    await renderApp('/');
    expect([...view().querySelectorAll('.app-nav a')].map((a) => a.textContent)).not.toContain('Agreements');
  });
});

describe('Agreements screen: revoking and refunding', () => {
  async function openFirst() {
    const open = view().querySelectorAll<HTMLButtonElement>('.agreement-table button');
    await click(open[0]!.textContent!.trim());
  }

  it('revokes an agreement after a confirmation, and shows the outcome', async () => {
    let detail = DETAIL;
    const s = station('manager', {
      'agreements.detail': () => ok(detail),
      'agreements.revoke': ({ agreementId }) => {
        detail = {
          ...DETAIL,
          status: 'revoked',
          revokedBy: 'merchant',
          revokedAt: AT + DAY,
          nextChargeAt: null,
        };
        return ok({ agreementId, status: 'revoked', revokedBy: 'merchant', revokedAt: AT + DAY });
      },
    });
    await renderApp('/agreements');
    await openFirst();
    await click('Revoke agreement');
    expect(text()).toContain('Revoke the agreement of Anna Peeters?');
    await click('Cancel');
    expect(s.called('agreements.revoke')).toEqual([]);
    await click('Revoke agreement');
    await click('Yes, revoke');
    expect(s.called('agreements.revoke')).toEqual([{ agreementId: 'a1' }]);
    expect(view().querySelector('[role="status"]')?.textContent).toBe(
      'The agreement is revoked: it will not be charged again.',
    );
    // Read again: revoked by you, and nothing left to revoke.
    expect(text()).toContain('Revoked by you');
    expect(buttonNamed('Revoke agreement')).toBeUndefined();
  });

  it('refunds a paid charge only, after a confirmation, and says what PPRO answered', async () => {
    const s = station('manager', {
      'agreements.refundCharge': ({ chargeId }) =>
        ok({
          chargeId,
          status: 'refunded',
          amountCents: 1500,
          refundedCents: 1500,
          refundId: 'ref_1',
          refundStatus: 'REFUND_PENDING',
        }),
    });
    await renderApp('/agreements');
    await openFirst();
    // Only the paid charge (the first) can be refunded: the refunded one and the due one cannot.
    const refundButtons = [...view().querySelectorAll('.agreement-charges button')].map((b) => b.textContent);
    expect(refundButtons).toEqual(['Refund this charge']);
    await click('Refund this charge');
    expect(text()).toContain('Refund €15.00 of charge 1 to Anna Peeters?');
    await click('Yes, refund');
    expect(s.called('agreements.refundCharge')).toEqual([{ chargeId: 'c0' }]);
    expect(view().querySelector('[role="status"]')?.textContent).toBe(
      'Refund asked: €15.00 refunded on this charge, on its way.',
    );
  });

  it('offers no charge refund for an automatic top-up: its money is on the wristband', async () => {
    const topup = { ...DETAIL, kind: 'auto_topup' as const, wristbandId: 'W-1', thresholdCents: 500 };
    station('manager', { 'agreements.detail': () => ok(topup) });
    await renderApp('/agreements');
    await openFirst();
    expect(text()).toContain('chg_0');
    expect(buttonNamed('Refund this charge')).toBeUndefined();
  });

  it('shows a refusal in the user’s language', async () => {
    station(
      'manager',
      {
        'agreements.revoke': () => ({
          ok: false,
          error: { code: 'CONFLICT', message: 'The agreement is ended' },
        }),
      },
      'fr',
    );
    await renderApp('/agreements', createI18n('fr'));
    await openFirst();
    await click('Révoquer l’accord');
    await click('Oui, révoquer');
    expect(alerts()).toEqual(['Ceci a changé entre-temps. Vérifiez et réessayez.']);
  });
});
