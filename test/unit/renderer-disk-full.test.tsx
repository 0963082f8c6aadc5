// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationEvent, StationStatus } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { DiskFullBanner } from '../../renderer/src/features/station/DiskFullBanner';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const FOLDER = '/home/kassa/.config/Kassa';
const status = (diskFull: StationStatus['diskFull']): StationStatus => ({
  mode: 'live',
  environment: 'production',
  locale: 'nl',
  version: '1.0.0',
  httpUrl: null,
  refusal: null,
  diskFull,
});

let root: Root;
let container: HTMLElement;
afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('a full disk on every screen', () => {
  it('is said with the folder while it lasts, and goes away when space is back', async () => {
    const listeners = new Set<(event: StationEvent) => void>();
    const transport: Transport = {
      kind: 'http',
      call: async () => ({ ok: true, value: status({ folder: FOLDER }) }),
      subscribe(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
      onReconnect: () => () => undefined,
    };
    setTransportForTests(transport);
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () =>
      root.render(
        <I18nextProvider i18n={createI18n('nl')}>
          <DiskFullBanner />
        </I18nextProvider>,
      ),
    );
    await act(async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    });
    const banner = () => container.querySelector('[role="alert"]');
    expect(banner()?.textContent).toContain('De schijf met de gegevens van Kassa is vol');
    expect(banner()?.textContent).toContain(FOLDER);

    await act(async () =>
      listeners.forEach((listener) => listener({ name: 'station.changed', payload: status(null) })),
    );
    expect(banner()).toBeNull();
  });
});
