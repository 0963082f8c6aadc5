import { z } from 'zod';
import { MAX_PAYMENT_CENTS, LOCALES } from '../domain/money';
import { backupMethods } from './backup-methods';
import { basketInput } from './basket-input';
import { tenderPart } from './tender-part';
import { deviceMethods } from './device-methods';
import { restoreMethods } from './restore-methods';
import { sessionMethods } from './session-methods';
import { staffMethods } from './staff-methods';
import { stationMethods } from './station-methods';
import { auditMethods } from './audit-methods';
import { chargeMethods } from './charge-methods';
import { agreementMethods } from './agreement-methods';
import { pproMethods } from './ppro-methods';
import { agreementListMethods } from './agreement-list-methods';
import { articleMethods } from './article-methods';
import { eventMethods } from './event-methods';
import { logoMethods } from './logo-methods';
import { refundKeyMethods } from './refund-key-methods';
import { returnsMethods } from './returns-methods';
import { stickerMethods } from './sticker-methods';
import { profileMethods } from './profile-methods';
import { inboxMethods } from './inbox-methods';
import { mailMethods } from './mail-methods';
import { preferenceMethods } from './preference-methods';
import { reportMethods } from './report-methods';
import { receiptMethods } from './receipt-methods';
import { topupBatchMethods } from './topup-batch-methods';
import { wristbandMethods } from './wristband-methods';
import { out, type MethodSpec, type OutputMarker } from './method-spec';
import type {
  ConnectionCheck,
  RejectedCallbackGroupView,
  SaleView,
  SettingsView,
  StationStatus,
  TimelineEntry,
} from './views';

export type { MethodSpec, OutputMarker, Permission } from './method-spec';

const id = z.string().min(1).max(64);
const saleRef = z.object({ saleId: id }).strict();
const amountCents = z.number().int().min(1).max(MAX_PAYMENT_CENTS);
const ppid = z.string().regex(/^[A-Za-z0-9]{1,64}$/);
/** The station serves several tills (a second counter, a tablet); each has at most one open payment. */
export const DEFAULT_TILL_ID = 'till-1';
const tillId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,32}$/)
  .default(DEFAULT_TILL_ID);

/**
 * Every method of the station: its input schema, its permission and (as a type only) its output.
 * Both shells, IPC and HTTP, reach exactly these and nothing else.
 */
