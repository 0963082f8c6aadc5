import type { EventMap, EventName, StationEvent } from '../../../shared/contract';

export type EventListener = (event: StationEvent) => void;

/** Fan-out of station events to every shell (IPC windows, SSE clients, tests). */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const event = { name, payload } as StationEvent;
      for (const listener of listeners) {
        // One broken subscriber must not stop the others from hearing about a payment.
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
