// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result, StationEvent } from '../../shared/contract';
import type { InboxMessageView } from '../../shared/contract/inbox-methods';
import type { Locale } from '../../shared/domain/money';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { InboxLink } from '../../renderer/src/features/inbox/InboxLink';
import { InboxScreen } from '../../renderer/src/features/inbox/InboxScreen';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DAY_WITHOUT_Z: InboxMessageView = {
  key: 'training/z:2026-01-14',
  kind: 'day_without_z',
  at: '2026-01-14T23:00:00.000Z',
  severity: 'warning',
  facts: { day: '2026-01-14', count: 3, amountCents: 1_250 },
  link: 'reports',
  read: false,
};
const PRINTER: InboxMessageView = {
  key: 'station/printer:p1:1',
  kind: 'printer_offline',
  at: '2026-01-15T09:00:00.000Z',
  severity: 'error',
  facts: { name: 'Bar', count: 2, reason: 'connect ECONNREFUSED' },
  link: 'settings',
  read: false,
};
const DEVICE: InboxMessageView = {
  key: 'station/device:d1:1',
  kind: 'device_unseen',
  at: '2026-01-15T10:00:00.000Z',
  severity: 'warning',
  facts: { name: 'Bar tablet', days: 4 },
  link: 'devices',
  read: false,
};

/** One person's inbox as the station keeps it: messages, and what this person marked read. */
function fakeStation(messages: InboxMessageView[]) {
  const listeners = new Set<(event: StationEvent) => void>();
  const unread = () => ({ unread: messages.filter((m) => !m.read).length });
  const answer = (method: string, input: { key?: string }): unknown => {
    if (method === 'inbox.list') return { messages: messages.map((m) => ({ ...m })), ...unread() };
    if (method === 'inbox.unreadCount') return unread();
    if (method === 'inbox.markRead') messages.find((m) => m.key === input.key)!.read = true;
    if (method === 'inbox.markAllRead') for (const m of messages) m.read = true;
    return unread();
  };
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      return { ok: true, value: answer(method, input as { key?: string }) } as Result<never>;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnect: () => () => undefined,
  };
  return {
    transport,
    /** A new cause at the station, told to the screens by one of the events they already follow. */
    arrive(message: InboxMessageView) {
      messages.unshift(message);
      for (const listener of listeners)
        listener({ name: 'receipts.queue', payload: { printers: [] } } as StationEvent);
    },
  };
}

let root: Root;
let container: HTMLElement;

const settle = (ms = 0) =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });

async function render(station: ReturnType<typeof fakeStation>, locale: Locale = 'en') {
  setTransportForTests(station.transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root.render(
      <I18nextProvider i18n={createI18n(locale)}>
        <InboxLink />
        <InboxScreen />
      </I18nextProvider>,
    ),
  );
  await settle();
}

const count = () => container.querySelector('[data-testid="inbox-count"]')?.textContent ?? null;
const items = () => [...container.querySelectorAll('[data-testid="inbox-message"]')];
const button = (within: Element, text: string) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent === text)!;
const click = (element: Element) => act(async () => (element as HTMLElement).click());

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('the inbox in the header and on its screen', () => {
  it('shows the unread count, the messages with their facts, and the count falls as they are read', async () => {
    const station = fakeStation([{ ...PRINTER }, { ...DAY_WITHOUT_Z }]);
    await render(station);
    expect(count()).toBe('2');
    expect(container.querySelector('[data-testid="inbox-link"]')?.getAttribute('aria-label')).toBe(
      'Inbox, unread: 2',
    );
    const [printer, day] = items();
    expect(printer!.textContent).toContain('Printer Bar is offline; receipts waiting: 2.');
    expect(day!.textContent).toContain('Wednesday, 14 January 2026 has no Z yet: 3 payments, €12.50.');

    await click(button(day!, 'Mark as read'));
    await settle();
    expect(count()).toBe('1');
    expect(items()[1]!.textContent).toContain('Read');
    expect(button(items()[1]!, 'Mark as read')).toBeUndefined();

    // A new message arrives: the header hears the station's event and counts it.
    await act(async () => station.arrive({ ...DEVICE }));
    await settle(600);
    expect(count()).toBe('2');
    expect(items()[0]!.textContent).toContain('The linked device Bar tablet has not been seen for 4 days.');

    await click(button(container, 'Mark all as read'));
    await settle();
    expect(count()).toBeNull();
    expect(container.textContent).not.toContain('Mark all as read');
  });

  it('links each message to the screen where the person acts, in Dutch and French too', async () => {
    await render(fakeStation([{ ...DAY_WITHOUT_Z }]), 'nl');
    expect(items()[0]!.textContent).toMatch(
      /woensdag 14 januari 2026 heeft nog geen Z: 3 betalingen, €\s12,50\./,
    );
    await click(button(items()[0]!, 'Naar Afsluiten'));
    expect(window.location.pathname).toBe('/reports');
    act(() => root.unmount());
    container.remove();
    await render(fakeStation([{ ...DAY_WITHOUT_Z, read: true }]), 'fr');
    expect(count()).toBeNull();
    expect(items()[0]!.textContent).toContain('Lu');
  });

  it('says so when nothing needs the person', async () => {
    await render(fakeStation([]));
    expect(count()).toBeNull();
    expect(container.textContent).toContain('Nothing needs you now.');
  });
});
