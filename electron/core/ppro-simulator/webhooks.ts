import { newId } from './ids';
import type { PproStore } from './store';
import type { Webhook } from './types';

export interface WebhookSettings {
  /** Waits (real ms) after the 1st, 2nd, ... failed attempt; when they run out the webhook is FAILED. */
  retryDelaysMs: readonly number[];
  /** How long one attempt waits for the receiver's status line. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  retryDelaysMs: [1_000, 5_000, 30_000, 120_000, 600_000],
  timeoutMs: 5_000,
};

export interface WebhookDispatcher {
  send(url: string | undefined, type: string, data: unknown, at: string): void;
  close(): void;
}

async function attempt(webhook: Webhook, timeoutMs: number, stop: AbortSignal): Promise<string> {
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Kassa-PPRO-Simulator' },
      body: webhook.body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stop]),
    });
    await response.body?.cancel();
    return `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Posts a webhook for every change, retrying a failed delivery after each of `retryDelaysMs` (bounded,
 * growing waits). Webhooks are stored, so a restart carries on with those still PENDING.
 */
export function createWebhookDispatcher(store: PproStore, settings: WebhookSettings): WebhookDispatcher {
  const stop = new AbortController();
  const inFlight = new Set<string>();
  const run = async (webhook: Webhook) => {
    inFlight.add(webhook.id);
    const outcome = await attempt(webhook, settings.timeoutMs, stop.signal);
    inFlight.delete(webhook.id);
    if (stop.signal.aborted) return;
    const attempts = [...webhook.attempts, { at: new Date().toISOString(), outcome }];
    const delivered = /^HTTP 2\d\d$/.test(outcome);
    const delay = settings.retryDelaysMs[attempts.length - 1];
    store.putWebhook({
      ...webhook,
      attempts,
      state: delivered ? 'DELIVERED' : delay === undefined ? 'FAILED' : 'PENDING',
      nextAttemptAt: Date.now() + (delay ?? 0),
    });
  };
  const pump = () => {
    for (const webhook of store.pendingWebhooks())
      if (webhook.nextAttemptAt <= Date.now() && !inFlight.has(webhook.id)) void run(webhook);
  };
  const timer = setInterval(pump, 20);
  timer.unref();
  return {
    send(url, type, data, at) {
      if (url === undefined) return;
      const id = newId('evt');
      const body = JSON.stringify({ id, type, time: at, data });
      store.putWebhook({ id, url, type, body, attempts: [], state: 'PENDING', nextAttemptAt: 0 });
      pump();
    },
    close() {
      clearInterval(timer);
      stop.abort();
    },
  };
}
