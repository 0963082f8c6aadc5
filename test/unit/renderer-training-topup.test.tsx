// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractError, Result } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { TrainingTopUp } from '../../renderer/src/features/topup/TrainingTopUp';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root;
let container: HTMLElement;

/** The training top-up form against a station that refuses with `error`; returns the alert it shows. */
async function refusedWith(error: ContractError, amount: string, locale: Locale = 'en'): Promise<string> {
  const transport: Transport = {
    kind: 'http',
    call: async () => ({ ok: false, error }) as Result<never>,
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
        <TrainingTopUp wristbandId="7K2Q-9XQ4-M32F" />
      </I18nextProvider>,
    ),
  );
  const input = container.querySelector<HTMLInputElement>('#training-topup-amount');
  await act(async () => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    setValue?.call(input, amount);
    input?.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => container.querySelector('form')?.requestSubmit());
  return container.querySelector('[role="alert"]')?.textContent ?? '';
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

// What the station answers (test/integration/training-topup.test.ts) when the simulator refuses the amount.
const fixed: ContractError = {
  code: 'INVALID_INPUT',
  message: "This code's amount is fixed at 2000 cents",
  fields: ['amountCents'],
  apiCode: 'AMOUNT_NOT_MODIFIABLE',
};
const missing: ContractError = {
  code: 'INVALID_INPUT',
  message: "Field 'amount' is mandatory",
  fields: ['amountCents'],
  apiCode: 'FIELD_IS_REQUIRED',
};

describe('the training top-up says why the payer’s app refused the amount', () => {
  it('a fixed code: leave the amount empty', async () => {
    const text = await refusedWith(fixed, '5');
    expect(text).toBe('This code’s amount is fixed: leave the amount empty to pay the printed amount.');
    expect(text).not.toContain('changed in the meantime');
  });

  it.each([
    ['en', 'This code has no printed amount: type the amount the festival-goer pays.'],
    ['nl', 'Deze code heeft geen gedrukt bedrag: typ het bedrag dat de festivalganger betaalt.'],
    ['fr', 'Ce code n’a pas de montant imprimé : tapez le montant que le festivalier paie.'],
  ] as const)('an open code without an amount: type one (%s)', async (locale, expected) => {
    expect(await refusedWith(missing, '', locale)).toBe(expected);
  });
});
