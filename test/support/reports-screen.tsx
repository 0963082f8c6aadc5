import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, vi } from 'vitest';
import { setTransportForTests } from '../../renderer/src/api/client';
import { App } from '../../renderer/src/App';
import { createI18n } from '../../renderer/src/i18n';
import { ReportsStation } from './reports-station';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;
/** The station of the running test, and the links the screen followed (jsdom cannot download). */
export const current: { station: ReportsStation; clicked: string[] } = {
  station: new ReportsStation(),
  clicked: [],
};

export async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

export async function renderReports() {
  // The app loads the Closing screen lazily; load its module first so the screen is there at once.
  await import('../../renderer/src/features/reports/ReportsScreen');
  window.location.hash = '#/reports';
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
  // React resolves the lazy screen a tick or two after the module promise.
  for (let tick = 0; tick < 20 && !container.querySelector('main:not([aria-busy])'); tick++) await flush();
}

export function buttonNamed(name: string, scope: ParentNode = container): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

export async function click(name: string, scope?: ParentNode) {
  const target = buttonNamed(name, scope);
  await act(async () => target.click());
  await flush();
}

export async function fill(selector: string, value: string) {
  const el = container.querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** A captioned table as the rows a reader sees, cells joined by " | ". */
export function table(caption: string, scope: ParentNode = container): string[] {
  const found = [...scope.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  if (!found) throw new Error(`no table ${caption}`);
  return [...found.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent).join(' | '));
}

export const section = (title: string) =>
  [...container.querySelectorAll('section')].find((s) => s.querySelector('h2')?.textContent === title)!;
export const alerts = () => [...container.querySelectorAll('[role="alert"]')].map((a) => a.textContent);

/** The rendered screen. */
export const view = () => container;

/** Each test gets a fresh station; the screen's download links are recorded instead of followed. */
export function setUpReportsScreen(): void {
  beforeEach(() => {
    current.station = new ReportsStation();
    current.clicked = [];
    setTransportForTests(current.station);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      current.clicked.push(this.getAttribute('href') ?? '');
    });
  });
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    setTransportForTests(null);
    vi.restoreAllMocks();
    window.location.hash = '';
  });
}
