import type { StationEvent } from '../../../shared/contract';
import { asResult, asStationEvent, failure, type Transport } from './transport';

export interface HttpDeps {
  fetch: typeof fetch;
  EventSource: typeof EventSource;
  /** Origin prefix; empty means the page's own origin, which serves both UI and API. */
  baseUrl?: string;
  /** How long to wait before reopening a stream the browser gave up on. */
  reopenDelayMs?: number;
}

/** A browser on the station's HTTP shell: POST /api/<method> and Server-Sent Events. */
export function createHttpTransport(deps: HttpDeps): Transport {
  const base = deps.baseUrl ?? '';
  const stream = createEventStream(deps, `${base}/api/events`);
  return {
    kind: 'http',
    async call(method, input) {
      try {
        const response = await deps.fetch(`${base}/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        // Errors come as 4xx/5xx with a Result body: the body, not the status, is the answer.
        const body: unknown = await response.json().catch(() => null);
        return asResult(body) ?? failure('INTERNAL', `HTTP ${response.status} without a Result body`);
      } catch (error) {
        return failure('STATION_UNREACHABLE', `Station unreachable: ${String(error)}`);
      }
    },
    subscribe: (listener) => stream.add(stream.events, listener),
    onReconnect: (listener) => stream.add(stream.reconnects, listener),
  };
}

type EventListener = (event: StationEvent) => void;

/** One shared EventSource, open while anyone listens. */
function createEventStream(deps: HttpDeps, url: string) {
  const events = new Set<EventListener>();
  const reconnects = new Set<() => void>();
  let source: EventSource | null = null;
  let lost = false;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    const es = new deps.EventSource(url);
    source = es;
    es.onmessage = (message: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        return;
      }
      const event = asStationEvent(data);
      if (event) for (const listener of [...events]) listener(event);
    };
    es.onopen = () => {
      if (!lost) return;
      lost = false;
      for (const listener of [...reconnects]) listener();
    };
    es.onerror = () => {
      lost = true;
      // EventSource retries by itself unless the server refused the stream outright.
      if (es.readyState === deps.EventSource.CLOSED && source === es) {
        source = null;
        reopenTimer = setTimeout(() => {
          reopenTimer = undefined;
          open();
        }, deps.reopenDelayMs ?? 3000);
      }
    };
  };

  const close = () => {
    clearTimeout(reopenTimer);
    reopenTimer = undefined;
    source?.close();
    source = null;
    lost = false;
  };

  function add<T>(set: Set<T>, listener: T): () => void {
    set.add(listener);
    if (!source && reopenTimer === undefined) open();
    return () => {
      set.delete(listener);
      if (events.size === 0 && reconnects.size === 0) close();
    };
  }

  return { events, reconnects, add };
}
