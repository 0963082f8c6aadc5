import type { EventMap, EventName, StationEvent } from '../../../shared/contract';

export type EventListener = (event: StationEvent) => void;

/** Fan-out of station events to every shell (IPC windows, SSE clients, tests). */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
  subscribe(listener: EventListener): () => void;
  /**
   * Events may have been missed (the site's LISTEN connection was lost and is back): every screen
   * must fetch what it shows again. The SSE streams end, and a browser's EventSource reopens and refetches.
   */
  resync(): void;
  onResync(listener: () => void): () => void;
}

export function createEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  const resyncs = new Set<() => void>();
  // One broken subscriber must not stop the others from hearing about a payment.
  const each = <T>(set: Set<T>, call: (listener: T) => void): void => {
    for (const listener of [...set]) {
      try {
        call(listener);
      } catch (error) {
        onListenerError(error);
      }
    }
  };
  return {
    emit(name, payload) {
      const event = { name, payload } as StationEvent;
      each(listeners, (listener) => listener(event));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    resync: () => each(resyncs, (listener) => listener()),
    onResync(listener) {
      resyncs.add(listener);
      return () => resyncs.delete(listener);
    },
  };
}
