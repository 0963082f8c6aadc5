// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result, SaleView, SettingsView, StationEvent } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { App } from '../../renderer/src/App';
import { OUTCOME_MS } from '../../renderer/src/features/customer/use-customer-sale';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TRAINING: SettingsView = {
  mode: 'training',
  environment: null,
  ppid: null,
  apiKeyLast4: null,
  hasCredentials: false,
  locale: 'en',
  publicUrl: null,
  callbackUrl: null,
  stickerPosId: null,
};

function sale(status: SaleView['status'], paymentStatus: 'PENDING' | 'SUCCEEDED'): SaleView {
  return {
    id: 's1',
    createdAt: '2025-05-01T10:00:00.000Z',
    amountCents: 1250,
    currency: 'EUR',
    tillId: 'till-1',
    status,
    payment: {
      id: 'p1',
      bancontactId: 'b1',
      status: paymentStatus,
      deeplink: 'https://pay.bancontact.net/p/1/x',
      posId: null,
      expiresAt: null,
      problem: null,
    },
  };
}

/** Answers from a table of canned results; records every call. */
function fakeStation(answers: Record<string, (input: Record<string, unknown>) => Result<unknown>>) {
  const listeners = new Set<(event: StationEvent) => void>();
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      const args = (input ?? {}) as Record<string, unknown>;
      calls.push({ method, input: args });
      return answers[method]?.(args) ?? { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onReconnect: () => () => undefined,
  };
  const emit = (event: StationEvent) => listeners.forEach((l) => l(event));
  return { transport, calls, emit };
}

let root: Root;
let container: HTMLElement;

async function flush() {
  // Microtasks only: the customer test fakes setTimeout.
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

async function renderAt(hash: string) {
  window.location.hash = hash;
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n('en')}>
        <App />
      </I18nextProvider>,
    ),
  );
  await flush();
}

function button(name: string) {
  return [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
}

async function click(name: string) {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

async function fill(selector: string, value: string) {
  const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

const alertText = () => container.querySelector('[role="alert"]')?.textContent ?? null;

beforeEach(() => {
  window.location.hash = '';
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
  vi.useRealTimers();
});

describe('header', () => {
  it('shows Kassa, the training banner, the links and switches language through the station', async () => {
    const station = fakeStation({
      'settings.get': () => ({ ok: true, value: TRAINING }),
      'settings.setLocale': ({ locale }) => ({ ok: true, value: { ...TRAINING, locale } }),
      'till.getCurrentSale': () => ({ ok: true, value: null }),
      'till.listSales': () => ({ ok: true, value: [] }),
    });
    setTransportForTests(station.transport);
    await renderAt('#/');
    expect(container.textContent).toContain('Kassa');
    expect(container.querySelector('.training-banner')?.textContent).toBe('Training mode — no real money');
    const navs = [...container.querySelectorAll('nav a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(navs).toEqual([
      ['Till', '#/'],
      ['Customer display', '#/customer'],
      ['Top-up', '#/topup'],
      ['Closing', '#/reports'],
      ['Articles', '#/articles'],
      ['Agreements', '#/agreements'],
      ['QR codes', '#/stickers'],
      ['Settings', '#/settings'],
      ['Staff', '#/staff'],
      ['Linked devices', '#/devices'],
      ['Audit log', '#/audit'],
    ]);
    await click('NL');
    expect(station.calls.find((c) => c.method === 'settings.setLocale')?.input).toEqual({ locale: 'nl' });
    expect(container.querySelector('label[for="amount"]')?.textContent).toBe('Bedrag');
    expect(container.querySelector('.training-banner')?.textContent).toBe('Oefenmodus — geen echt geld');
    // Switching language must not make the screen re-read the station (and read the old language back).
    expect(station.calls.filter((c) => c.method === 'settings.get')).toHaveLength(1);
  });

  it('takes the initial language from the station settings', async () => {
    setTransportForTests(
      fakeStation({
        'settings.get': () => ({ ok: true, value: { ...TRAINING, mode: 'live', locale: 'fr' } }),
        'till.getCurrentSale': () => ({ ok: true, value: null }),
      }).transport,
    );
    await renderAt('#/customer');
    expect(container.textContent).toContain('Bienvenue');
    expect(container.querySelector('.training-banner')).toBeNull();
  });
});

describe('customer display', () => {
  it('welcomes, then shows amount, QR and status, then thanks and returns to idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const station = fakeStation({
      'settings.get': () => ({ ok: true, value: TRAINING }),
      'till.getCurrentSale': () => ({ ok: true, value: null }),
    });
    setTransportForTests(station.transport);
    await renderAt('#/customer');
    expect(container.textContent).toContain('Welcome');
    expect(container.querySelector('button:not([lang])')).toBeNull();

    await act(async () =>
      station.emit({ name: 'payments.changed', payload: { sale: sale('open', 'PENDING') } }),
    );
    expect(container.querySelector('[data-testid="customer-amount"]')?.textContent).toBe('€12.50');
    expect(container.querySelector('svg[aria-label="Bancontact QR code"]')).not.toBeNull();

    await act(async () =>
      station.emit({ name: 'payments.changed', payload: { sale: sale('paid', 'SUCCEEDED') } }),
    );
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Paid — thank you');
    expect(container.querySelector('svg')).toBeNull();

    await act(async () => vi.advanceTimersByTime(OUTCOME_MS));
    expect(container.textContent).toContain('Welcome');
  });
});

