// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, SessionView, StationEvent } from '../../shared/contract';
import type { SaleRefundView, SaleReturnsView } from '../../shared/contract/returns-methods';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { RefundPanel } from '../../renderer/src/features/reports/RefundPanel';
import { ReportBody } from '../../renderer/src/features/reports/ReportBody';
import { useRefreshVersion } from '../../renderer/src/features/reports/ReportsScreen';
import { RefreshContext } from '../../renderer/src/features/reports/use-station-data';
import { SessionContext, type SessionState } from '../../renderer/src/features/staff/session-context';
import { createI18n } from '../../renderer/src/i18n';
import { report } from '../support/reports-station';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A split sale: €10.00 from a wristband, €23.40 by Bancontact; three lines. */
function saleView(refunds: SaleRefundView[] = []): SaleReturnsView {
  return {
    saleId: 'sale-1',
    lines: [
      {
        saleLineId: 'l1',
        name: 'Pils',
        vatRate: 21,
        quantity: 3,
        grossCents: 1050,
        refundableQuantity: 3,
        refundableCents: 1050,
      },
      {
        saleLineId: 'l2',
        name: 'Stoofvlees',
        vatRate: 12,
        quantity: 1,
        grossCents: 1450,
        refundableQuantity: 1,
        refundableCents: 1450,
      },
      {
        saleLineId: 'l3',
        name: 'Frieten',
        vatRate: 6,
        quantity: 2,
        grossCents: 840,
        refundableQuantity: 2,
        refundableCents: 840,
      },
    ],
    tenders: [
      { source: 'e:7', method: 'wristband', takenCents: 1000, leftCents: 1000 },
      { source: 'p:pay-1', method: 'bancontact_display', takenCents: 2340, leftCents: 2340 },
    ],
    refunds,
  };
}

const refund = (status: SaleRefundView['status']): SaleRefundView => ({
  ...{ id: 4, saleId: 'sale-1', kind: 'refund', method: 'bancontact_display', amountCents: 1450, status },
  ...{
    reason: null,
    problemCode: null,
    ibanMasked: null,
    createdAt: '2026-12-04T10:00:00.000Z',
    tillId: 'till-1',
  },
  ...{
    lines: [{ saleLineId: 'l2', name: 'Stoofvlees', quantity: 1, grossCents: 1450 }],
    byRate: [],
    receiptNumber: null,
  },
});

let root: Root;
let container: HTMLElement;
let emit: (event: StationEvent) => void = () => undefined;

/** The station as the returns methods answer; `answer` decides what returns.get says now. */
function station(answer: () => SaleReturnsView, calls: string[]): Transport {
  return {
    kind: 'http',
    async call(method, input) {
      calls.push(`${method} ${JSON.stringify(input)}`);
      if (method === 'returns.get') return { ok: true, value: answer() } as Result<never>;
      if (method === 'returns.refund') return { ok: true, value: refund('pending') } as Result<never>;
      const file = { refund: refund('refunded'), fileName: 'refund-4.xml', xml: '<Document/>' };
      return { ok: true, value: file } as Result<never>;
    },
    subscribe: (listener) => {
      emit = listener;
      return () => undefined;
    },
    onReconnect: () => () => undefined,
  };
}

function Closing({ children }: { children: ReactNode }) {
  return <RefreshContext value={useRefreshVersion()}>{children}</RefreshContext>;
}

async function render(transport: Transport, locale: Locale = 'en', session: SessionView | null = null) {
  setTransportForTests(transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const state = session ? ({ view: session, signedOut: false } as SessionState) : null;
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <SessionContext value={state}>
          <Closing>
            <RefundPanel saleId="sale-1" />
          </Closing>
        </SessionContext>
      </I18nextProvider>,
    ),
  );
  await settle();
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

/** The returns.refund requests sent, in order. */
const refundCalls = (calls: string[]) =>
  calls
    .filter((c) => c.startsWith('returns.refund '))
    .map((c) => JSON.parse(c.slice('returns.refund '.length)) as Record<string, unknown>);

