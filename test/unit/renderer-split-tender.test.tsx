// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result, SaleView, SettingsView, StationEvent, TenderView } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { StationProvider } from '../../renderer/src/components/StationProvider';
import { TillScreen } from '../../renderer/src/features/till/TillScreen';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = (input: Record<string, unknown>) => Result<unknown>;

const SETTINGS = { mode: 'live', environment: 'preprod', locale: 'en', hasCredentials: true } as SettingsView;
const BAND = 'W1234567';

const wristbandTender = (amountCents: number): TenderView => ({
  ...{ method: 'wristband', amountCents, status: 'succeeded', at: '2026-05-01T10:00:00.000Z' },
  ...{ paymentId: null, bancontactId: null, wristbandId: BAND, cash: null, givenBack: false },
});
const BANCONTACT_PART: TenderView = {
  ...{ method: 'bancontact', amountCents: 1_500, status: 'pending', at: '2026-05-01T10:01:00.000Z' },
  ...{ paymentId: 'p1', bancontactId: 'b1', wristbandId: null, cash: null, givenBack: false },
};
const splitSale = (status: SaleView['status']): SaleView => ({
  ...{ id: 's1', tillId: 'till-1', createdAt: '2026-05-01T10:00:00.000Z', amountCents: 2_500 },
  ...{ currency: 'EUR', status, tender: 'wristband', wristbandId: BAND, payment: null },
  ...{ tenders: [wristbandTender(1_000)], dueCents: status === 'open' ? 1_500 : 0 },
});

/** A station whose wristband holds €10.00: a whole €25.00 is refused, a part of €10.00 is taken. */
class SplitStation implements Transport {
  readonly kind = 'ipc';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  recent: SaleView[] = [];
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    const args = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const handler = this.handlers[method];
    return handler ? handler(args) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  }
  subscribe(_listener: (event: StationEvent) => void) {
    return () => undefined;
  }
  onReconnect() {
    return () => undefined;
  }
  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }
  private handlers: Record<string, Handler> = {
    'settings.get': () => ({ ok: true, value: SETTINGS }),
    'settings.getSalesSetup': () => ({ ok: false, error: { code: 'INTERNAL', message: 'not here' } }),
    'till.getCurrentSale': () => ({ ok: true, value: null }),
    'till.listSales': () => ({ ok: true, value: this.recent }),
    'payments.getTimeline': () => ({
      ok: true,
      value: [{ at: '2026-05-01T10:01:30.000Z', from: 'PENDING', to: 'SUCCEEDED', source: 'callback' }],
    }),
    'wristbands.get': () => ({ ok: true, value: { id: BAND, balanceCents: 1_000, entries: [] } }),
    'till.payWithWristband': ({ tenderCents }) =>
      tenderCents === 1_000
        ? { ok: true, value: splitSale('open') }
        : { ok: false, error: { code: 'INSUFFICIENT_FUNDS', message: 'short' } },
    'till.startPayment': () => ({
      ok: true,
      value: {
        ...splitSale('open'),
        payment: {
          id: 'p1',
          bancontactId: 'b1',
          status: 'PENDING',
          deeplink: 'https://pay.bancontact.net/pay/2/b1',
        },
        tenders: [wristbandTender(1_000), { ...BANCONTACT_PART }],
      },
    }),
    'till.cancelSale': () => ({
      ok: true,
      value: { ...splitSale('cancelled'), tenders: [{ ...wristbandTender(1_000), givenBack: true }] },
    }),
  };
}

let station: SplitStation;
let root: Root;
let container: HTMLElement;

async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function renderTill() {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n('en')}>
        <StationProvider>
          <TillScreen />
        </StationProvider>
      </I18nextProvider>,
    ),
  );
  await flush();
}

async function click(name: string) {
  const target = [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

async function type(selector: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(selector)!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;

/** €25.00 at the bar; the wristband holds €10.00, and the cashier takes that as a part. */
async function takeWristbandPart() {
  await renderTill();
  await type('#amount', '25');
  await click('Pay with wristband');
  await type('#wristband-id', BAND);
  await click('Debit the wristband');
  expect(text('[data-testid="wristband-balance"]')).toContain('€10.00');
  await click('Take €10.00 from the wristband, rest by another tender');
}

beforeEach(() => {
  station = new SplitStation();
  setTransportForTests(station);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('a sale paid in parts at the till', () => {
  it('offers a short wristband’s balance, then shows what it paid and what is due, and Bancontact takes the rest', async () => {
    await takeWristbandPart();
    // Nothing was taken before the cashier's tap: the first request asked for the whole amount.
    const [whole, part] = station.callsTo('till.payWithWristband');
    expect(whole).not.toHaveProperty('tenderCents');
    expect(part).toMatchObject({ amountCents: 2_500, tenderCents: 1_000, wristbandId: BAND });
    expect(text('[data-testid="split-total"]')).toBe('€25.00');
    expect(text('.split-summary')).toContain('Wristband€10.00');
    expect(text('[data-testid="split-due"]')).toBe('€15.00');
    // The basket stays on screen, locked, while the sale is open.
    expect(container.querySelector('.till-basket')?.textContent).toContain('€25.00');
    await click('Bancontact');
    expect(station.callsTo('till.startPayment')).toEqual([
      expect.objectContaining({ amountCents: 2_500, saleId: 's1' }),
    ]);
    // The QR asks for the part.
    expect(text('[data-testid="sale-amount"]')).toBe('€15.00');
  });

  it('asks before cancelling, says what goes back, and starts empty after', async () => {
    await takeWristbandPart();
    await click('Cancel sale');
    expect(text('#cancel-split')).toBe('Cancel this sale? Everything already paid goes back:');
    expect(text('.split-give-back')).toBe(`€10.00 back onto wristband ${BAND}`);
    expect(station.callsTo('till.cancelSale')).toHaveLength(0);
    await click('Cancel the sale and give back');
    expect(station.callsTo('till.cancelSale')).toEqual([{ saleId: 's1' }]);
    expect(container.querySelector('[data-testid="split-sale"]')).toBeNull();
    expect(container.querySelector('.till-basket')?.textContent).not.toContain('€25.00');
  });

  it('lists a paid split sale once, with all it took and a timeline per tender', async () => {
    station.recent = [
      {
        ...splitSale('paid'),
        tender: 'split',
        tenders: [wristbandTender(1_000), { ...BANCONTACT_PART, status: 'succeeded' }],
      },
    ];
    await renderTill();
    const row = container.querySelector('tr[data-sale-id="s1"]');
    expect(row?.textContent).toContain('Split');
    expect(row?.querySelector('[data-testid="taken"]')?.textContent).toBe('€25.00');
    await click('Timeline');
    const dialog = container.querySelector('[role="dialog"]');
    expect([...(dialog?.querySelectorAll('h4') ?? [])].map((h) => h.textContent)).toEqual([
      'Wristband €10.00',
      'Bancontact €15.00',
    ]);
    expect(dialog?.textContent).toContain(`Debited from wristband ${BAND}`);
    expect(dialog?.querySelector('tr[data-to="SUCCEEDED"]')).not.toBeNull();
  });
});
