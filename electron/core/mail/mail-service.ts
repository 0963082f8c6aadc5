import { ContractFailure } from '../../../shared/contract';
import type { Handlers } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { Db } from '../db/open-database';
import type { Logger } from '../logging/logger';
import type { Leases } from '../site/lease';
import type { Locale } from '../../../shared/domain/money';
import type { SecretStore } from '../settings/secret-store';
import type { SettingsFile } from '../settings/settings-file';
import { MailOutbox } from './mail-outbox';
import { MailSettings } from './mail-settings';
import { sendMail } from './smtp-send';

/*
 * E-mailed receipts at one station: the SMTP settings (shared by a site's stations) and the outbox,
 * which runs at the station holding the `mail:receipts` lease. Whatever captures a charge wakes it
 * (`wake()`, or any `agreements.*` station event); it also looks every 30 seconds.
 */

export const MAIL_LEASE = 'mail:receipts';

export interface MailServiceDeps {
  /** The running mode's books, or null while none runs. */
  books: () => Db | null;
  file: SettingsFile;
  secrets: SecretStore;
  locale: () => Locale;
  leases: Leases;
  events: EventBus;
  now: () => number;
  logger: Logger;
  timings?: { intervalMs?: number; firstBackoffMs?: number; maxBackoffMs?: number; sendTimeoutMs?: number };
}

export type MailHandlers = Pick<
  Handlers,
  'mail.getSettings' | 'mail.saveSettings' | 'mail.sendTest' | 'mail.outbox' | 'mail.retryNow'
>;

export class MailService {
  readonly settings: MailSettings;
  readonly outbox: MailOutbox;
  private giveUp: (() => Promise<void>) | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: MailServiceDeps) {
    const t = deps.timings ?? {};
    const sendTimings = { timeoutMs: t.sendTimeoutMs };
    this.settings = new MailSettings({
      ...{ file: deps.file, secrets: deps.secrets, locale: deps.locale, timings: sendTimings },
      changed: () => this.outbox.retryNow().catch(() => undefined),
    });
    this.outbox = new MailOutbox({
      books: deps.books,
      server: () => this.settings.current(),
      contact: () => this.settings.contact(),
      send: (server, mail) => sendMail(server, mail, sendTimings),
      ...{ now: deps.now, logger: deps.logger },
      intervalMs: t.intervalMs ?? 30_000,
      firstBackoffMs: t.firstBackoffMs ?? 60_000,
      maxBackoffMs: t.maxBackoffMs ?? 30 * 60_000,
    });
  }

  start(): void {
    this.giveUp ??= this.deps.leases.hold(MAIL_LEASE, {
      gained: (lease) => this.outbox.gained(lease),
      lost: (lease) => this.outbox.lost(lease),
    });
    // A charge captured anywhere in the station says so on the bus; its receipt goes at once.
    this.unsubscribe ??= this.deps.events.subscribe((event) => {
      if (String(event.name).startsWith('agreements.')) this.wake();
    });
  }

  /** A charge was captured (committed): its receipt is sent now rather than at the next look. */
  wake(): void {
    this.outbox.wake();
  }

  async stop(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    await this.giveUp?.();
    this.giveUp = null;
    await this.outbox.stop();
  }

  handlers(): MailHandlers {
    return {
      'mail.getSettings': () => this.settings.view(),
      'mail.saveSettings': (input) => this.settings.save(input),
      'mail.sendTest': ({ testRecipient, settings }) => this.settings.sendTest(testRecipient, settings),
      'mail.outbox': () => this.outbox.view(),
      'mail.retryNow': async () => {
        if (!this.settings.current()) throw new ContractFailure('NOT_CONFIGURED', 'No SMTP server is set up');
        await this.outbox.retryNow();
        return this.outbox.view();
      },
    };
  }
}