export const methods = {
  'station.getStatus': { permission: 'public', input: z.object({}).strict(), output: out<StationStatus>() },
  'till.startPayment': {
    permission: 'sell',
    input: z
      .object({
        amountCents,
        idempotencyKey: z.string().min(8).max(64),
        tillId,
        basket: basketInput.optional(),
        ...tenderPart,
      })
      .strict(),
    output: out<SaleView>(),
  },
  'till.retryPayment': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  'till.cancelPayment': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  /** An open sale given up: every tender already taken goes back (docs/register-rules.md). */
  'till.cancelSale': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  'till.getSale': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  'till.getCurrentSale': {
    permission: 'signedIn',
    input: z.object({ tillId }).strict(),
    output: out<SaleView | null>(),
  },
  'till.listSales': {
    permission: 'sell',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: out<SaleView[]>(),
  },
  'payments.getTimeline': {
    permission: 'sell',
    input: z.object({ paymentId: id }).strict(),
    output: out<TimelineEntry[]>(),
  },
  'payments.listRejectedCallbacks': {
    // Managers too: a refused callback may mean a sale they close the day with was not confirmed.
    permission: 'close',
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: out<RejectedCallbackGroupView[]>(),
  },
  'training.scan': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  'training.confirm': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  'training.refuse': { permission: 'sell', input: saleRef, output: out<SaleView>() },
  /** Training only: a festival-goer scans this wristband's printed code and pays (amount for open codes). */
  'training.topUp': {
    permission: 'sell',
    input: z
      .object({
        wristbandId: z.string().min(1).max(512),
        amountCents: z.number().int().min(1).max(999_999).optional(),
      })
      .strict(),
    output: out<{ paymentId: string }>(),
  },
  'settings.get': { permission: 'signedIn', input: z.object({}).strict(), output: out<SettingsView>() },
  'settings.setLocale': {
    permission: 'administer',
    input: z.object({ locale: z.enum(LOCALES) }).strict(),
    output: out<SettingsView>(),
  },
  'settings.testConnection': {
    permission: 'administer',
    input: z
      .object({
        environment: z.enum(['preprod', 'production']),
        ppid,
        apiKey: z.string().min(8).max(512).optional(),
      })
      .strict(),
    output: out<ConnectionCheck>(),
  },
  'settings.goLive': {
    permission: 'administer',
    input: z
      .object({ environment: z.enum(['preprod', 'production']), ppid, apiKey: z.string().min(8).max(512) })
      .strict(),
    output: out<SettingsView>(),
  },
  'settings.useTraining': {
    permission: 'administer',
    input: z.object({}).strict(),
    output: out<SettingsView>(),
  },
  'settings.setPublicUrl': {
    permission: 'administer',
    input: z
      .object({
        publicUrl: z
          .url({ protocol: /^https$/ })
          .max(2000)
          .nullable(),
      })
      .strict(),
    output: out<SettingsView>(),
  },
  'settings.setStickerPosId': {
    permission: 'administer',
    // Bancontact's posId: at most 36 letters and digits.
    input: z
      .object({
        stickerPosId: z
          .string()
          .regex(/^[A-Za-z0-9]{1,36}$/)
          .nullable(),
      })
      .strict(),
    output: out<SettingsView>(),
  },
  // Festival top-up: printing batches (topup-batch-methods.ts) and the wristband ledger (wristband-methods.ts).
  ...topupBatchMethods,
  ...wristbandMethods,
  ...eventMethods,
  // Cash, drawers, transactions, summaries, X/Z closing and exports (report-methods.ts).
  ...reportMethods,
  // The merchant's logo on receipts, the customer display and PDFs (logo-methods.ts).
  ...logoMethods,
  // Backups of each mode's database (backup-methods.ts).
  ...backupMethods,
  // Restoring a backup and what its gap brought back (restore-methods.ts).
  ...restoreMethods,
  // The refused start's remedy of a new book (station-methods.ts).
  ...stationMethods,
  // Reading, verifying and exporting the audit log (audit-methods.ts).
  ...auditMethods,
  // Signing in and out, and the staff list (session-methods.ts, staff-methods.ts).
  ...sessionMethods,
  ...staffMethods,
  // Linked devices: pairing, revoking, the LAN listener's settings (device-methods.ts).
  ...deviceMethods,
  // The merchant's signing key for Bancontact's Refund API (refund-key-methods.ts).
  ...refundKeyMethods,
  // The article catalogue the tills sell from (article-methods.ts).
  ...articleMethods,
  // Receipts and the network printers they print on (receipt-methods.ts).
  ...receiptMethods,
  // Returns: a manager's refunds of past sales (returns-methods.ts).
  ...returnsMethods,
  // Sticker QR codes for a shop's sticker profile, made on demand (sticker-methods.ts).
  ...stickerMethods,
  // Each shop's payment profiles: PPID, API key, name, payout IBAN, going live (profile-methods.ts).
  ...profileMethods,
  // A person's own language and a device's payment sound (preference-methods.ts).
  ...preferenceMethods,
  // The station's own messages to the signed-in person (inbox-methods.ts).
  ...inboxMethods,
  // The Agreements screen: agreements and their charges (agreement-list-methods.ts).
  ...agreementListMethods,
  // The SMTP settings of e-mailed charge receipts and their outbox (mail-methods.ts).
  ...mailMethods,
  // Selling a Bancontact payment agreement at the till (agreement-methods.ts).
  ...agreementMethods,
  // The merchant's PPRO account for live agreements (ppro-methods.ts).
  ...pproMethods,
  // Charges on payment agreements: the retry policy, revoking and refunding (charge-methods.ts).
  ...chargeMethods,
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof methods;
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<(typeof methods)[M]['input']>;
export type MethodOutput<M extends MethodName> =
  (typeof methods)[M]['output'] extends OutputMarker<infer T> ? T : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
