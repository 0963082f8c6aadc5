// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  stationRefusal,
  type Result,
  type StationEvent,
  type StationRefusal,
  type StationStatus,
} from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { App } from '../../renderer/src/App';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const MISSING_BOOK = stationRefusal({
  file: '/data/kassa/kassa.sqlite',
  problem: 'missing',
  detail: "it is missing, but this folder's books say it holds Z 7",
  databaseFile: 'kassa.sqlite',
  remedies: ['restore-backup', 'start-new-book'],
});

const BAD_FIELD = stationRefusal({
  file: '/data/kassa/settings.json',
  problem: 'bad-field',
  detail: 'the field "mode" is wrong (Invalid option)',
  field: 'mode',
  remedies: ['fix-field'],
});

/** A station refused for `refusal` until a new book is started; everything else answers as refused. */
class RefusedStation implements Transport {
  readonly kind = 'http';
  calls: { method: string; input: unknown }[] = [];
  constructor(
    public refusal: StationRefusal | null,
    private readonly locale: 'en' | 'nl' = 'en',
  ) {}
  async call(method: string, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ method, input });
    if (method === 'station.getStatus') return { ok: true, value: this.status() };
    if (method === 'backups.list') return { ok: true, value: [] };
    if (method === 'station.startNewBook') {
      this.refusal = null;
      return {
        ok: true,
        value: { databaseFile: 'kassa.sqlite', movedAside: [], nextZNumber: 8, status: this.status() },
      };
    }
    if (this.refusal) return { ok: false, error: { code: 'STATION_REFUSED', message: this.refusal.line } };
    return { ok: false, error: { code: 'NOT_FOUND', message: method } };
  }
  status(): StationStatus {
    return {
      mode: 'live',
      environment: 'production',
      locale: this.locale,
      version: '1',
      httpUrl: null,
      refusal: this.refusal,
    };
  }
  subscribe(_listener: (event: StationEvent) => void) {
    return () => undefined;
  }
  onReconnect() {
    return () => undefined;
  }
}

let station: RefusedStation;
let root: Root;
let container: HTMLElement;

async function flush() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

async function render(locale: 'en' | 'nl' | 'fr' = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <App />
      </I18nextProvider>,
    ),
  );
  await flush();
}

const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

async function click(name: string) {
  const found = button(name);
  if (!found) throw new Error(`no button ${name}`);
  await act(async () => found.click());
  await flush();
}

/** Types as a person does, through React's own value tracking. */
async function type(input: HTMLInputElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setValue.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('the refusal screen', () => {
  beforeEach(() => {
    station = new RefusedStation(MISSING_BOOK);
    setTransportForTests(station);
  });

  it('replaces the till with the file, the problem and both remedies', async () => {
    await render();
    expect(container.querySelector('h1')?.textContent).toBe('Kassa did not start');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'kassa.sqlite is missing, but this computer had been keeping its books in it.',
    );
    expect(container.querySelector('code')?.textContent).toBe('/data/kassa/kassa.sqlite');
    expect(container.textContent).toContain('Restore a backup');
    expect(button('Start a new book…')).toBeTruthy();
    expect(button('Pay with Bancontact')).toBeUndefined();
    expect(station.calls.map((c) => c.method)).toContain('backups.list');
  });

  it('starts a new book only after saying what happens to the old file and the typed file name', async () => {
    await render();
    await click('Start a new book…');
    const question = container.querySelector('[role="alertdialog"]')!;
    expect(question.textContent).toContain('kassa.sqlite is not deleted: it is renamed to kassa-replaced-');
    const go = button('Start the new book')!;
    expect(go.disabled).toBe(true);
    await type(question.querySelector('input')!, 'kassa.sqlite');
    expect(go.disabled).toBe(false);
    await click('Start the new book');
    expect(station.calls.find((c) => c.method === 'station.startNewBook')?.input).toEqual({
      databaseFile: 'kassa.sqlite',
      typedConfirmation: 'kassa.sqlite',
    });
    await flush();
    // The station runs again: the till is back.
    expect(container.querySelector('h1')?.textContent).not.toBe('Kassa did not start');
    expect(button('Pay with Bancontact')).toBeTruthy();
  });
});

describe('a settings file with a wrong field', () => {
  it('names the field in Dutch and offers no new book, which would not help', async () => {
    station = new RefusedStation(BAD_FIELD, 'nl');
    setTransportForTests(station);
    await render('nl');
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'settings.json heeft een foute waarde in het veld “mode”.',
    );
    expect(container.textContent).toContain('Verbeter of verwijder het veld “mode” in settings.json');
    expect(button('Een nieuw boek beginnen…')).toBeUndefined();
  });
});

describe('the language of the refusal screen', () => {
  it('can be switched there, even when the station cannot store the choice', async () => {
    station = new RefusedStation(BAD_FIELD, 'nl');
    setTransportForTests(station);
    await render('nl');
    await click('FR');
    expect(container.querySelector('h1')?.textContent).toBe('Kassa n’a pas démarré');
    expect(station.calls.some((c) => c.method === 'settings.setLocale')).toBe(true);
    // The refusal itself is the only alert: the station's "refused" answer to storing it is not shown.
    expect(container.querySelectorAll('[role="alert"]')).toHaveLength(1);
  });
});
