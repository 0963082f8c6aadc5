import { describe, expect, it } from 'vitest';
import type { SaleView, StationEvent } from '../../shared/contract';
import { createIpcTransport } from '../../renderer/src/api/ipc-transport';

const SALE: SaleView = {
  ...{ id: 's1', createdAt: '2025-05-01T10:00:00.000Z', amountCents: 1250, currency: 'EUR' },
  ...{ tillId: 'till-1', status: 'open', payment: null },
};

/** The preload bridge: main's messages on `kassa:event` reach every listener (electron/preload/index.ts). */
function fakeBridge() {
  const listeners = new Set<(message: unknown) => void>();
  return {
    call: () => Promise.resolve({ ok: true as const, value: null }),
    on: (listener: (event: StationEvent) => void) => {
      const forward = listener as (message: unknown) => void;
      listeners.add(forward);
      return () => listeners.delete(forward);
    },
    send: (message: unknown) => listeners.forEach((listener) => listener(message)),
  };
}

describe('the desktop window when the station says events may have been missed', () => {
  it('calls its reconnect listeners, and tells its event listeners nothing', () => {
    const bridge = fakeBridge();
    const transport = createIpcTransport(bridge);
    const events: StationEvent[] = [];
    let resyncs = 0;
    transport.subscribe((event) => events.push(event));
    const stop = transport.onReconnect(() => resyncs++);
    bridge.send({ resync: true });
    bridge.send({ name: 'payments.changed', payload: { sale: SALE } });
    expect(resyncs).toBe(1);
    expect(events.map((event) => event.name)).toEqual(['payments.changed']);
    stop();
    bridge.send({ resync: true });
    expect(resyncs).toBe(1);
  });
});