describe('settings', () => {
  function settingsStation(
    overrides: Record<string, (input: Record<string, unknown>) => Result<unknown>> = {},
  ) {
    const station = fakeStation({
      'settings.get': () => ({ ok: true, value: TRAINING }),
      'settings.testConnection': () => ({
        ok: false,
        error: { code: 'BANCONTACT_UNAUTHORIZED', message: '401' },
      }),
      'settings.goLive': ({ environment, ppid }) => ({
        ok: true,
        value: { mode: 'live', environment, ppid, apiKeyLast4: 'wxyz', hasCredentials: true, locale: 'en' },
      }),
      'settings.useTraining': () => ({ ok: false, error: { code: 'PAYMENT_OPEN', message: 'open' } }),
      ...overrides,
    });
    setTransportForTests(station.transport);
    return station;
  }

  it('checks the form before calling, and translates a refused key', async () => {
    const station = settingsStation();
    await renderAt('#/settings');
    expect(container.querySelector('[data-testid="mode"]')?.textContent).toBe('Training');
    await click('Test connection');
    expect(alertText()).toBe('Fill in the payment profile id (letters and digits only).');
    expect(station.calls.some((c) => c.method === 'settings.testConnection')).toBe(false);

    await fill('#ppid', 'PPID123');
    await fill('#api-key', 'secret-key-wxyz');
    await click('Test connection');
    expect(alertText()).toBe('Bancontact refused the API key');
    expect(container.querySelector<HTMLInputElement>('#api-key')?.type).toBe('password');
  });

  it('goes live, shows only the last four of the key, and explains PAYMENT_OPEN', async () => {
    const station = settingsStation({
      'settings.testConnection': () => ({ ok: true, value: { environment: 'production', ok: true } }),
    });
    await renderAt('#/settings');
    await fill('#environment', 'production');
    await fill('#ppid', 'PPID123');
    await fill('#api-key', 'secret-key-wxyz');
    await click('Test connection');
    await click('Use these credentials');
    expect(station.calls.find((c) => c.method === 'settings.goLive')?.input).toEqual({
      environment: 'production',
      ppid: 'PPID123',
      apiKey: 'secret-key-wxyz',
    });
    expect(container.querySelector('[data-testid="mode"]')?.textContent).toBe('Live');
    expect(container.querySelector('[data-testid="api-key"]')?.textContent).toBe('…wxyz');
    expect(container.innerHTML).not.toContain('secret-key');
    expect(container.querySelector('.training-banner')).toBeNull();

    await click('Back to training mode');
    expect(alertText()).toBe('A payment is still open. Finish or cancel it first.');
  });

  it('offers Use these credentials only after a passed test of exactly the values on screen', async () => {
    let works = false;
    const station = settingsStation({
      'settings.testConnection': () =>
        works
          ? { ok: true, value: { environment: 'preprod', ok: true } }
          : { ok: false, error: { code: 'NETWORK_DOWN', message: 'down' } },
    });
    await renderAt('#/settings');
    const goLive = () => button('Use these credentials')!;
    const reason = () => container.querySelector('[data-testid="go-live-block"]')?.textContent ?? null;
    await fill('#ppid', 'PPID123');
    await fill('#api-key', 'secret-key-wxyz');
    expect(goLive().disabled).toBe(true);
    expect(reason()).toContain('Test the connection first');

    await click('Test connection');
    expect(alertText()).toBe('No network connection to Bancontact');
    expect(goLive().disabled).toBe(true);

    works = true;
    await click('Test connection');
    expect(goLive().disabled).toBe(false);
    expect(reason()).toBeNull();
    // Another PPID on screen is not what passed.
    await fill('#ppid', 'PPID124');
    expect(goLive().disabled).toBe(true);
    await fill('#ppid', 'PPID123');
    expect(goLive().disabled).toBe(false);
    await fill('#environment', 'production');
    expect(goLive().disabled).toBe(true);
    await click('Use these credentials');
    expect(station.calls.some((c) => c.method === 'settings.goLive')).toBe(false);
  });

  it('asks for a new test when the station says the passed one has expired', async () => {
    settingsStation({
      'settings.testConnection': () => ({ ok: true, value: { environment: 'preprod', ok: true } }),
      'settings.goLive': () => ({ ok: false, error: { code: 'CONNECTION_NOT_TESTED', message: 'expired' } }),
    });
    await renderAt('#/settings');
    await fill('#ppid', 'PPID123');
    await fill('#api-key', 'secret-key-wxyz');
    await click('Test connection');
    await click('Use these credentials');
    expect(alertText()).toContain('going live needs a passed test from the last 10 minutes');
    expect(button('Use these credentials')!.disabled).toBe(true);
  });

  it('flags a key with a special dash at once, before any call', async () => {
    const station = settingsStation();
    await renderAt('#/settings');
    await fill('#ppid', 'PPID123');
    await fill('#api-key', 'secret\u2013key-wxyz');
    expect(alertText()).toContain('holds a character an API key cannot have');
    expect(button('Use these credentials')!.disabled).toBe(true);
    await click('Test connection');
    expect(station.calls.some((c) => c.method === 'settings.testConnection')).toBe(false);
    await fill('#api-key', 'secret-key-wxyz');
    expect(container.textContent).not.toContain('holds a character an API key cannot have');
  });

  it('says when the connection works', async () => {
    settingsStation({
      'settings.testConnection': () => ({ ok: true, value: { environment: 'preprod', ok: true } }),
    });
    await renderAt('#/settings');
    await fill('#ppid', 'PPID123');
    await click('Test connection');
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Connection works');
    // The result spoke of PPID123: another PPID has not been tested.
    await fill('#ppid', 'PPID124');
    expect(container.textContent).not.toContain('Connection works');
  });
});
