// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PproSettingsView } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import { PproSection } from '../../renderer/src/features/settings/PproSection';
import { createI18n } from '../../renderer/src/i18n';
import { fakeStation, flush, ok } from '../support/renderer-app';

const EMPTY: PproSettingsView = {
  ...{ baseUrl: '', merchantId: '', maxChargeCents: null, hasApiKey: false },
  ...{ termsVersion: null, configured: false },
};

let root: Root | null = null;
let container: HTMLElement;

async function render(locale: 'en' | 'nl' = 'en') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <PproSection />
      </I18nextProvider>,
    ),
  );
  await flush();
}

async function type(id: string, value: string) {
  const input = container.querySelector<HTMLInputElement>(`#${id}`)!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(name: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
  await flush();
}

afterEach(() => {
  if (root) act(() => root!.unmount());
  root = null;
  container?.remove();
  setTransportForTests(null);
});

describe('Settings → Recurring Bancontact (PPRO)', () => {
  it('saves the account with the key typed once, in cents, and never shows the key', async () => {
    const saved: PproSettingsView = {
      ...{ baseUrl: 'https://api.ppro.example', merchantId: 'club-1', maxChargeCents: 25_000 },
      ...{ hasApiKey: true, termsVersion: 'Club terms 2026', configured: true },
    };
    const s = fakeStation({ 'ppro.getSettings': () => ok(EMPTY), 'ppro.saveSettings': () => ok(saved) });
    await render();
    expect(container.textContent).toContain('Not set up: live mode cannot sell recurring payments.');
    await type('ppro-baseUrl', 'https://api.ppro.example');
    await type('ppro-merchantId', 'club-1');
    await type('ppro-apiKey', 'secret-key-123');
    await type('ppro-maximum', '250,00');
    await type('ppro-termsVersion', 'Club terms 2026');
    await press('Save');
    expect(s.called('ppro.saveSettings')).toEqual([
      {
        ...{ baseUrl: 'https://api.ppro.example', merchantId: 'club-1', maxChargeCents: 25_000 },
        ...{ apiKey: 'secret-key-123', termsVersion: 'Club terms 2026' },
      },
    ]);
    expect(container.textContent).toContain('An API key is stored.');
    expect(container.querySelector<HTMLInputElement>('#ppro-apiKey')!.value).toBe('');
    expect(container.innerHTML).not.toContain('secret-key-123');
  });

  it('says the connection test in the user language', async () => {
    fakeStation({
      'ppro.getSettings': () =>
        ok({ ...EMPTY, baseUrl: 'https://x.example', merchantId: 'm', hasApiKey: true }),
      'ppro.testConnection': () => ok({ ok: false, problem: 'unauthorised' }),
    });
    await render('nl');
    await press('Verbinding testen');
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'PPRO weigerde de sleutel of het handelaars-id.',
    );
  });
});
