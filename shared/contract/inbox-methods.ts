import { z } from 'zod';
import { out } from './method-spec';

/*
 * The inbox: the station's own messages (docs/inbox.md). Each is derived from the state that causes
 * it, so it goes when its cause does; the station keeps only who has read which.
 */

export const INBOX_KINDS = [
  'callbacks_refused',
  'refund_waiting',
  'wristband_refund_waiting',
  'topup_attention',
  'day_without_z',
  'printer_offline',
  'backup_failed',
  'device_unseen',
  'receipt_mail_failed',
] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

/** The screens a message links to: where the person acts on it. */
export type InboxLink = 'settings' | 'reports' | 'topup' | 'devices' | 'till';

/** The facts a message's text names; the screen words them in the person's language. */
export interface InboxFacts {
  count?: number;
  amountCents?: number;
  /** A business day, `YYYY-MM-DD`. */
  day?: string;
  /** A printer's, device's or profile's name, a wristband's or sale's id. */
  name?: string;
  days?: number;
  /** A code as the station or Bancontact gave it (BAD_SIGNATURE, REFUND_BY_IBAN, ENOTDIR...). */
  reason?: string;
}

export interface InboxMessageView {
  /** Stable while its cause lasts: `<mode>/<kind>:<what>`; a new occurrence has a new key. */
  key: string;
  kind: InboxKind;
  /** When the cause arose (ISO, UTC). */
  at: string;
  severity: 'error' | 'warning';
  facts: InboxFacts;
  link: InboxLink;
  read: boolean;
}

export interface InboxView {
  messages: InboxMessageView[];
  unread: number;
}

export interface InboxCountView {
  unread: number;
}

const nothing = z.object({}).strict();

/** The signed-in person's messages: each sees those the methods that act on them allow (inbox-sources.ts). */
export const inboxMethods = {
  'inbox.list': { permission: 'signedIn', input: nothing, output: out<InboxView>() },
  'inbox.unreadCount': { permission: 'signedIn', input: nothing, output: out<InboxCountView>() },
  'inbox.markRead': {
    permission: 'signedIn',
    input: z.object({ key: z.string().min(3).max(200) }).strict(),
    output: out<InboxCountView>(),
  },
  'inbox.markAllRead': { permission: 'signedIn', input: nothing, output: out<InboxCountView>() },
} as const;
