import type { BackupStatusView } from './backup-methods';
import type { EventStateView } from './event-methods';
import type { PrintQueueView } from './receipt-methods';
import type { PrintJobView } from './topup-batch-views';
import type { SaleView, SettingsView, StationStatus } from './views';
import type { WristbandStatus } from './wristband-views';

/** Events the station pushes to every subscribed client (IPC or SSE). */
export interface EventMap {
  'payments.changed': { sale: SaleView };
  'settings.changed': { settings: SettingsView };
  /** A wristband's balance or status changed: a top-up, a bar payment, a block, a move or a refund. */
  'wristbands.changed': { wristbandId: string; balanceCents: number; status: WristbandStatus };
  /** A print job moved on: about every 250 ms while it runs, and once when it ends. */
  'jobs.progressed': PrintJobView;
  /** A backup started, ended (written or failed), or the backup folder or interval changed. */
  'backups.changed': BackupStatusView;
  /** The event was ended, reopened, or its end became final with the first refund file. */
  'topup.eventChanged': EventStateView;
  /** The station was refused, or a remedy (a new book, a restore) let it start: its status now. */
  'station.changed': StationStatus;
  /** An article was saved or a catalogue imported: tills fetch their grid again. */
  'articles.changed': { changedAt: number };
  /** A receipt printer went on- or offline, or the receipts waiting for it changed. */
  'receipts.queue': PrintQueueView;
  /** A sale's refunds changed: one was made, or Bancontact said it was paid back or failed. */
  'returns.changed': { saleId: string };
  /** A charge on a payment agreement was captured and booked (its receipt is to be mailed). */
  'agreements.charged': { chargeId: string };
}

export type EventName = keyof EventMap;
export type StationEvent = { [K in EventName]: { name: K; payload: EventMap[K] } }[EventName];

export const EVENT_NAMES: readonly EventName[] = [
  'payments.changed',
  'settings.changed',
  'wristbands.changed',
  'jobs.progressed',
  'backups.changed',
  'topup.eventChanged',
  'station.changed',
  'articles.changed',
  'receipts.queue',
  'returns.changed',
  'agreements.charged',
];
