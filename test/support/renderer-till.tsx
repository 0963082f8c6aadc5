import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Result, SettingsView, StationEvent } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { StationProvider } from '../../renderer/src/components/StationProvider';
import { TillScreen } from '../../renderer/src/features/till/TillScreen';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/*
 * The till screen alone in jsdom, against a station that answers from its handlers (a subclass sets
 * them, and may keep state between calls). Every call is recorded; events reach the screen as the
 * station's would. Used by the split-tender tests of the till.
 */

export type Handler = (input: Record<string, unknown>) => Result<unknown>;

export const LIVE_SETTINGS = {
  mode: 'live',
  environment: 'preprod',
  locale: 'en',
  hasCredentials: true,
} as SettingsView;

export class TillStation implements Transport {
  readonly kind = 'ipc';
  calls: { method: string; input: Record<string, unknown> }[] = [];
  protected handlers: Record<string, Handler> = {};
  private listeners = new Set<(event: StationEvent) => void>();

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
    return this.calls.filter((c) => c.method === method).map((c) => c.input);
  }
  /** Sends an event to the screen, as the station's event stream would, and lets it settle. */
  async emit(event: StationEvent) {
    await act(async () => this.listeners.forEach((listener) => listener(event)));
    await flush();
  }
}

let root: Root | null = null;
let container: HTMLElement;

export async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

/** The till screen in English, talking to `station`. */
export async function renderTill(station: TillStation) {
  setTransportForTests(station);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nextProvider i18n={createI18n('en')}>
        <StationProvider>
          <TillScreen />
        </StationProvider>
      </I18nextProvider>,
    ),
  );
  await flush();
}

export function unmountTill() {
  if (root) act(() => root!.unmount());
  root = null;
  container?.remove();
  setTransportForTests(null);
}

export const view = () => container;

/** The first button named `name`, inside the element `within` selects when given (the numpads repeat keys). */
export function button(name: string, within?: string): HTMLButtonElement | undefined {
  const scope = within ? container.querySelector(within) : container;
  return [...(scope?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === name);
}

export async function click(name: string, within?: string) {
  const target = button(name, within);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

export async function type(selector: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(selector);
  if (!input) throw new Error(`no field ${selector}`);
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export const text = (selector: string) => container.querySelector(selector)?.textContent ?? null;
