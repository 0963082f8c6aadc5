// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CashSaleView, Result, SalesSetupView, SettingsView, StationEvent } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { StationProvider } from '../../renderer/src/components/StationProvider';
import { TillScreen } from '../../renderer/src/features/till/TillScreen';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = (input: Record<string, unknown>) => Result<unknown>;

const SETTINGS: SettingsView = {
  mode: 'live',
  environment: 'preprod',
  ppid: 'P',
  apiKeyLast4: 'abcd',
  hasCredentials: true,
  locale: 'en',
  publicUrl: null,
  callbackUrl: null,
  stickerPosId: null,
};
const SETUP: SalesSetupView = {
  shops: [{ id: 'shop-1', name: 'Shop', address: '', website: '', vatNumber: '' }],
  business: { name: '', address: '', website: '', vatNumber: '' },
  vatRates: [{ rate: 21, from: '1970-01-01' }],
  cashRounding: 5,
  defaultVatRate: 21,
  defaultCashierId: 'cashier-1',
  discountLimitPercent: 10,
  confirmAboveCents: 50_000,
  tills: [],
};

/** A station that knows cash: it rounds, refuses too little and answers like till.payCash. */
class CashStation implements Transport {
  readonly kind = 'ipc';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  setup = SETUP;
  overrides: Partial<Record<string, Handler>> = {};
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    const args = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const handler = this.overrides[method] ?? this.handlers[method];
    return handler ? handler(args) : { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
  }
  subscribe(_listener: (event: StationEvent) => void) {
    return () => undefined;
  }
  onReconnect() {
    return () => undefined;
  }
  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }
  private handlers: Record<string, Handler> = {
    'settings.get': () => ({ ok: true, value: SETTINGS }),
    'settings.getSalesSetup': () => ({ ok: true, value: this.setup }),
    'till.getCurrentSale': () => ({ ok: true, value: null }),
    'till.listSales': () => ({ ok: true, value: [] }),
    // Cash is taken only into an open drawer; the till asks before it opens the cash panel.
    'drawer.get': () => ({ ok: true, value: { id: 'd1', tillId: 'till-1', status: 'open' } }),
    'till.payCash': ({ amountCents, tenderedCents }) => {
      const amount = Number(amountCents);
      const due = Math.round(amount / this.setup.cashRounding) * this.setup.cashRounding;
      const view: CashSaleView = {
        sale: {
          id: 's1',
          tillId: 'till-1',
          createdAt: '2026-05-01T10:00:00.000Z',
          amountCents: amount,
          currency: 'EUR',
          status: 'paid',
          tender: 'cash',
          wristbandId: null,
          payment: null,
        },
        dueCents: due,
        tenderedCents: Number(tenderedCents),
        changeCents: Number(tenderedCents) - due,
        roundingCents: due - amount,
        drawerId: 'd1',
      };
      return { ok: true, value: view };
    },
  };
}

let station: CashStation;
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

async function openCash(amount: string) {
  await renderTill();
  await type('#amount', amount);
  await click('Pay cash');
}

beforeEach(() => {
  station = new CashStation();
  setTransportForTests(station);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('cash at the till', () => {
  it('rounds the amount due to 5 cents, shows the change as the cashier types, and says what to give back', async () => {
    await openCash('10,02');
    expect(text('[data-testid="cash-due"]')).toBe('€10.00');
    expect(container.textContent).toContain('Price €10.02, rounded to 5 cents');
    await type('#cash-received', '15');
    expect(text('[data-testid="cash-change"]')).toBe('Change: €5.00');
    await click('€20');
    expect(container.querySelector<HTMLInputElement>('#cash-received')?.value).toBe('20,00');
    expect(text('[data-testid="cash-change"]')).toBe('Change: €10.00');
    await click('Take the cash');
    const [pay] = station.callsTo('till.payCash');
    expect(pay?.input).toMatchObject({ amountCents: 1002, tenderedCents: 2000 });
    expect(String(pay?.input.idempotencyKey).length).toBeGreaterThanOrEqual(8);
    expect(text('[role="status"]')).toBe('Paid in cash');
    expect(text('[data-testid="cash-give-back"]')).toBe('Give back €10.00');
    await click('New sale');
    expect(container.querySelector('#cash-received')).toBeNull();
    expect(container.querySelector<HTMLInputElement>('#amount')?.value).toBe('');
  });

  it('fills the exact amount due, and rounds 3 and 4 cents up', async () => {
    await openCash('7,33');
    expect(text('[data-testid="cash-due"]')).toBe('€7.35');
    await click('Exact');
    expect(text('[data-testid="cash-change"]')).toBe('Change: €0.00');
  });

  it('refuses less cash than is due with both amounts, and asks the station nothing', async () => {
    await openCash('10,02');
    await type('#cash-received', '5');
    expect(text('[data-testid="cash-change"]')).toBe('€5.00 short');
    await click('Take the cash');
    expect(text('[role="alert"]')).toBe('The cash received (€5.00) is less than the amount due (€10.00).');
    await type('#cash-received', 'vijf');
    await click('Take the cash');
    expect(text('[role="alert"]')).toBe('That is not an amount. Use digits and one comma, like 12,50.');
    expect(station.callsTo('till.payCash')).toHaveLength(0);
  });

  it('does not round when the sales setup says cash is counted to the cent', async () => {
    station.setup = { ...SETUP, cashRounding: 1 };
    await openCash('10,02');
    expect(text('[data-testid="cash-due"]')).toBe('€10.02');
    expect(container.textContent).not.toContain('rounded to 5 cents');
  });

  it('sends a lost attempt again with the same key, and a new attempt after a refusal with a new one', async () => {
    const answers: Result<unknown>[] = [
      { ok: false, error: { code: 'STATION_UNREACHABLE', message: 'no answer' } },
      { ok: false, error: { code: 'DRAWER_NOT_OPEN', message: 'closed' } },
    ];
    station.overrides['till.payCash'] = () => answers.shift()!;
    await openCash('4');
    await click('€5');
    await click('Take the cash');
    expect(text('[role="alert"]')).toBe(
      'The station cannot be reached. Check that Kassa is running, then try again.',
    );
    await click('Take the cash');
    expect(text('[role="alert"]')).toBe("This till's cash drawer is not open. Open it with a float first.");
    delete station.overrides['till.payCash'];
    await click('Take the cash');
    const keys = station.callsTo('till.payCash').map((c) => c.input.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(text('[data-testid="cash-give-back"]')).toBe('Give back €1.00');
  });

  it('explains a wrong amount before any cash panel opens', async () => {
    await openCash('12,555');
    expect(text('[role="alert"]')).toBe('Use at most two decimals (cents).');
    expect(container.querySelector('#cash-received')).toBeNull();
  });
});
