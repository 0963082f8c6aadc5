import { ContractFailure, methods } from '../../../shared/contract';
import type { BackupStatusView } from '../../../shared/contract/backup-methods';
import type { InboxMessageView } from '../../../shared/contract/inbox-methods';
import type { PrintQueueView } from '../../../shared/contract/receipt-methods';
import { allows } from '../../../shared/domain/roles';
import type { Caller, Handlers } from '../api/dispatcher';
import type { Db } from '../db/open-database';
import type { StationDb } from '../db/open-station-database';
import {
  daysWithoutZ,
  refusedCallbackItems,
  saleRefundItems,
  topupAttentionItems,
  wristbandRefundItems,
} from './book-messages';
import type { InboxSource } from './inbox-item';
import { createInboxReads, type InboxReads } from './inbox-reads';
import { unmailedReceiptItems } from './receipt-mail-messages';
import { failedBackupItems, offlinePrinters, unseenDeviceItems } from './station-messages';

export interface StationInboxDeps {
  /** The running mode: its books hold the causes, and their file's name keys its messages apart. */
  mode: () => {
    databaseFile: string;
    db: Db;
  };
  /** The station database (the site's on PostgreSQL): devices, and who has read what. */
  stationDb: () => StationDb | null;
  printQueue: () => Promise<PrintQueueView>;
  backupStatus: () => BackupStatusView;
  /** Whether SMTP settings are set: a receipt not mailed says why. */
  mailConfigured?: () => boolean;
  now: () => number;
}

type InboxMethods = 'inbox.list' | 'inbox.unreadCount' | 'inbox.markRead' | 'inbox.markAllRead';
export type InboxHandlers = Pick<Handlers, InboxMethods>;

/** Every kind of message, where it comes from, and the method whose permission decides who sees it. */
function inboxSources(deps: StationInboxDeps): InboxSource[] {
  return [...bookSources(deps), ...stationSources(deps)];
}

function bookSources(deps: StationInboxDeps): InboxSource[] {
  const books = () => deps.mode().db;
  return [
    {
      ...{ kind: 'callbacks_refused', actsWith: 'payments.listRejectedCallbacks', link: 'settings' },
      scope: 'mode',
      read: (now) => refusedCallbackItems(books(), now),
    },
    {
      ...{ kind: 'refund_waiting', actsWith: 'returns.payByIban', link: 'reports', scope: 'mode' },
      read: (now) => saleRefundItems(books(), now),
    },
    {
      ...{ kind: 'wristband_refund_waiting', actsWith: 'refunds.prepare', link: 'topup', scope: 'mode' },
      read: () => wristbandRefundItems(books()),
    },
    {
      ...{ kind: 'topup_attention', actsWith: 'topup.resolveAttention', link: 'topup', scope: 'mode' },
      read: () => topupAttentionItems(books()),
    },
    {
      ...{ kind: 'day_without_z', actsWith: 'reports.closeDay', link: 'reports', scope: 'mode' },
      read: (now) => daysWithoutZ(books(), now),
    },
    {
      ...{ kind: 'receipt_mail_failed', actsWith: 'mail.retryNow', link: 'settings', scope: 'mode' },
      read: (now) => unmailedReceiptItems(books(), now, deps.mailConfigured?.() ?? false),
    },
    {
      ...{ kind: 'backup_failed', actsWith: 'backups.runNow', link: 'settings', scope: 'mode' },
      read: async () => failedBackupItems(deps.backupStatus()),
    },
  ];
}

function stationSources(deps: StationInboxDeps): InboxSource[] {
  const printers = offlinePrinters();
  return [
    {
      ...{ kind: 'printer_offline', actsWith: 'printers.testPage', link: 'settings', scope: 'station' },
      read: async (now) => printers(await deps.printQueue(), now),
    },
    {
      ...{ kind: 'device_unseen', actsWith: 'devices.revoke', link: 'devices', scope: 'station' },
      read: async (now) => {
        const db = deps.stationDb();
        return db ? unseenDeviceItems(db, now) : [];
      },
    },
  ];
}

/** The inbox's four methods: each person's messages, newest first, with what they have read. */
export function createInboxHandlers(deps: StationInboxDeps): InboxHandlers {
  const sources = inboxSources(deps);
  const reads = createInboxReads(() => {
    const db = deps.stationDb();
    if (!db) throw new Error('the station database is not open');
    return db;
  });
  const messagesFor = (caller: Caller) => collect(deps, sources, reads, caller);
  const unread = (messages: InboxMessageView[]) => ({ unread: messages.filter((m) => !m.read).length });
  return {
    'inbox.list': async (_input, caller) => {
      const messages = await messagesFor(caller);
      return { messages, ...unread(messages) };
    },
    'inbox.unreadCount': async (_input, caller) => unread(await messagesFor(caller)),
    'inbox.markRead': async ({ key }, caller) => {
      const messages = await messagesFor(caller);
      // Only a message this person sees now: a key made up, or one gone already, is refused.
      if (!caller.staff || !messages.some((m) => m.key === key))
        throw new ContractFailure('NOT_FOUND', `No message ${key} in this inbox`);
      await reads.mark(caller.staff.id, [key], deps.now());
      return unread(messages.map((m) => (m.key === key ? { ...m, read: true } : m)));
    },
    'inbox.markAllRead': async (_input, caller) => {
      const messages = await messagesFor(caller);
      if (caller.staff)
        await reads.mark(
          caller.staff.id,
          messages.filter((m) => !m.read).map((m) => m.key),
          deps.now(),
        );
      return { unread: 0 };
    },
  };
}

/** The caller's messages, newest first, each marked read or not for them. */
async function collect(
  deps: StationInboxDeps,
  sources: InboxSource[],
  reads: InboxReads,
  caller: Caller,
): Promise<InboxMessageView[]> {
  // A customer display's view-only session is nobody: it has no inbox.
  if (!caller.staff) return [];
  const now = deps.now();
  const mine = sources.filter((source) => allows(caller.rights, methods[source.actsWith].permission));
  const lists = await Promise.all(
    mine.map(async (source) => {
      // `training/`, `kassa/` (live), `preprod/`: one mode's messages never mark another's read.
      const scope = source.scope === 'mode' ? deps.mode().databaseFile.replace(/\.sqlite$/, '') : 'station';
      const items = await source.read(now);
      return items.map((item) => ({ ...item, key: `${scope}/${item.key}`, link: source.link }));
    }),
  );
  const all = lists.flat().sort((a, b) => b.at - a.at || a.key.localeCompare(b.key));
  const read = await reads.readKeys(
    caller.staff.id,
    all.map((m) => m.key),
  );
  return all.map((m) => ({ ...m, at: new Date(m.at).toISOString(), read: read.has(m.key) }));
}

/** The inbox over the station's parts: the running mode, the people's database, printers, backups. */
export function stationInbox(
  config: { now: () => number },
  parts: {
    host: { current(): ReturnType<StationInboxDeps['mode']> };
    people: { database(): StationDb | null };
    receipts: { queueView(): Promise<PrintQueueView> };
    backups: { status(): BackupStatusView };
    mail?: { settings: { current(): unknown } };
  },
): InboxHandlers {
  const { host, people, receipts, backups, mail } = parts;
  return createInboxHandlers({
    ...{ mode: () => host.current(), stationDb: () => people.database(), now: config.now },
    printQueue: () => receipts.queueView(),
    backupStatus: () => backups.status(),
    mailConfigured: () => mail?.settings.current() != null,
  });
}
