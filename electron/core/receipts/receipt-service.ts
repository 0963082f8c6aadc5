import { and, eq, max } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract';
import type { PrinterView, PrintQueueView, PrintersView } from '../../../shared/contract/receipt-methods';
import type { ReceiptView } from '../../../shared/contract/receipt-views';
import type { Db } from '../db/open-database';
import type { StationDb } from '../db/open-station-database';
import { printJobs } from '../db/schema';
import { setupIn } from '../ledger/attribution';
import type { Logger } from '../logging/logger';
import type { Leases } from '../site/lease';
import { buildReceipt, readStoredReceipt } from './build-receipt';
import { renderEscPos } from './escpos-receipt';
import { renderReceiptPdf, type PdfLogo } from './pdf-receipt';
import { receiptFileName } from './receipt-file-name';
import { PrintQueue, type PrintJobRow } from './print-queue';
import { sendToPrinter } from './print-sender';
import { PrinterStore } from './printer-store';
import { mirrorPrinting, printingIn } from './receipt-numbers';

/*
 * Receipts at one station: the view of a finished sale's receipt, its PDF, reprints, the printers'
 * set-up (kept in the station database and mirrored into the running mode's books) and the print
 * queue, which runs at the station holding the `print:receipts` lease.
 */

/** Names of people and tills by id (reports/report-names.ts answers this shape). */
export interface ReceiptNames {
  staff(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  tills(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export interface ReceiptServiceDeps {
  /** The running mode's books and whether it is training, or null while none runs. */
  books: () => { db: Db; training: boolean } | null;
  stationDb: () => StationDb | null;
  names?: ReceiptNames;
  locale: () => 'nl' | 'fr' | 'en';
  /** The merchant's logo, when one is set (settings/logo-store.ts). */
  logo?: () => Promise<PdfLogo | null>;
  leases: Leases;
  emit: (view: PrintQueueView) => void;
  now: () => number;
  logger: Logger;
  timings?: { intervalMs?: number; sendTimeoutMs?: number; firstBackoffMs?: number; maxBackoffMs?: number };
}

export class ReceiptService {
  readonly printers: PrinterStore;
  readonly queue: PrintQueue;
  private mirrored: Db | null = null;
  private giveUp: (() => Promise<void>) | null = null;

  constructor(private readonly deps: ReceiptServiceDeps) {
    this.printers = new PrinterStore(deps.stationDb, deps.now);
    const t = deps.timings ?? {};
    this.queue = new PrintQueue({
      books: () => this.booksMirrored(),
      render: (db, job, printer) => this.renderJob(db, job, printer),
      send: (printer, bytes) => sendToPrinter(printer, bytes, { timeoutMs: t.sendTimeoutMs ?? 5_000 }),
      ...{ now: deps.now, logger: deps.logger, emit: deps.emit },
      ...{
        intervalMs: t.intervalMs ?? 1_000,
        firstBackoffMs: t.firstBackoffMs ?? 1_000,
        maxBackoffMs: t.maxBackoffMs ?? 30_000,
      },
    });
  }

  start(): void {
    this.giveUp = this.deps.leases.hold('print:receipts', {
      gained: (lease) => this.queue.gained(lease),
      lost: (lease) => this.queue.lost(lease),
    });
  }

  async stop(): Promise<void> {
    await this.giveUp?.();
    await this.queue.stop();
  }

  /** After a change of printers: the running books get the new set-up at once. */
  async changed(view: PrintersView): Promise<PrintersView> {
    const books = this.deps.books();
    if (books) await mirrorPrinting(books.db, view);
    this.mirrored = books?.db ?? null;
    this.queue.kick();
    return view;
  }

  async receipt(saleId: string): Promise<ReceiptView> {
    const { db, training } = this.books();
    return this.view(db, { saleId }, training);
  }

  async pdf(saleId: string): Promise<{ bytes: Uint8Array; fileName: string }> {
    const view = await this.receipt(saleId);
    const bytes = await renderReceiptPdf(view, { logo: view.hasLogo ? await this.deps.logo?.() : null });
    return { bytes, fileName: receiptFileName(view) };
  }

  /** A new job for the till's printer, marked as the next copy. */
  async reprint(saleId: string): Promise<PrintQueueView> {
    const { db } = this.books();
    await db.write(async (tx) => {
      const stored = await readStoredReceipt(tx, { saleId });
      if (!stored) throw new ContractFailure('NOT_FOUND', `Sale ${saleId} has no receipt`);
      const printing = await printingIn(tx);
      const till = printing.tills.find((t) => t.tillId === stored.receipt.tillId);
      if (!till) throw new ContractFailure('NOT_CONFIGURED', `Till ${stored.receipt.tillId} has no printer`);
      const [last] = await tx
        .select({ copy: max(printJobs.copy) })
        .from(printJobs)
        .where(and(eq(printJobs.receiptId, stored.receipt.id), eq(printJobs.printerId, till.printerId)));
      const copy = last?.copy === null || last?.copy === undefined ? 0 : last.copy + 1;
      await tx.insert(printJobs).values({
        ...{ receiptId: stored.receipt.id, printerId: till.printerId, copy, status: 'queued' },
        createdAt: this.deps.now(),
      });
    });
    this.queue.kick();
    return this.queue.view(db);
  }

  queueView(): Promise<PrintQueueView> {
    return this.queue.view(this.booksMirrored());
  }

  /** A short page in the printer's code page, sent at once: the administrator sees whether it arrived. */
  async testPage(printerId: string): Promise<{ printed: boolean; error: string | null }> {
    const printer = (await this.printers.list()).printers.find((p) => p.id === printerId);
    if (!printer) throw new ContractFailure('NOT_FOUND', `No printer ${printerId}`);
    const bytes = renderEscPos(testReceipt(printer, this.deps.locale(), this.deps.now()), {
      ...{ paperMm: printer.paperMm, codePage: printer.codePage },
    });
    try {
      await sendToPrinter(printer, bytes, { timeoutMs: this.deps.timings?.sendTimeoutMs ?? 5_000 });
      return { printed: true, error: null };
    } catch (error) {
      return { printed: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private books(): { db: Db; training: boolean } {
    const books = this.deps.books();
    if (!books) throw new ContractFailure('STATION_REFUSED', 'No mode is running');
    return books;
  }

  /** The running books, with the printers' set-up mirrored into them once per opened mode. */
  private booksMirrored(): Db | null {
    const books = this.deps.books();
    if (books && books.db !== this.mirrored) {
      this.mirrored = books.db;
      void this.printers
        .list()
        .then((view) => mirrorPrinting(books.db, view))
        .catch((error: unknown) => this.deps.logger.warn(`mirroring the printers: ${String(error)}`));
    }
    return books?.db ?? null;
  }

  private async view(
    db: Db,
    which: { saleId: string } | { receiptId: string },
    training: boolean,
  ): Promise<ReceiptView> {
    const { stored, setup } = await db.read(async (q) => ({
      stored: await readStoredReceipt(q, which),
      setup: await setupIn(q),
    }));
    if (!stored) throw new ContractFailure('NOT_FOUND', 'This sale has no receipt');
    const names = this.deps.names;
    const one = async (lookUp: ReceiptNames['staff'] | undefined, id: string) =>
      (await lookUp?.([id]))?.get(id) ?? null;
    return buildReceipt(stored, {
      ...{ setup, locale: this.deps.locale(), training },
      tillName: (id) => one(names?.tills, id),
      staffName: (id) => one(names?.staff, id),
      hasLogo: (await this.deps.logo?.()) != null,
    });
  }

  private async renderJob(db: Db, job: PrintJobRow, printer: PrinterView): Promise<Buffer> {
    const view = await this.view(db, { receiptId: job.receiptId }, this.deps.books()?.training ?? false);
    const logo = view.hasLogo ? await this.deps.logo?.() : null;
    return renderEscPos(view, {
      ...{ paperMm: printer.paperMm, codePage: printer.codePage, openDrawer: job.openDrawer, copy: job.copy },
      logoPng: logo?.mime === 'image/png' ? Buffer.from(logo.bytes) : null,
    });
  }
}

function testReceipt(printer: PrinterView, locale: 'nl' | 'fr' | 'en', at: number): ReceiptView {
  const party = { name: '', address: '', website: '', vatNumber: '' };
  const line = {
    quantity: 1,
    unitPriceCents: 100,
    vatRate: 21,
    listCents: 100,
    lineDiscountCents: 0,
    saleDiscountCents: 0,
    grossCents: 100,
    note: null,
  };
  return {
    ...{ id: 'test', kind: 'sale', number: 0, tillId: '', tillName: printer.name, cashierName: null, at },
    ...{ business: { ...party, name: 'Kassa' }, shop: { ...party, id: '' } },
    lines: [{ ...line, name: 'é ë ç à ü €' }],
    ...{ listCents: 100, discountCents: 0, grossCents: 100, netCents: 83, vatCents: 17 },
    byRate: [{ ratePercent: 21, grossCents: 100, netCents: 83, vatCents: 17 }],
    ...{ tenders: [], changeCents: 0, note: null, saleId: '', locale, training: true, hasLogo: false },
  };
}
