// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { RejectedCallbackGroupView, Result } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { RejectedCallbacks } from '../../renderer/src/features/settings/RejectedCallbacks';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const sample = (second: number) => ({
  at: `2026-12-03T10:00:0${second}.000Z`,
  profileId: 'ca55a0000000000000000001',
  reason: 'BAD_SIGNATURE',
  detail: `the signature does not match (${second})`,
  bodyExcerpt: '{"paymentId":"5bdaf066b93d1c000bde0001"}',
});
const FLOOD: RejectedCallbackGroupView = {
  profileId: 'ca55a0000000000000000001',
  reason: 'BAD_SIGNATURE',
  hourStart: '2026-12-03T10:00:00.000Z',
  count: 10_000,
  lastAt: '2026-12-03T10:59:59.000Z',
  samples: [sample(1), sample(2), sample(3)],
};
const ONE: RejectedCallbackGroupView = {
  ...FLOOD,
  reason: 'MISSING_SIGNATURE',
  count: 1,
  samples: [{ ...sample(4), reason: 'MISSING_SIGNATURE' }],
};

let root: Root;
let container: HTMLElement;

async function render(groups: RejectedCallbackGroupView[], locale: Locale = 'en'): Promise<string[]> {
  const methods: string[] = [];
  const transport: Transport = {
    kind: 'http',
    async call(method) {
      methods.push(method);
      return { ok: true, value: groups } as Result<never>;
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
        <RejectedCallbacks />
      </I18nextProvider>,
    ),
  );
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
  return methods;
}

const rows = () => [...container.querySelectorAll('tbody tr')];

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('Refused callbacks in Settings', () => {
  it('shows a flood as one count per reason and hour, with its first samples', async () => {
    expect(await render([FLOOD, ONE])).toEqual(['payments.listRejectedCallbacks']);
    const [flood, one] = rows();
    expect(flood!.getAttribute('data-count')).toBe('10000');
    expect(flood!.textContent).toContain('Signature does not match');
    expect(flood!.textContent).toContain('profile ca55a0000000000000000001');
    expect(flood!.querySelector('td.numeric')!.textContent).toBe(
      new Intl.NumberFormat('en-BE').format(10_000),
    );
    expect(flood!.querySelectorAll('li')).toHaveLength(3);
    expect(flood!.textContent).toContain('the signature does not match (3)');
    expect(flood!.textContent).toContain('Counted, not kept: 9997');
    expect(one!.textContent).toContain('No signature');
    expect(one!.textContent).not.toContain('Counted, not kept');
  });

  it('speaks Dutch and French too', async () => {
    await render([FLOOD], 'nl');
    expect(container.textContent).toContain('Geteld, niet bewaard: 9997');
    expect(container.querySelector('thead')!.textContent).toContain('Geweigerd');
    act(() => root.unmount());
    container.remove();
    await render([FLOOD], 'fr');
    expect(container.textContent).toContain('Comptés sans être gardés : 9997');
  });

  it('says when none was refused', async () => {
    await render([]);
    expect(container.querySelector('[data-testid="no-rejected-callbacks"]')?.textContent).toBe(
      'No callback has been refused.',
    );
  });
});
