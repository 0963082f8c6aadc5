// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractError, Result, SaleView, SettingsView, StationEvent } from '../../shared/contract';
import type { PaymentStatus } from '../../shared/domain/payment-status';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { StationProvider } from '../../renderer/src/components/StationProvider';
import { TillScreen } from '../../renderer/src/features/till/TillScreen';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Handler = (input: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>;

/** A station in memory: enough behaviour for the till, every call recorded. */
class FakeStation implements Transport {
  readonly kind = 'ipc';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  sales: SaleView[] = [];
  settings: SettingsView = { mode: 'training', environment: null, ppid: null, apiKeyLast4: null, hasCredentials: false, locale: 'en', publicUrl: null, callbackUrl: null, stickerPosId: null };
  listeners = new Set<(event: StationEvent) => void>();
  overrides: Partial<Record<string, Handler>> = {};
  private keys = new Map<string, string>();

  async call(method: string, input: unknown): Promise<Result<unknown>> {
    const args = (input ?? {}) as Record<string, unknown>;
    this.calls.push({ method, input: args });
    const handler = this.overrides[method] ?? this.handlers[method];
    if (!handler) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    return handler(args);
  }
  subscribe(listener: (event: StationEvent) => void) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  onReconnect() {
    return () => undefined;
  }
  emit(sale: SaleView) {
    for (const listener of this.listeners) listener({ name: 'payments.changed', payload: { sale } });
  }
  setStatus(status: PaymentStatus, saleStatus: SaleView['status'] = 'open'): SaleView {
    const sale = this.sales[0]!;
    const next: SaleView = { ...sale, status: saleStatus, payment: { ...sale.payment!, status } };
    this.sales[0] = next;
    return next;
  }
  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  private handlers: Record<string, Handler> = {
    'settings.get': () => ({ ok: true, value: this.settings }),
    'till.getCurrentSale': () => ({ ok: true, value: this.sales[0] ?? null }),
    'till.listSales': () => ({ ok: true, value: this.sales }),
    'till.startPayment': ({ amountCents, idempotencyKey }) => {
      const known = this.sales.find((s) => s.id === this.keys.get(String(idempotencyKey)));
      if (known) return { ok: true, value: known };
      const id = `sale-${this.sales.length + 1}`;
      this.keys.set(String(idempotencyKey), id);
      const sale: SaleView = {
        id,
        createdAt: new Date().toISOString(),
        amountCents: Number(amountCents),
        currency: 'EUR',
        tillId: 'till-1',
        status: 'open',
        payment: { id: `pay-${id}`, bancontactId: 'bc1', status: 'PENDING', deeplink: `https://pay.bancontact.net/p/1/${id}`, posId: null, expiresAt: null, problem: null },
      };
      this.sales.unshift(sale);
      return { ok: true, value: sale };
    },
    'till.cancelPayment': () => ({ ok: true, value: this.setStatus('CANCELLED', 'cancelled') }),
    'training.scan': () => ({ ok: true, value: this.setStatus('IDENTIFIED') }),
    'training.confirm': () => ({ ok: true, value: this.setStatus('SUCCEEDED', 'paid') }),
    'training.refuse': () => ({ ok: true, value: this.setStatus('AUTHORIZATION_FAILED', 'unpaid') }),
  };
}

let station: FakeStation;
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

function button(name: string): HTMLButtonElement | undefined {
  return [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
}

async function click(name: string) {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

async function typeAmount(text: string) {
  const input = container.querySelector<HTMLInputElement>('#amount')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;

beforeEach(() => {
  station = new FakeStation();
  setTransportForTests(station);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('till screen', () => {
  it('labels the amount field "Amount"', async () => {
    await renderTill();
    const label = container.querySelector('label[for="amount"]');
    expect(label?.textContent).toBe('Amount');
  });

  it('shows a translated problem and calls nothing for an invalid amount', async () => {
    await renderTill();
    await typeAmount('12,345');
    await click('Pay with Bancontact');
    expect(text('[role="alert"]')).toBe('Use at most two decimals (cents).');
    expect(station.callsTo('till.startPayment')).toHaveLength(0);
    await typeAmount('');
    await click('Pay with Bancontact');
    expect(text('[role="alert"]')).toBe('The basket is empty: tap an article or type an amount first.');
    expect(station.callsTo('till.startPayment')).toHaveLength(0);
  });

  it('types with the numpad and starts one payment for a double click', async () => {
    await renderTill();
    for (const key of ['1', '2', ',', '5', '0']) await click(key);
    expect(container.querySelector<HTMLInputElement>('#amount')?.value).toBe('12,50');
    const pay = button('Pay with Bancontact')!;
    await act(async () => {
      pay.click();
      pay.click();
    });
    await flush();
    const starts = station.callsTo('till.startPayment');
    expect(starts).toHaveLength(1);
    expect(starts[0]?.input.amountCents).toBe(1250);
    expect(text('[role="status"]')).toBe('Waiting for customer');
    expect(container.querySelector('svg[aria-label="Bancontact QR code"]')).not.toBeNull();
    expect(text('[data-testid="sale-amount"]')).toBe('€12.50');
  });

  it('says "Creating payment…" until the station answers', async () => {
    let answer: (result: Result<unknown>) => void = () => undefined;
    station.overrides['till.startPayment'] = () => new Promise((resolve) => (answer = resolve));
    await renderTill();
    await typeAmount('2,40');
    await click('Pay with Bancontact');
    expect(text('[role="status"]')).toBe('Creating payment…');
    expect(text('.sale-amount')).toBe('€2.40');
    expect(button('Pay with Bancontact')?.disabled).toBe(true);
    await act(async () => answer({ ok: false, error: { code: 'BANCONTACT_TIMEOUT', message: 'slow' } }));
    await flush();
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(text('[role="alert"]')).toBe('Bancontact did not answer in time');
    expect(button('Pay with Bancontact')?.disabled).toBe(false);
  });

  it('reuses the idempotency key when the same amount is sent again after a failure', async () => {
    station.overrides['till.startPayment'] = () => ({ ok: false, error: { code: 'INTERNAL', message: 'lost' } });
    await renderTill();
    await typeAmount('8');
    await click('Pay with Bancontact');
    expect(text('[role="alert"]')).toBe('The station had a problem. Try again.');
    await click('Pay with Bancontact');
    await typeAmount('9');
    await click('Pay with Bancontact');
    const keys = station.callsTo('till.startPayment').map((c) => c.input.idempotencyKey);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('follows payments.changed for the current sale and refreshes the recent sales', async () => {
    await renderTill();
    await typeAmount('12.50');
    await click('Pay with Bancontact');
    await act(async () => station.emit(station.setStatus('IDENTIFIED')));
    expect(text('[role="status"]')).toBe('Scanned');
    await act(async () => station.emit(station.setStatus('SUCCEEDED', 'paid')));
    await flush();
    expect(text('[role="status"]')).toBe('Paid');
    const row = container.querySelector('table[aria-label="Recent sales"] tbody tr');
    expect(row?.textContent).toContain('€12.50');
    expect(row?.textContent).toContain('Paid');
    expect(button('Cancel')).toBeUndefined();
  });

  it('ignores events about other sales', async () => {
    await renderTill();
    await typeAmount('5');
    await click('Pay with Bancontact');
    const other = { ...station.sales[0]!, id: 'elsewhere', payment: { ...station.sales[0]!.payment!, status: 'SUCCEEDED' as const } };
    await act(async () => station.emit(other));
    expect(text('[role="status"]')).toBe('Waiting for customer');
  });

  it('plays the customer in training mode', async () => {
    await renderTill();
    expect(container.textContent).toContain('Customer (training)');
    expect(button('Scan')?.disabled).toBe(true);
    await typeAmount('3');
    await click('Pay with Bancontact');
    expect(button('Confirm')?.disabled).toBe(true);
    await click('Scan');
    expect(text('[role="status"]')).toBe('Scanned');
    expect(button('Scan')?.disabled).toBe(true);
    await click('Refuse');
    expect(text('[role="status"]')).toBe('Refused');
    expect(button('Retry')).toBeDefined();
    expect(button('Scan')?.disabled).toBe(true);
  });

  it('hides the training panel in live mode', async () => {
    station.settings = { ...station.settings, mode: 'live' };
    await renderTill();
    expect(container.textContent).not.toContain('Customer (training)');
  });

  it('cancels, and asks before leaving an open payment for a new sale', async () => {
    await renderTill();
    await typeAmount('4');
    await click('Pay with Bancontact');
    await click('New sale');
    expect(container.textContent).toContain('This payment is still open.');
    expect(text('[role="status"]')).toBe('Waiting for customer');
    await click('Stop the payment');
    expect(station.callsTo('till.cancelPayment')[0]?.input).toEqual({ saleId: 'sale-1' });
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(container.querySelector<HTMLInputElement>('#amount')?.value).toBe('');
  });

  it('keeps the sale on screen with the translated problem, to retry or to cancel', async () => {
    const problem: ContractError = { code: 'BANCONTACT_UNAUTHORIZED', message: 'key refused' };
    const failed: SaleView = {
      id: 'sale-x',
      createdAt: new Date().toISOString(),
      amountCents: 700,
      currency: 'EUR',
      tillId: 'till-1',
      status: 'unpaid',
      payment: { id: 'p', bancontactId: null, status: 'CREATE_FAILED', deeplink: null, posId: null, expiresAt: null, problem },
    };
    station.overrides['till.startPayment'] = () => ({ ok: true, value: failed });
    station.overrides['till.cancelPayment'] = () => ({ ok: true, value: { ...failed, status: 'cancelled' } });
    await renderTill();
    await typeAmount('7');
    await click('Pay with Bancontact');
    expect(text('[role="status"]')).toBe('Payment failed');
    expect(text('[role="alert"]')).toBe('Bancontact refused the API key');
    expect(button('Retry')).toBeDefined();
    // Giving up is a choice too: the sale is closed as cancelled, not left unpaid.
    await click('Cancel');
    expect(station.callsTo('till.cancelPayment')[0]?.input).toEqual({ saleId: 'sale-x' });
    expect(text('[role="status"]')).toBe('Cancelled');
    expect(button('Cancel')).toBeUndefined();
    expect(button('Retry')).toBeUndefined();
  });

  it('shows the open sale from the station on load, not a finished one', async () => {
    await renderTill();
    await typeAmount('6');
    await click('Pay with Bancontact');
    act(() => root.unmount());
    await renderTill();
    expect(text('[role="status"]')).toBe('Waiting for customer');
    station.setStatus('SUCCEEDED', 'paid');
    act(() => root.unmount());
    await renderTill();
    expect(container.querySelector('[role="status"]')).toBeNull();
  });
});
