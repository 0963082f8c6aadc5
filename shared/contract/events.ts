import type { SaleView, SettingsView } from './views';

/** Events the station pushes to every subscribed client (IPC or SSE). */
export interface EventMap {
  'payments.changed': { sale: SaleView };
  'settings.changed': { settings: SettingsView };
}

export type EventName = keyof EventMap;
export type StationEvent = { [K in EventName]: { name: K; payload: EventMap[K] } }[EventName];

export const EVENT_NAMES: readonly EventName[] = ['payments.changed', 'settings.changed'];
