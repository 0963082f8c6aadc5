import { and, asc, count, eq } from 'drizzle-orm';
import type { PrinterView, PrintQueueView } from '../../../shared/contract/receipt-methods';
import type { Db } from '../db/open-database';
import { printJobs } from '../db/schema';
import type { Logger } from '../logging/logger';
import type { Lease } from '../site/lease';
import { printingIn } from './receipt-numbers';

/*
 * The print queue: the receipts waiting in the books (print_jobs) go to their printers, oldest first,
 * one printer's jobs in order and the printers side by side. A printer that does not take a job is
 * offline: its jobs wait, and it is tried again after a pause that doubles up to `maxBackoffMs`. A job
 * is marked printed in a unit of work only once the printer took all its bytes, and only while this
 * station holds the `print:receipts` lease, so on a site one station sends each receipt once.
 * Nothing here is in a sale's way: the sale committed its job and went on.
 */

export type PrintJobRow = typeof printJobs.$inferSelect;

export interface PrintQueueDeps {
  /** The running mode's books, or null while none runs. */
  books: () => Db | null;
  render: (db: Db, job: PrintJobRow, printer: PrinterView) => Promise<Buffer>;
  send: (printer: PrinterView, bytes: Buffer) => Promise<void>;
  now: () => number;
  logger: Logger;
  intervalMs: number;
  firstBackoffMs: number;
  maxBackoffMs: number;
  emit: (view: PrintQueueView) => void;
}

interface PrinterState {
  state: 'online' | 'offline';
  lastError: string | null;
  retryAt: number;
  backoffMs: number;
}

export class PrintQueue {
  private lease: Lease | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly printers = new Map<string, PrinterState>();
  private lastEmitted = '';

  constructor(private readonly deps: PrintQueueDeps) {}

  /** This station holds the lease: it sends the site's receipts until `lost`. */
  gained(lease: Lease): void {
    this.lease = lease;
    this.timer ??= setInterval(() => this.kick(), this.deps.intervalMs);
    this.kick();
  }

  lost(lease: Lease): void {
    if (this.lease === lease) this.lease = null;
  }

  /** Looks at the queue now (a sale or a reprint just queued a job); a run already going runs once more. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run()
      .catch((error: unknown) => this.deps.logger.warn(`print queue: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.lease = null;
    await this.running;
  }

  /** Each printer's state (as this station last saw it) and the receipts waiting for it. */
  async view(db: Db | null = this.deps.books()): Promise<PrintQueueView> {
    if (!db) return { printers: [] };
    const { printing, waiting } = await db.read(async (q) => ({
      printing: await printingIn(q),
      waiting: await q
        .select({ printerId: printJobs.printerId, waiting: count() })
        .from(printJobs)
        .where(eq(printJobs.status, 'queued'))
        .groupBy(printJobs.printerId),
    }));
    return {
      printers: printing.printers.map((p) => ({
        ...{ printerId: p.id, name: p.name },
        state: this.printers.get(p.id)?.state ?? 'unknown',
        waiting: Number(waiting.find((w) => w.printerId === p.id)?.waiting ?? 0),
        lastError: this.printers.get(p.id)?.lastError ?? null,
      })),
    };
  }

  private async run(): Promise<void> {
    const db = this.deps.books();
    if (!db) return;
    if (this.lease?.held) {
      const { printing, jobs } = await db.read(async (q) => ({
        printing: await printingIn(q),
        jobs: await q
          .select()
          .from(printJobs)
          .where(eq(printJobs.status, 'queued'))
          .orderBy(asc(printJobs.id))
          .limit(200),
      }));
      const byPrinter = new Map<string, PrintJobRow[]>();
      for (const job of jobs) byPrinter.set(job.printerId, [...(byPrinter.get(job.printerId) ?? []), job]);
      await Promise.all(
        [...byPrinter].map(([printerId, queued]) =>
          this.drain(db, printing.printers.find((p) => p.id === printerId) ?? null, queued),
        ),
      );
    }
    await this.announce(db);
  }

  private async drain(db: Db, printer: PrinterView | null, jobs: PrintJobRow[]): Promise<void> {
    if (!printer) {
      // Its printer was removed: these receipts can no longer print anywhere they were meant to.
      for (const job of jobs) await this.finish(db, job, 'failed', 'the printer was removed');
      return;
    }
    const state = this.printers.get(printer.id);
    if (state && state.retryAt > this.deps.now()) return;
    for (const job of jobs) {
      if (!this.lease?.held) return;
      const bytes = await this.deps.render(db, job, printer);
      try {
        await this.deps.send(printer, bytes);
      } catch (error) {
        await this.offline(db, printer, job, error instanceof Error ? error.message : String(error));
        return;
      }
      this.printers.set(printer.id, { state: 'online', lastError: null, retryAt: 0, backoffMs: 0 });
      await this.finish(db, job, 'printed', null);
    }
  }

  private async offline(db: Db, printer: PrinterView, job: PrintJobRow, message: string): Promise<void> {
    const before = this.printers.get(printer.id);
    const backoffMs = Math.min(
      this.deps.maxBackoffMs,
      before?.backoffMs ? before.backoffMs * 2 : this.deps.firstBackoffMs,
    );
    this.printers.set(printer.id, {
      state: 'offline',
      lastError: message,
      retryAt: this.deps.now() + backoffMs,
      backoffMs,
    });
    if (before?.state !== 'offline') this.deps.logger.warn(`printer ${printer.name} is offline: ${message}`);
    await db.write((tx) =>
      tx
        .update(printJobs)
        .set({ attempts: job.attempts + 1, lastError: message.slice(0, 500) })
        .where(and(eq(printJobs.id, job.id), eq(printJobs.status, 'queued'))),
    );
  }

  private finish(
    db: Db,
    job: PrintJobRow,
    status: 'printed' | 'failed',
    lastError: string | null,
  ): Promise<unknown> {
    return db.write((tx) =>
      tx
        .update(printJobs)
        .set({
          status,
          lastError,
          attempts: job.attempts + 1,
          printedAt: status === 'printed' ? this.deps.now() : null,
        })
        .where(and(eq(printJobs.id, job.id), eq(printJobs.status, 'queued'))),
    );
  }

  private async announce(db: Db): Promise<void> {
    const view = await this.view(db);
    const text = JSON.stringify(view);
    if (text === this.lastEmitted) return;
    this.lastEmitted = text;
    this.deps.emit(view);
  }
}
