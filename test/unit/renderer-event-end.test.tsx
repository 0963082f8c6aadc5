// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStateView, RefundView, Result, StationEvent } from '../../shared/contract';
import { setTransportForTests } from '../../renderer/src/api/client';
import type { Transport } from '../../renderer/src/api/transport';
import { EventEndSection } from '../../renderer/src/features/topup/EventEndSection';
import { RefundsPanel } from '../../renderer/src/features/topup/RefundsPanel';
import { WristbandPayment } from '../../renderer/src/features/till/WristbandPayment';
import { createI18n } from '../../renderer/src/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const RUNNING: EventStateView = {
  ended: false,
  endedAt: null,
  canReopen: false,
  refundFiles: 0,
  autoTopupsToRevoke: 0,
};
const ENDED: EventStateView = {
  ended: true,
  endedAt: '2026-08-02T23:30:00.000Z',
  canReopen: true,
  refundFiles: 0,
  autoTopupsToRevoke: 0,
};
const READY: RefundView = {
  id: 'r1',
  wristbandId: '7K2Q-9XQ4-M3PC',
  amountCents: 1250,
  creditorName: 'Anna',
  ibanMasked: 'NL************4300',
  status: 'ready',
  problem: null,
  bancontactId: 'b1',
  exportId: null,
};

/** A station that keeps the event's state, as the real one does, and records every call. */
function fakeStation(initial: EventStateView) {
  let state = initial;
  const calls: { method: string; input: unknown }[] = [];
  const listeners = new Set<(event: StationEvent) => void>();
  const answers: Record<string, (input: Record<string, unknown>) => Result<unknown>> = {
    'topup.getEvent': () => ({ ok: true, value: state }),
    'topup.endEvent': () => ({ ok: true, value: (state = { ...ENDED }) }),
    'topup.reopenEvent': () => ({ ok: true, value: (state = { ...RUNNING }) }),
    'refunds.list': () => ({ ok: true, value: [READY] }),
    'till.payWithWristband': () => ({ ok: false, error: { code: 'EVENT_ENDED', message: 'ended' } }),
    'wristbands.get': () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'none' } }),
  };
  const transport: Transport = {
    kind: 'http',
    async call(method, input) {
      calls.push({ method, input });
      return (
        answers[method]?.((input ?? {}) as Record<string, unknown>) ?? {
          ok: false,
          error: { code: 'UNKNOWN_METHOD', message: method },
        }
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onReconnect: () => () => undefined,
  };
  const emit = (next: EventStateView) => {
    state = next;
    listeners.forEach((l) => l({ name: 'topup.eventChanged', payload: next }));
  };
  return { transport, calls, emit };
}

let root: Root;
let container: HTMLElement;

async function flush() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });
}

async function render(node: React.ReactNode, station: ReturnType<typeof fakeStation>) {
  setTransportForTests(station.transport);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root.render(<I18nextProvider i18n={createI18n('en')}>{node}</I18nextProvider>));
  await flush();
}

const button = (name: string) =>
  [...container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
async function click(name: string) {
  const target = button(name);
  if (!target) throw new Error(`no button ${name}`);
  await act(async () => target.click());
  await flush();
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setTransportForTests(null);
});

