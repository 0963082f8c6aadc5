// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import type { ChargeRetryPolicy } from '../../shared/contract/charge-methods';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { ChargeRetrySection } from '../../renderer/src/features/settings/ChargeRetrySection';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;

/** The station as the two methods answer: it keeps a valid policy and refuses a wait below a minute. */
async function render(locale: Locale, editable: boolean): Promise<string[]> {
  const calls: string[] = [];
  let policy: ChargeRetryPolicy = { delaysMinutes: [60, 360, 1440] };
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push(`${method} ${JSON.stringify(input)}`);
      if (method === 'charges.setRetryPolicy') {
        const next = input as ChargeRetryPolicy;
        if (next.delaysMinutes.some((d) => !(d >= 1)))
          return {
            ok: false,
            error: { code: 'INVALID_INPUT', message: 'Invalid input', fields: ['delaysMinutes.1'] },
          } as Result<never>;
        policy = next;
      }
      return { ok: true, value: policy } as Result<never>;
    },
    subscribe: () => () => undefined,
    onReconnect: () => () => undefined,
  };
  setTransportForTests(transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <ChargeRetrySection editable={editable} />
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
const inputs = () => [...container.querySelectorAll('input')];
const waits = () => [...container.querySelectorAll('li')].map((li) => li.textContent);

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('Settings → failed charges', () => {
  it('shows a manager the waits in words, without changing them', async () => {
    expect(await render('nl', false)).toEqual(['charges.retryPolicy {}']);
    expect(container.querySelector('h2')!.textContent).toBe(
      'Bancontact terugkerend: mislukte afschrijvingen',
    );
    expect(inputs().map((i) => i.value)).toEqual(['60', '360', '1440']);
    expect(waits()).toEqual([
      'Wachttijd 1  minuten 1 uur na de vorige mislukking ',
      'Wachttijd 2  minuten 6 uur na de vorige mislukking ',
      'Wachttijd 3  minuten 1 dag na de vorige mislukking ',
    ]);
    expect(inputs().every((i) => i.readOnly)).toBe(true);
    expect(container.querySelectorAll('button')).toHaveLength(0);
    expect(container.textContent).toContain('Alleen een beheerder past dit aan.');
  });

  it('lets an administrator add, change and remove tries, and save', async () => {
    const calls = await render('en', true);
    type(inputs()[0]!, '30');
    act(() => button('Remove wait 3').click());
    act(() => button('Add a wait').click());
    act(() => button('Save').click());
    await settle();
    expect(calls.at(-1)).toBe('charges.setRetryPolicy {"delaysMinutes":[30,360,60]}');
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Saved.');
    expect(waits()[0]).toContain('30 minutes after the previous failure');
  });

  it('says the station’s refusal in the user’s language, naming the field', async () => {
    await render('fr', true);
    type(inputs()[1]!, '0');
    act(() => button('Enregistrer').click());
    await settle();
    expect(container.querySelector('[role="status"]')).toBeNull();
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('délai 2');
  });
});
