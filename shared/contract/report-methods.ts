import { z } from 'zod';
import { parseDay } from '../domain/business-day';
import { MAX_PAYMENT_CENTS } from '../domain/money';
import { basketInput } from './basket-input';
import { tenderPart } from './tender-part';
import { salesSetupInput } from './sales-setup-input';
import { out } from './method-spec';
import {
  TRANSACTION_METHODS,
  TRANSACTION_STATUSES,
  type CashSaleView,
  type DownloadView,
  type DrawerView,
  type RebuildView,
  type ReportView,
  type SalesSetupView,
  type SummariesView,
  type TransactionDetailView,
  type TransactionPageView,
  type ZListItem,
} from './report-views';

const nothing = z.object({}).strict();
const tillId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/)
  .default('till-1');
const name = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,32}$/, 'letters, digits, dot, dash or underscore, at most 32');
const cents = z.number().int().min(0).max(MAX_PAYMENT_CENTS);
const positiveCents = z.number().int().min(1).max(MAX_PAYMENT_CENTS);
const date = z.string().refine((text) => parseDay(text) !== null, 'a date written YYYY-MM-DD');
const reason = z.string().trim().min(1).max(200);

/** The transactions filters, shared by the list and the CSV export. */
const filterShape = {
  from: date.optional(),
  to: date.optional(),
  shopId: name.optional(),
  tillId: name.optional(),
  // A sale's cashier is a person's id (a 36-character UUID) or a till's cashier setting.
  cashierId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64')
    .optional(),
  profileId: z
    .string()
    .regex(/^[A-Za-z0-9]{1,64}$/)
    .optional(),
  method: z.enum(TRANSACTION_METHODS).optional(),
  status: z.enum(TRANSACTION_STATUSES).optional(),
  /** A Bancontact payment id, Kassa reference (payment id), sale id or wristband id. */
  search: z.string().trim().min(1).max(512).optional(),
};

type DateRange = { from?: string; to?: string };
const rangeInOrder = (range: DateRange): boolean => !range.from || !range.to || range.to >= range.from;
const RANGE_ERROR = { message: 'the end date is before the start date', path: ['to'] };

export const transactionFilters = z.object(filterShape).strict().refine(rangeInOrder, RANGE_ERROR);

/** Cash, drawers, transactions, summaries, X/Z closing and exports; merged into `methods`. */
export const reportMethods = {
  'till.payCash': {
    permission: 'sell',
    input: z
      .object({
        amountCents: positiveCents,
        tenderedCents: cents,
        idempotencyKey: z.string().min(8).max(64),
        tillId,
        basket: basketInput.optional(),
        ...tenderPart,
      })
      .strict(),
    output: out<CashSaleView>(),
  },
  'drawer.open': {
    permission: 'close',
    input: z.object({ tillId, floatCents: cents }).strict(),
    output: out<DrawerView>(),
  },
  'drawer.cashIn': {
    permission: 'close',
    input: z.object({ tillId, amountCents: positiveCents, reason }).strict(),
    output: out<DrawerView>(),
  },
  'drawer.cashOut': {
    permission: 'close',
    input: z.object({ tillId, amountCents: positiveCents, reason }).strict(),
    output: out<DrawerView>(),
  },
  'drawer.close': {
    permission: 'close',
    input: z.object({ tillId, countedCents: cents }).strict(),
    output: out<DrawerView>(),
  },
  /** The till's open drawer, else its last closed one; null when it never had one. */
  'drawer.get': {
    permission: 'sell',
    input: z.object({ tillId }).strict(),
    output: out<DrawerView | null>(),
  },
  'reports.listTransactions': {
    permission: 'report',
    input: z
      .object({
        ...filterShape,
        cursor: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict()
      .refine(rangeInOrder, RANGE_ERROR),
    output: out<TransactionPageView>(),
  },
  'reports.getTransaction': {
    permission: 'report',
    input: z.object({ id: z.string().min(3).max(80) }).strict(),
    output: out<TransactionDetailView>(),
  },
  /** The summary cards, of one shop and/or one payment profile (PPID) when asked. */
  'reports.getSummaries': {
    permission: 'report',
    input: z.object({ shopId: filterShape.shopId, profileId: filterShape.profileId }).strict(),
    output: out<SummariesView>(),
  },
  /** A snapshot of a business day (today when no date is given), from the running totals. */
  'reports.getX': {
    permission: 'report',
    input: z.object({ date: date.optional() }).strict(),
    output: out<ReportView>(),
  },
  /** Closes a business day (today when no date is given) with the next Z number. */
  'reports.closeDay': {
    permission: 'close',
    input: z.object({ date: date.optional() }).strict(),
    output: out<ReportView>(),
  },
  'reports.getZ': {
    permission: 'report',
    input: z.object({ number: z.number().int().min(1) }).strict(),
    output: out<ReportView>(),
  },
  'reports.listZ': {
    permission: 'report',
    input: z
      .object({
        limit: z.number().int().min(1).max(200).default(50),
        before: z.number().int().min(1).optional(),
      })
      .strict(),
    output: out<ZListItem[]>(),
  },
  'reports.rebuildTotals': { permission: 'administer', input: nothing, output: out<RebuildView>() },
  /** Writes the filtered transactions as CSV; `separator` defaults to `;` in nl and fr, `,` in en. */
  'reports.exportCsv': {
    permission: 'report',
    input: z
      .object({ ...filterShape, separator: z.enum([';', ',']).optional() })
      .strict()
      .refine(rangeInOrder, RANGE_ERROR),
    output: out<DownloadView>(),
  },
  /** An X of `date` (today by default), or the Z `number` as it was frozen. */
  'reports.exportPdf': {
    permission: 'report',
    input: z
      .object({ kind: z.enum(['x', 'z']), number: z.number().int().min(1).optional(), date: date.optional() })
      .strict()
      .refine((input) => input.kind === 'x' || input.number !== undefined, {
        message: 'a Z report is chosen by its number',
        path: ['number'],
      }),
    output: out<DownloadView>(),
  },
  'settings.getSalesSetup': { permission: 'signedIn', input: nothing, output: out<SalesSetupView>() },
  /** Changes only the fields given; applies to sales made from now on. */
  'settings.setSalesSetup': {
    permission: 'administer',
    input: salesSetupInput,
    output: out<SalesSetupView>(),
    // 50 shops (with address and website) and 100 tills, in JSON's \u escapes at worst: about 100 KB.
    maxInputBytes: 160 * 1024,
  },
} as const;
