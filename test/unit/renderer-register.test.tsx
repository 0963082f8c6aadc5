// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleView, Result, SaleView, StationEvent } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { StationProvider } from '../../renderer/src/components/StationProvider';
import { TillScreen } from '../../renderer/src/features/till/TillScreen';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = (input: Record<string, unknown>) => Result<unknown>;

const article = (
  id: string,
  name: string,
  priceCents: number,
  vatRate: number,
  category: string,
): ArticleView => ({
  id,
  name,
  priceCents,
  vatRate,
  category,
  colour: '#fde68a',
  barcode: null,
  recurringPlan: null,
  active: true,
  shopIds: [],
  position: 0,
});

const ARTICLES = [
  article('beer', 'Pils', 350, 21, 'Drinks'),
  article('water', 'Water', 250, 6, 'Drinks'),
  article('croque', 'Croque', 800, 12, 'Food'),
];

/** A station in memory: the catalogue, a drawer, and Bancontact sales the test moves on by events. */
class RegisterStation implements Transport {
  readonly kind = 'ipc';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  drawerOpen = true;
  listeners = new Set<(event: StationEvent) => void>();
  sales: SaleView[] = [];
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    const args = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const handler = this.handlers[method];
    return handler ? handler(args) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  }
  subscribe(listener: (event: StationEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  onReconnect() {
    return () => undefined;
  }
  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }
  pay(): void {
    const sale: SaleView = { ...this.sales[0]!, status: 'paid' };
    sale.payment = { ...sale.payment!, status: 'SUCCEEDED' };
    for (const listener of this.listeners) listener({ name: 'payments.changed', payload: { sale } });
  }
  private handlers: Record<string, Handler> = {
    'articles.list': () => ({ ok: true, value: ARTICLES }),
    'till.getCurrentSale': () => ({ ok: true, value: null }),
    'till.listSales': () => ({ ok: true, value: [] }),
    'drawer.get': () => ({ ok: true, value: this.drawerOpen ? { status: 'open' } : null }),
    'drawer.open': () => {
      this.drawerOpen = true;
      return { ok: true, value: { status: 'open' } };
    },
    'till.payWithWristband': ({ amountCents, wristbandId }) => ({
      ok: true,
      value: {
        id: 'band-sale',
        tillId: 'till-1',
        createdAt: new Date().toISOString(),
        amountCents: Number(amountCents),
        currency: 'EUR',
        status: 'paid',
        tender: 'wristband',
        wristbandId,
        payment: null,
      },
    }),
    'wristbands.get': () => ({ ok: true, value: { balanceCents: 1000 } }),
    'till.startPayment': ({ amountCents }) => {
      const sale: SaleView = {
        id: `sale-${this.sales.length + 1}`,
        tillId: 'till-1',
        createdAt: new Date().toISOString(),
        amountCents: Number(amountCents),
        currency: 'EUR',
        status: 'open',
        payment: {
          id: 'p',
          bancontactId: 'b',
          status: 'PENDING',
          deeplink: 'https://x/y',
          posId: null,
          expiresAt: null,
          problem: null,
        },
      };
      this.sales.unshift(sale);
      return { ok: true, value: sale };
    },
  };
}

let station: RegisterStation;
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

const buttons = () => [...container.querySelectorAll('button')];
const named = (name: string) => (b: HTMLButtonElement) =>
  (b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '').startsWith(name);

async function click(name: string) {
  const target = buttons().find(named(name));
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

async function fill(label: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(`input[aria-label="${label}"], #${label}`)!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const testId = (id: string) => container.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent);

beforeEach(() => {
  station = new RegisterStation();
  setTransportForTests(station);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('the register', () => {
  it('shows the articles by category and totals the basket: net, VAT per rate, gross', async () => {
    await renderTill();
    expect([...container.querySelectorAll('[role="tab"]')].map((t) => t.textContent)).toEqual([
      'Drinks',
      'Food',
      'Amount',
    ]);
    await click('Pils');
    await click('Water');
    await click('Food');
    await click('Croque');
    await click('One Pils more');
    expect(testId('basket-total')).toBe('€17.50');
    const rates = [...container.querySelectorAll('[data-rate]')].map((r) => r.textContent);
    expect(rates).toEqual(['VAT 21 %€1.21', 'VAT 12 %€0.86', 'VAT 6 %€0.14']);
    expect(testId('basket-net')).toBe('€15.29');
  });

  it('sends the basket with the total, and a paid sale is finished: Pay again starts nothing', async () => {
    await renderTill();
    await click('Pils');
    await click('Discount on the sale');
    await fill('Discount on the whole sale', '10');
    await click('Apply');
    await click('Pay with Bancontact');
    const [start] = station.callsTo('till.startPayment');
    expect(start?.input).toMatchObject({
      amountCents: 315,
      basket: { lines: [{ articleId: 'beer', quantity: 1 }], discount: { kind: 'percent', percent: 10 } },
    });
    await act(async () => station.pay());
    await flush();
    expect(testId('basket-total')).toBe('€0.00');
    await click('Pay with Bancontact');
    expect(station.callsTo('till.startPayment')).toHaveLength(1);
    expect(alerts()).toContain('The basket is empty: tap an article or type an amount first.');
  });

  it('says a manager must give a discount above the limit', async () => {
    await renderTill();
    await click('Water');
    expect(testId('discount-limit')).toBeNull();
    await click('Discount on Water');
    await fill('Discount on Water', '15');
    await click('Apply');
    expect(testId('discount-limit')).toBe(
      'Discounts above 10 % need a manager: the station refuses them for a cashier.',
    );
  });

  it('asks before charging more than €500', async () => {
    await renderTill();
    await click('Amount');
    await fill('amount', '600');
    await click('Pay with Bancontact');
    expect(station.callsTo('till.startPayment')).toHaveLength(0);
    expect(container.textContent).toContain('Charge €600.00? Check the amount with the customer.');
    await click('Yes, charge it');
    expect(station.callsTo('till.startPayment')).toHaveLength(1);
  });

  it('with the drawer closed, offers to open it with a float before any cash is taken', async () => {
    station.drawerOpen = false;
    await renderTill();
    await click('Food');
    await click('Croque');
    await click('Pay cash');
    expect(container.textContent).toContain('The cash drawer of this till is closed.');
    expect(container.querySelector('#cash-received')).toBeNull();
    await fill('drawer-float', '150');
    await click('Open drawer');
    expect(station.callsTo('drawer.open')[0]?.input).toEqual({ floatCents: 15000 });
    expect(testId('cash-due')).toBe('€8.00');
  });

  it('a wristband sale sends the basket with its total', async () => {
    await renderTill();
    await click('Pils');
    await click('Water');
    await click('Pay with wristband');
    await fill('wristband-id', 'WB-7');
    await click('Debit the wristband');
    expect(station.callsTo('till.payWithWristband')[0]?.input).toMatchObject({
      amountCents: 600,
      wristbandId: 'WB-7',
      basket: { lines: [{ articleId: 'beer' }, { articleId: 'water' }] },
    });
    expect(container.textContent).toContain('Paid with wristband');
  });
});