const button = (text: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;
const click = async (element: HTMLElement) => {
  await act(async () => element.click());
  await settle();
};

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('Closing → a sale → Refund…', () => {
  it('gives a line back by the method chosen, up to what it took, and follows the refund live', async () => {
    const calls: string[] = [];
    let refunds: SaleRefundView[] = [];
    await render(station(() => saleView(refunds), calls));
    await click(button('Refund…'));
    await click(container.querySelector<HTMLButtonElement>('[aria-label="One more of Stoofvlees"]')!);
    expect(container.querySelector('.refund-amount')!.textContent).toBe('To give back: €14.50');
    const methods = [...container.querySelectorAll('.refund-methods label')].map((l) => l.textContent);
    expect(methods).toEqual(['Wristband: up to €10.00', 'Bancontact (display): up to €23.40']);
    await click(container.querySelectorAll<HTMLInputElement>('.refund-methods input')[0]!);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe(
      'More than Wristband can still give back (€10.00)',
    );
    expect(button('Refund €14.50').disabled).toBe(true);
    await click(container.querySelectorAll<HTMLInputElement>('.refund-methods input')[1]!);
    refunds = [refund('pending')];
    await click(button('Refund €14.50'));
    expect(refundCalls(calls)).toEqual([
      {
        ...{ tender: 'p:pay-1', lines: [{ saleLineId: 'l2', quantity: 1 }], saleId: 'sale-1' },
        idempotencyKey: expect.stringMatching(/^.{8,64}$/),
      },
    ]);
    expect(container.querySelector('.refund-list li')!.textContent).toBe(
      'Bancontact (display) -€14.50 Waiting for Bancontact',
    );
    refunds = [refund('refunded')];
    await act(async () => emit({ name: 'returns.changed', payload: { saleId: 'sale-1' } }));
    await settle();
    expect(container.querySelector('.refund-list li strong')!.textContent).toBe('Given back');
  });

  it('sends the same key when the same refund is asked again after a lost answer, a new one when it changes', async () => {
    const calls: string[] = [];
    const lost = station(() => saleView(), calls);
    const answer = lost.call.bind(lost);
    // The first answer never arrives: the screen shows the error and the manager taps again.
    lost.call = async (method, input) => {
      const result = await answer(method, input);
      const first = method === 'returns.refund' && refundCalls(calls).length === 1;
      if (!first) return result;
      return { ok: false, error: { code: 'STATION_UNREACHABLE', message: 'lost' } } as Result<never>;
    };
    await render(lost);
    await click(button('Refund…'));
    await click(container.querySelector<HTMLButtonElement>('[aria-label="One more of Stoofvlees"]')!);
    await click(container.querySelectorAll<HTMLInputElement>('.refund-methods input')[1]!);
    await click(button('Refund €14.50'));
    expect(container.querySelector('[role="alert"]')).not.toBe(null);
    await click(button('Refund €14.50'));
    const [first, again] = refundCalls(calls);
    expect(again).toEqual(first);
    await click(button('Refund…'));
    await click(container.querySelector<HTMLButtonElement>('[aria-label="One more of Pils"]')!);
    await click(container.querySelectorAll<HTMLInputElement>('.refund-methods input')[1]!);
    await click(button('Refund €3.50'));
    const third = refundCalls(calls)[2]!;
    expect(third.idempotencyKey).not.toBe(first!.idempotencyKey);
  });

  it('asks for the payer’s IBAN when Bancontact cannot refund, and offers the SEPA file', async () => {
    URL.createObjectURL = () => 'blob:sepa';
    URL.revokeObjectURL = () => undefined;
    const calls: string[] = [];
    let refunds = [refund('awaiting_iban')];
    await render(
      station(() => saleView(refunds), calls),
      'nl',
    );
    expect(container.querySelector('.refund-list li strong')!.textContent).toBe(
      'Bancontact kan dit niet terugbetalen: betaal het naar de IBAN van de betaler',
    );
    const inputs = [...container.querySelectorAll<HTMLInputElement>('.iban-form input')];
    expect(inputs.map((i) => i.parentElement!.textContent)).toEqual([
      'IBAN van de betaler',
      'Naam van de betaler',
      'Naam van uw rekening',
      'IBAN van uw rekening',
      'Uitvoeringsdatum',
    ]);
    refunds = [refund('refunded')];
    await click(button('Het SEPA-bestand maken'));
    expect(calls.some((c) => c.startsWith('returns.payByIban {"refundId":4,'))).toBe(true);
    const link = container.querySelector('a[download]')!;
    expect(link.getAttribute('download')).toBe('refund-4.xml');
    expect(link.textContent).toBe('Het SEPA-bestand downloaden (refund-4.xml)');
  });

  it('shows a cashier nothing, and a French manager “Rembourser…”', async () => {
    const cashier = { staff: { role: 'cashier' }, device: null, display: false } as unknown as SessionView;
    await render(
      station(() => saleView(), []),
      'en',
      cashier,
    );
    expect(container.textContent).toBe('');
    act(() => root.unmount());
    container.remove();
    await render(
      station(() => saleView(), []),
      'fr',
    );
    expect(button('Rembourser…')).toBeDefined();
  });
});

describe('the X and Z on screen', () => {
  it('show the day’s refunds per method and VAT rate, negative, beside the net turnover', async () => {
    setTransportForTests(station(() => saleView(), []));
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    const refunds = {
      total: { count: 1, cents: -1450 },
      byMethod: [
        { method: 'bancontact_display' as const, count: 1, cents: -1450 },
        { method: 'cash' as const, count: 0, cents: 0 },
      ],
      byVatRate: [{ ratePercent: 12, count: 1, grossCents: -1450, netCents: -1295, vatCents: -155 }],
    };
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n('en')}>
          <ReportBody report={report({ saleRefunds: refunds })} />
        </I18nextProvider>,
      ),
    );
    const table = (caption: string) =>
      [...container.querySelectorAll('table')].find((t) => t.caption?.textContent === caption)!;
    const cells = (caption: string) =>
      [...table(caption).querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(cells('Refunds per method')).toEqual([['Bancontact (display)', '1', '-€14.50']]);
    expect(cells('Refunds per VAT rate')).toEqual([['12%', '1', '-€12.95', '-€1.55', '-€14.50']]);
  });
});
