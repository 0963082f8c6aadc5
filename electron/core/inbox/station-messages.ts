import { and, isNull, lt, ne, sql } from 'drizzle-orm';
import type { BackupStatusView } from '../../../shared/contract/backup-methods';
import type { PrintQueueView } from '../../../shared/contract/receipt-methods';
import type { StationDb } from '../db/open-station-database';
import { devices } from '../db/station-schema';
import { DAY_MS, type InboxItem } from './inbox-item';
import { MESSAGES_PER_KIND } from './book-messages';

/**
 * A linked device not seen for this many days gets a message: long enough for a weekend closed, and
 * well before the 30 days after which the station ends its access by itself (devices/device-upkeep.ts).
 */
export const DEVICE_UNSEEN_DAYS = 3;

/**
 * Each printer the station failed to reach when it last tried. The queue keeps no "since", so this
 * remembers when the inbox first saw each printer offline (forgotten once it is seen online again): a
 * new offline spell is a new message. After a restart a spell still going is a new message too.
 */
export function offlinePrinters() {
  const since = new Map<string, number>();
  return (queue: PrintQueueView, now: number): InboxItem[] => {
    for (const printer of queue.printers)
      if (printer.state !== 'offline') since.delete(printer.printerId);
      else if (!since.has(printer.printerId)) since.set(printer.printerId, now);
    return queue.printers
      .filter((printer) => printer.state === 'offline')
      .map((printer) => {
        const from = since.get(printer.printerId) ?? now;
        return {
          key: `printer:${printer.printerId}:${from}`,
          kind: 'printer_offline',
          at: from,
          severity: 'error',
          facts: { name: printer.name, count: printer.waiting, reason: printer.lastError ?? undefined },
        } satisfies InboxItem;
      });
  };
}

/** The current mode's last backup attempt failed and none succeeded since. */
export function failedBackupItems(status: BackupStatusView): InboxItem[] {
  const failure = status.lastFailure;
  if (!failure) return [];
  return [
    {
      key: `backup:${status.databaseFile}:${failure.at}`,
      kind: 'backup_failed',
      at: Date.parse(failure.at),
      severity: 'error',
      facts: { name: status.folder, reason: failure.message.slice(0, 200) },
    },
  ];
}

/** Linked devices (not the station's own window) still allowed in but not seen for days. */
export async function unseenDeviceItems(db: StationDb, now: number): Promise<InboxItem[]> {
  const lastSeen = sql<number>`coalesce(${devices.lastSeenAt}, ${devices.createdAt})`;
  const rows = await db.read((q) =>
    q
      .select({ id: devices.id, name: devices.name, lastSeen })
      .from(devices)
      .where(
        and(
          isNull(devices.revokedAt),
          ne(devices.kind, 'station'),
          lt(lastSeen, now - DEVICE_UNSEEN_DAYS * DAY_MS),
        ),
      )
      .orderBy(lastSeen)
      .limit(MESSAGES_PER_KIND),
  );
  return rows.map((row) => {
    const seen = Number(row.lastSeen);
    return {
      // A device seen again and then lost again is a new message.
      key: `device:${row.id}:${seen}`,
      kind: 'device_unseen',
      at: seen + DEVICE_UNSEEN_DAYS * DAY_MS,
      severity: 'warning',
      facts: { name: row.name, days: Math.floor((now - seen) / DAY_MS) },
    } satisfies InboxItem;
  });
}
