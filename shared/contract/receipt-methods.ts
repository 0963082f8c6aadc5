import { z } from 'zod';
import { out } from './method-spec';
import type { ReceiptView } from './receipt-views';
import type { DownloadView } from './report-views';

/** A network ESC/POS printer, as the administrator set it up. */
export interface PrinterView {
  id: string;
  name: string;
  host: string;
  port: number;
  paperMm: 58 | 80;
  codePage: string;
  /** A cash drawer is wired to the printer: cash sales send the pulse. */
  drawer: boolean;
}

export interface TillPrintingView {
  tillId: string;
  printerId: string;
  /** Every finished sale prints by itself. */
  autoPrint: boolean;
}

export interface PrintersView {
  printers: PrinterView[];
  tills: TillPrintingView[];
}

/** One printer's queue, as the tills show it: "Printer offline — 2 receipts waiting". */
export interface PrinterQueueView {
  printerId: string;
  name: string;
  /** unknown: nothing was sent to it since the station started. */
  state: 'online' | 'offline' | 'unknown';
  waiting: number;
  /** Why the last attempt failed (connection refused, timed out), while offline. */
  lastError: string | null;
}

export interface PrintQueueView {
  printers: PrinterQueueView[];
}

export interface TestPageView {
  printed: boolean;
  error: string | null;
}

/** The code pages a printer can be set to (see electron/core/receipts/escpos-receipt.ts). */
export const PRINTER_CODE_PAGES = [
  'cp858',
  'cp437',
  'cp850',
  'cp852',
  'cp1252',
  'cp860',
  'cp863',
  'cp865',
] as const;

const id = z.string().min(1).max(64);
const saleRef = z.object({ saleId: id }).strict();
const tillId = z.string().regex(/^[A-Za-z0-9-]{1,32}$/);
const printerInput = z
  .object({
    /** Absent: a new printer. */
    id: id.optional(),
    name: z.string().trim().min(1).max(60),
    // A host name or an IPv4/IPv6 address, no scheme or path.
    host: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.:[\]-]{1,253}$/, 'a host name or an IP address'),
    port: z.number().int().min(1).max(65_535).default(9100),
    paperMm: z.union([z.literal(58), z.literal(80)]),
    codePage: z.enum(PRINTER_CODE_PAGES).default('cp858'),
    drawer: z.boolean().default(false),
  })
  .strict();

/** Receipts of finished sales, and the network printers they print on. */
export const receiptMethods = {
  'receipts.get': { permission: 'sell', input: saleRef, output: out<ReceiptView>() },
  /** Prints the receipt again on the till's printer: a new job, marked as the n-th copy. */
  'receipts.reprint': { permission: 'sell', input: saleRef, output: out<PrintQueueView>() },
  /** The receipt as an 80 mm PDF, served under `/downloads/receipts/<file>`. */
  'receipts.exportPdf': { permission: 'sell', input: saleRef, output: out<DownloadView>() },
  'receipts.queue': { permission: 'signedIn', input: z.object({}).strict(), output: out<PrintQueueView>() },
  'printers.list': { permission: 'administer', input: z.object({}).strict(), output: out<PrintersView>() },
  'printers.save': { permission: 'administer', input: printerInput, output: out<PrintersView>() },
  'printers.remove': {
    permission: 'administer',
    input: z.object({ printerId: id }).strict(),
    output: out<PrintersView>(),
  },
  'printers.setTill': {
    permission: 'administer',
    input: z.object({ tillId, printerId: id.nullable(), autoPrint: z.boolean().default(true) }).strict(),
    output: out<PrintersView>(),
  },
  /** Sends a test page straight to the printer (not through the queue) and says whether it took it. */
  'printers.testPage': {
    permission: 'administer',
    input: z.object({ printerId: id }).strict(),
    output: out<TestPageView>(),
  },
} as const;
