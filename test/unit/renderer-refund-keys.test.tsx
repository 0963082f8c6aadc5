// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { RefundSigningKeyView, Result, SettingsView } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { RefundsSection } from '../../renderer/src/features/settings/RefundsSection';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PPID = 'ca55a0000000000000000001';
const FIRST: RefundSigningKeyView = {
  ppid: PPID,
  kid: 'first-kid-thumbprint',
  createdAt: Date.parse('2026-12-03T10:00:00Z'),
  retiredKids: [],
  jwksPath: `/.well-known/kassa/jwks/${PPID}.json`,
  jwksUrl: null,
};

let root: Root;
let container: HTMLElement;

/** The station's answers as the two methods give them: a rotation retires the key shown. */
async function render(locale: Locale, key: RefundSigningKeyView = FIRST): Promise<string[]> {
  const calls: string[] = [];
  let current = key;
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push(`${method} ${JSON.stringify(input)}`);
      if (method === 'settings.rotateRefundSigningKey')
        current = { ...current, kid: 'second-kid-thumbprint', retiredKids: [current.kid] };
      return { ok: true, value: current } as Result<never>;
    },
    subscribe: () => () => undefined,
    onReconnect: () => () => undefined,
  };
  setTransportForTests(transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const settings = { publicUrl: key.jwksUrl ? 'https://kassa.example.be' : null } as SettingsView;
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <RefundsSection settings={settings} />
      </I18nextProvider>,
    ),
  );
  await settle();
  return calls;
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

const button = (text: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent === text) as HTMLButtonElement;

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('Settings → Refunds', () => {
  it('offers the JWKS file to download and says a public URL gives Bancontact a URL', async () => {
    expect(await render('en')).toEqual(['settings.getRefundSigningKey {}']);
    const link = container.querySelector('a[download]')!;
    expect(link.textContent).toBe('Download the public key (JWKS) for Bancontact');
    expect(link.getAttribute('href')).toBe(`/.well-known/kassa/jwks/${PPID}.json?download`);
    expect(container.querySelector('[data-testid="refund-key-id"]')!.textContent).toBe(
      'first-kid-thumbprint',
    );
    expect(container.textContent).toContain('Set a public URL above');
  });

  it('shows the URL to hand over when a public URL is set', async () => {
    const jwksUrl = `https://kassa.example.be/.well-known/kassa/jwks/${PPID}.json`;
    await render('nl', { ...FIRST, jwksUrl });
    expect(container.querySelector('[data-testid="refund-jwks-url"]')!.textContent).toBe(jwksUrl);
    expect(container.textContent).toContain('Terugbetalingen via Bancontact');
  });

  it('rotates only after asking, and says the old key stays published', async () => {
    const calls = await render('fr');
    act(() => button('Créer une nouvelle clé').click());
    expect(container.textContent).toContain('Créer une nouvelle clé de signature ?');
    expect(calls).toHaveLength(1);
    await act(async () => button('Oui, créer une nouvelle clé').click());
    await settle();
    expect(calls[1]).toBe('settings.rotateRefundSigningKey {"confirm":true}');
    expect(container.querySelector('[data-testid="refund-key-id"]')!.textContent).toBe(
      'second-kid-thumbprint',
    );
    expect(container.textContent).toContain('les clés précédentes restent publiées 7 jours : 1');
    expect(container.querySelector('a[download]')).not.toBeNull();
  });
});
