import type { ContractError, ErrorCode, EventName, Result, StationEvent } from '../../../shared/contract';
// From the leaf module: the contract index also carries the zod schemas, which the UI never needs.
import { ERROR_CODES } from '../../../shared/contract/errors';

/** One way of reaching the station: the Electron preload bridge or the HTTP shell. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: StationEvent) => void): () => void;
  /** Fires when the event stream came back after being lost: state may have moved meanwhile. */
  onReconnect(listener: () => void): () => void;
}

export function failure(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function isContractError(value: unknown): value is ContractError {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof message === 'string' && (ERROR_CODES as readonly unknown[]).includes(code);
}

/** Trust the shape only as far as the UI depends on it; anything else is an internal fault. */
export function asResult(value: unknown): Result<unknown> | null {
  if (typeof value !== 'object' || value === null) return null;
  const body = value as Record<string, unknown>;
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && isContractError(body.error)) return { ok: false, error: body.error };
  return null;
}

/** A Record, so that a new event in the contract fails to compile here until the UI knows it. */
const KNOWN_EVENTS: Record<EventName, true> = {
  'payments.changed': true,
  'settings.changed': true,
  'wristbands.changed': true,
  'jobs.progressed': true,
  'topup.eventChanged': true,
  'backups.changed': true,
  'station.changed': true,
  'articles.changed': true,
  'receipts.queue': true,
  'returns.changed': true,
  'agreements.charged': true,
};

export function asStationEvent(value: unknown): StationEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, payload } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !Object.hasOwn(KNOWN_EVENTS, name)) return null;
  if (typeof payload !== 'object' || payload === null) return null;
  return value as StationEvent;
}
