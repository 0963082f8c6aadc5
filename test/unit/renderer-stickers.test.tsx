// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, SettingsView, StickerFile } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { StickerSection } from '../../renderer/src/features/stickers/StickerSection';
import {
  EMPTY_STICKER_FORM,
  checkConfigurable,
  checkFixed,
  checkReissue,
} from '../../renderer/src/features/stickers/sticker-form';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const PPID = '5c18cbd1296e9a26d3278518';
const form = { ...EMPTY_STICKER_FORM, ppid: PPID };

describe('sticker form checks', () => {
  it('takes an empty amount, reference and description, and euros as typed at the till', () => {
    expect(checkConfigurable(form)).toEqual({
      ok: true,
      input: { ppid: PPID, amountCents: null, reference: null, description: null },
    });
    expect(
      checkConfigurable({ ...form, amount: '12,50', reference: ' INV-1 ', description: 'Drinks' }),
    ).toEqual({
      ok: true,
      input: { ppid: PPID, amountCents: 1250, reference: 'INV-1', description: 'Drinks' },
    });
    expect(checkConfigurable({ ...form, amount: '9999,99' }).ok).toBe(true);
  });

  it('names every field beyond the seed’s limits', () => {
    const check = checkConfigurable({
      ...form,
      ppid: '',
      amount: '10000',
      reference: 'x'.repeat(36),
      description: 'two\nlines',
    });
    expect(check).toEqual({
      ok: false,
      errors: [
        { field: 'ppid', problem: 'required' },
        { field: 'amount', problem: 'tooLarge' },
        { field: 'reference', problem: 'tooLong' },
        { field: 'description', problem: 'invalid' },
      ],
    });
    expect(checkConfigurable({ ...form, amount: '0,00' })).toMatchObject({
      errors: [{ field: 'amount', problem: 'tooSmall' }],
    });
    expect(checkConfigurable({ ...form, amount: '1,234' })).toMatchObject({
      errors: [{ field: 'amount', problem: 'invalid' }],
    });
  });

  it('asks a fixed sticker for a shop name and a POS id Bancontact takes', () => {
    expect(checkFixed({ ...form, posId: 'till 1' })).toEqual({
      ok: false,
      errors: [
        { field: 'shopName', problem: 'required' },
        { field: 'posId', problem: 'invalid' },
      ],
    });
    expect(checkFixed({ ...form, shopName: ' De Zwaan ', posId: 'till1' })).toEqual({
      ok: true,
      input: { shopName: 'De Zwaan', ppid: PPID, posId: 'till1' },
    });
  });

  it('re-issues only sticker payloads, and a fixed one only with its shop name', () => {
    expect(checkReissue({ ...form, oldPayload: 'https://example.com/l/1/abc/1' })).toMatchObject({
      errors: [{ field: 'oldPayload', problem: 'unknownSticker' }],
    });
    const fixed = `https://payconiq.com/l/1/${PPID}/till1`;
    expect(checkReissue({ ...form, oldPayload: fixed })).toMatchObject({
      errors: [{ field: 'shopName', problem: 'required' }],
    });
    const generator = `https://qrcodegenerator.api.bancontact.net/qrcode?f=PNG&c=${encodeURIComponent(
      `https://payconiq.com/t/1/${PPID}?A=500`,
    )}`;
    expect(checkReissue({ ...form, oldPayload: generator })).toEqual({
      ok: true,
      input: { oldPayload: generator },
    });
  });
});

let root: Root;
let container: HTMLElement;

async function render(locale: Locale, calls: string[]): Promise<void> {
  const file: StickerFile = {
    fileName: 'sticker.pdf',
    mime: 'application/pdf',
    base64: '',
    payload: 'PAYLOAD',
  };
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push(`${method} ${JSON.stringify(input)}`);
      if (method === 'settings.getSalesSetup') return { ok: true, value: { shops: [] } } as Result<never>;
      // The shops' sticker profiles the PPID field offers: none set up here.
      if (method === 'profiles.list') return { ok: true, value: [] } as Result<never>;
      return { ok: true, value: file } as Result<never>;
    },
    subscribe: () => () => undefined,
    onReconnect: () => () => undefined,
  };
  setTransportForTests(transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  const settings = { ppid: PPID, stickerPosId: null } as unknown as SettingsView;
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <StickerSection settings={settings} />
      </I18nextProvider>,
    ),
  );
}

async function fill(id: string, value: string) {
  const el = container.querySelector<HTMLInputElement>(`#${id}`);
  if (!el) throw new Error(`no field ${id}`);
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function press(name: string) {
  const button = [...container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!button) throw new Error(`no button ${name}`);
  await act(async () => button.click());
}

const problems = () => [...container.querySelectorAll('[role="alert"] li')].map((li) => li.textContent);

describe('the sticker screen', () => {
  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    setTransportForTests(null);
  });

  it('names the wrong fields by their Dutch labels and asks the station nothing until they are right', async () => {
    const calls: string[] = [];
    await render('nl', calls);
    await press('PDF downloaden');
    expect(problems()).toEqual(['Naam van de winkel: verplicht.', 'POS-id van de kassa: verplicht.']);
    expect(calls.filter((c) => c.startsWith('stickers.'))).toEqual([]);
    await fill('sticker-shopName', 'Frituur De Zwaan');
    await fill('sticker-posId', 'till1');
    await press('PDF downloaden');
    expect(problems()).toEqual([]);
    expect(calls.filter((c) => c.startsWith('stickers.'))).toEqual([
      `stickers.fixedPdf {"shopName":"Frituur De Zwaan","ppid":"${PPID}","posId":"till1","language":"nl"}`,
    ]);
    expect(container.querySelector('.sticker-payload')?.textContent).toBe('PAYLOAD');
  });

  it('says in French which configurable values are beyond the limits', async () => {
    const calls: string[] = [];
    await render('fr', calls);
    await press('Code configurable');
    await fill('sticker-amount', '10000');
    await fill('sticker-reference', 'r'.repeat(36));
    await press('Créer le code QR');
    expect(problems()).toEqual([
      'Montant (€) : au maximum 9 999,99 €.',
      'Référence : au maximum 35 caractères.',
    ]);
    await fill('sticker-amount', '12,50');
    await fill('sticker-reference', 'Table 4');
    await press('Créer le code QR');
    expect(calls.filter((c) => c.startsWith('stickers.'))).toEqual([
      `stickers.configurable {"ppid":"${PPID}","amountCents":1250,"reference":"Table 4","description":null,"format":"png","size":"M"}`,
    ]);
  });
});
