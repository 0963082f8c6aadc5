import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Locale } from '../../shared/domain/money';
import type { i18n as I18n } from 'i18next';
import type { Result, SettingsView, StationEvent } from '../../shared/contract';
import type { SessionView } from '../../shared/contract/staff-views';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { App } from '../../renderer/src/App';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/*
 * The whole renderer (App) in jsdom against a station that answers from a table, for the screens of
 * linked devices, the pairing page, the audit log and the customer display. Every call is recorded.
 */

export type Answer = (input: Record<string, unknown>) => Result<unknown>;

export const TRAINING: SettingsView = {
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

const STATION_WINDOW = {
  id: 'station',
  name: 'Station',
  kind: 'station',
  rights: 'manager',
  tillId: null,
} as const;

/** A session as session.get answers it: a person of `role` on `device` (the station's window by default). */
/** `locale`: the person's own language, which the screens follow while they are signed in. */
export function sessionOf(
  role: 'administrator' | 'manager' | 'cashier' | null,
  device: SessionView['device'] = STATION_WINDOW,
  locale: Locale = 'en',
): SessionView {
  const staff = role ? { id: `p-${role}`, name: `Pat ${role}`, role, locale, training: false } : null;
  return { staff, device, display: false, idleLockMinutes: 0, needsFirstAdministrator: false, people: [] };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fakeStation(answers: Record<string, Answer>) {
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
  setTransportForTests(transport);
  const emit = (event: StationEvent) => act(async () => listeners.forEach((listener) => listener(event)));
  const called = (method: string) => calls.filter((c) => c.method === method).map((c) => c.input);
  return { calls, called, emit, answers };
}

let root: Root | null = null;
let container: HTMLElement;

export async function flush() {
  // Microtasks only, so that tests faking timers still settle the station's answers.
  await act(async () => {
    for (let i = 0; i < 30; i++) await Promise.resolve();
  });
}

/** Renders the app at `url` (a path with an optional fragment, as a browser would open it). */
export async function renderApp(url: string, i18n: I18n = createI18n('en')) {
  window.history.replaceState(null, '', url);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>,
    ),
  );
  await flush();
  return i18n;
}

export function cleanup() {
  if (root) act(() => root!.unmount());
  root = null;
  container?.remove();
  setTransportForTests(null);
  window.history.replaceState(null, '', '/');
}

export const view = () => container;
export const text = () => container.textContent ?? '';
export const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent);
export const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

export function buttonNamed(name: string): HTMLButtonElement | undefined {
  return [...container.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
}

export async function click(name: string) {
  const target = buttonNamed(name);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

/** Types into an input or picks in a select, as React hears it. */
export async function fill(selector: string, value: string) {
  const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
  if (!el) throw new Error(`no field ${selector}`);
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Taps a radio tile or a checkbox by its visible label. */
export async function choose(label: string) {
  const found = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim().startsWith(label));
  const input = found?.querySelector('input');
  if (!input) throw new Error(`no choice ${label}`);
  await act(async () => input.click());
}

/** A table's body as the rows a reader sees, cells joined by " | ". */
export function rows(selector: string): string[] {
  const table = container.querySelector<HTMLTableElement>(selector);
  if (!table) throw new Error(`no table ${selector}`);
  return [...table.tBodies[0]!.rows].map((r) =>
    [...r.cells]
      .map((c) => c.textContent?.trim())
      .join(' | ')
      .trim(),
  );
}