describe('End the event', () => {
  it('asks first and says what happens; No changes nothing', async () => {
    const station = fakeStation(RUNNING);
    await render(<EventEndSection />, station);
    expect(container.textContent).toContain('The event is running');
    await click('End the event');
    const question = container.querySelector('[role="group"]')!;
    expect(question.textContent).toContain('End the event now?');
    expect(question.textContent).toContain('Bars stop taking wristbands');
    expect(question.textContent).toContain('Refund files become possible');
    expect(question.textContent).toContain('until the first refund file');
    await click('No, keep it running');
    expect(station.calls.some((c) => c.method === 'topup.endEvent')).toBe(false);
    expect(button('End the event')).toBeDefined();
  });

  it('says the end revokes the automatic top-ups, and shows those PPRO could not be reached for', async () => {
    const station = fakeStation({ ...RUNNING, autoTopupsToRevoke: 2 });
    await render(<EventEndSection />, station);
    await click('End the event');
    expect(container.querySelector('[role="group"]')!.textContent).toContain(
      'Automatic top-ups (2) are revoked at the end',
    );
    await act(async () => station.emit({ ...ENDED, autoTopupsToRevoke: 1 }));
    await flush();
    const left = container.querySelector('[data-testid="auto-topups-left"]');
    expect(left?.getAttribute('role')).toBe('alert');
    expect(left?.textContent).toContain('1 automatic top-up(s) could not be revoked at PPRO yet');
    await act(async () => station.emit({ ...ENDED, autoTopupsToRevoke: 0 }));
    await flush();
    expect(container.querySelector('[data-testid="auto-topups-left"]')).toBeNull();
  });

  it('ends the event with the confirmation, shows when, and undoes it while allowed', async () => {
    const station = fakeStation(RUNNING);
    await render(<EventEndSection />, station);
    await click('End the event');
    await click('Yes, end the event');
    expect(station.calls.find((c) => c.method === 'topup.endEvent')?.input).toEqual({ confirm: true });
    expect(container.querySelector('[data-testid="event-ended"]')?.textContent).toMatch(
      /^The event ended on .*2026/,
    );
    await click('Undo: reopen the event');
    expect(station.calls.some((c) => c.method === 'topup.reopenEvent')).toBe(true);
    expect(container.textContent).toContain('The event is running');
  });

  it('follows another screen: the first refund file makes the end final, and Undo goes away', async () => {
    const station = fakeStation(ENDED);
    await render(<EventEndSection />, station);
    expect(button('Undo: reopen the event')).toBeDefined();
    await act(async () => station.emit({ ...ENDED, canReopen: false, refundFiles: 1 }));
    expect(button('Undo: reopen the event')).toBeUndefined();
    expect(container.textContent).toContain('can no longer be undone');
  });
});

describe('the refund export and the bar around the end', () => {
  it('keeps the export disabled with its reason before the end, and enables it when the event ends', async () => {
    const station = fakeStation(RUNNING);
    await render(<RefundsPanel />, station);
    const exportButton = () => button('Export 1 refund(s)')!;
    expect(exportButton().disabled).toBe(true);
    expect(container.querySelector('[data-testid="refunds-not-ended"]')?.textContent).toBe(
      'Refund files can be made once the event has ended (End the event, above).',
    );
    await act(async () => station.emit(ENDED));
    await flush();
    expect(exportButton().disabled).toBe(false);
    expect(container.querySelector('[data-testid="refunds-not-ended"]')).toBeNull();
  });

  it('shows the bar "The event has ended" when a wristband is refused for it', async () => {
    const station = fakeStation(ENDED);
    await render(
      <WristbandPayment cents={450} onNewSale={() => undefined} onPaid={() => undefined} />,
      station,
    );
    const input = container.querySelector<HTMLInputElement>('#wristband-id')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(
        input,
        '7K2Q-9XQ4-M3PC',
      );
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => input.form!.requestSubmit());
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'The event has ended: wristbands can no longer pay. Take cash or Bancontact instead.',
    );
  });
});

describe('refund files', () => {
  it('stay listed with their downloads after a reload, one line per file', async () => {
    const exported = (id: string, exportId: string, amountCents: number): RefundView => ({
      ...READY,
      id,
      status: 'exported',
      exportId,
      amountCents,
    });
    const station = fakeStation({ ...ENDED, canReopen: false, refundFiles: 2 });
    const refunds = [exported('a', 'e1', 1_500), exported('b', 'e1', 500), exported('c', 'e2', 700)];
    const transport: Transport = {
      ...station.transport,
      call: async (method, input) =>
        method === 'refunds.list' ? { ok: true, value: refunds } : station.transport.call(method, input),
    };
    await render(<RefundsPanel />, { ...station, transport });
    const files = [...container.querySelectorAll('ul.refund-files li')];
    expect(files.map((li) => li.textContent)).toEqual([
      expect.stringContaining('2 refund(s), €20.00 in total.'),
      expect.stringContaining('1 refund(s), €7.00 in total.'),
    ]);
    const links = [...files[1]!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      expect.stringMatching(/\/downloads\/refunds-e2\.xml$/),
      expect.stringMatching(/\/downloads\/refunds-e2\.csv$/),
    ]);
  });
});
