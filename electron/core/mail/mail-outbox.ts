import { and, eq, isNull } from 'drizzle-orm';
import type { MailOutboxView, MailProblem } from '../../../shared/contract/mail-methods';
import { MAIL_PROBLEMS } from '../../../shared/contract/mail-methods';
import type { Db } from '../db/open-database';
import { agreementCharges } from '../db/schema';
import type { Logger } from '../logging/logger';
import type { Lease } from '../site/lease';
import { composeChargeReceipt } from './charge-receipt';
import {
  chargeReceiptData,
  consumerLocale,
  readSetup,
  unmailedCharges,
  type UnmailedCharge,
} from './charge-receipt-data';
import type { MerchantContact } from './mail-settings';
import { MailFailure, type OutgoingMail, type SmtpServer } from './smtp-send';

/*
 * The mail outbox: every captured charge whose receipt was not mailed yet is composed from its agreement
 * and sent to the consumer, then marked mailed (receipt_mailed_at) in a unit of work right after the
 * server took it, only while this station holds the `mail:receipts` lease: on a site one station sends,
 * and a receipt goes once. A failure is counted on the charge (attempts, error) and tried again after a
 * delay that doubles; a server that is down or refuses the login pauses the whole round, not each mail.
 */

export const NO_EMAIL = 'no_email';

export interface MailOutboxDeps {
  books: () => Db | null;
  server: () => SmtpServer | null;
  contact: () => MerchantContact;
  send: (server: SmtpServer, mail: OutgoingMail) => Promise<unknown>;
  now: () => number;
  logger: Logger;
  intervalMs: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
}

/** Problems of the server itself: no other mail would go either, so the round stops. */
const SERVER_PROBLEMS: ReadonlySet<MailProblem> = new Set(['auth', 'unreachable', 'tls', 'timeout']);

export class MailOutbox {
  private lease: Lease | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** When each failed charge may be tried again; a restart tries them all at once. */
  private readonly retryAt = new Map<string, number>();
  private serverRetryAt = 0;
  private serverBackoffMs = 0;

  constructor(private readonly deps: MailOutboxDeps) {}

  gained(lease: Lease): void {
    this.lease = lease;
    this.timer ??= setInterval(() => this.wake(), this.deps.intervalMs);
    this.wake();
  }

  lost(lease: Lease): void {
    if (this.lease === lease) this.lease = null;
  }

  /** Looks at the outbox now (a charge was just captured, the settings changed); a run going runs once more. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch((error: unknown) => this.deps.logger.warn(`mail outbox: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Tries every waiting receipt now, whatever its delay, and answers once that round is over. */
  async retryNow(): Promise<void> {
    this.retryAt.clear();
    this.serverRetryAt = 0;
    await this.running;
    this.wake();
    await this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.lease = null;
    await this.running;
  }

  async view(): Promise<MailOutboxView> {
    const db = this.deps.books();
    const waiting = db ? await unmailedCharges(db, 200) : [];
    return {
      configured: this.deps.server() !== null,
      waiting: waiting.map(({ charge, agreement }) => ({
        ...{ chargeId: charge.id, agreementId: agreement.id, description: agreement.description },
        amountCents: charge.amountCents,
        capturedAt: new Date(charge.capturedAt ?? charge.dueAt).toISOString(),
        attempts: charge.receiptMailAttempts,
        problem: agreement.consumerEmail ? problemOf(charge.receiptMailError) : NO_EMAIL,
        lastError: charge.receiptMailError,
      })),
    };
  }

  private async run(): Promise<void> {
    const db = this.deps.books();
    // No books (no mode running: a refused start) or not this station's turn: the settings are not read.
    if (!db || !this.lease?.held || this.serverRetryAt > this.deps.now()) return;
    const server = this.deps.server();
    if (!server) return;
    const due = (await unmailedCharges(db, 100, true)).filter(
      (c) => c.agreement.consumerEmail && (this.retryAt.get(c.charge.id) ?? 0) <= this.deps.now(),
    );
    if (due.length === 0) return;
    const setup = await readSetup(db);
    const contact = this.deps.contact();
    for (const unmailed of due) {
      if (!this.lease?.held) return;
      const composed = composeChargeReceipt(
        chargeReceiptData(unmailed, setup, contact),
        consumerLocale(unmailed.agreement),
      );
      try {
        await this.deps.send(server, { to: unmailed.agreement.consumerEmail ?? '', ...composed });
      } catch (error) {
        const failure = error instanceof MailFailure ? error : new MailFailure('other', String(error));
        await this.failed(db, unmailed, failure);
        if (SERVER_PROBLEMS.has(failure.problem)) return;
        continue;
      }
      this.serverBackoffMs = 0;
      this.retryAt.delete(unmailed.charge.id);
      await this.mailed(db, unmailed);
    }
  }

  /** The server took it: marked at once, so a restart or another station never sends it again. */
  private mailed(db: Db, { charge }: UnmailedCharge): Promise<unknown> {
    return db.write((tx) =>
      tx
        .update(agreementCharges)
        .set({
          receiptMailedAt: this.deps.now(),
          receiptMailAttempts: charge.receiptMailAttempts + 1,
          receiptMailError: null,
        })
        .where(and(eq(agreementCharges.id, charge.id), isNull(agreementCharges.receiptMailedAt))),
    );
  }

  private async failed(db: Db, { charge }: UnmailedCharge, failure: MailFailure): Promise<void> {
    const attempts = charge.receiptMailAttempts + 1;
    const { firstBackoffMs, maxBackoffMs } = this.deps;
    const delay = Math.min(maxBackoffMs, firstBackoffMs * 2 ** Math.min(attempts - 1, 20));
    this.retryAt.set(charge.id, this.deps.now() + delay);
    if (SERVER_PROBLEMS.has(failure.problem)) {
      this.serverBackoffMs = Math.min(
        maxBackoffMs,
        this.serverBackoffMs ? this.serverBackoffMs * 2 : firstBackoffMs,
      );
      this.serverRetryAt = this.deps.now() + this.serverBackoffMs;
    }
    if (attempts === 1 || charge.receiptMailError !== failure.message)
      this.deps.logger.warn(
        `a charge receipt could not be mailed (${failure.problem}): ${failure.serverReply}`,
      );
    await db.write((tx) =>
      tx
        .update(agreementCharges)
        .set({ receiptMailAttempts: attempts, receiptMailError: failure.message.slice(0, 500) })
        .where(and(eq(agreementCharges.id, charge.id), isNull(agreementCharges.receiptMailedAt))),
    );
  }
}

/** The problem a stored error starts with (`auth: 535 …`). */
export function problemOf(error: string | null): MailProblem | null {
  if (!error) return null;
  const head = error.split(':')[0] ?? '';
  return (MAIL_PROBLEMS as readonly string[]).includes(head) ? (head as MailProblem) : 'other';
}
