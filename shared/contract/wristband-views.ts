import type { AgreementStatus } from '../domain/recurring-plans';

/** What the wristband ledger, its needs-attention list, refunds and top-up profiles look like to a caller. */

export type WristbandStatus = 'active' | 'blocked' | 'closed';
/** `credit`: a sale's debit given back (a refund or a cancelled sale). */
export type WristbandEntryKind = 'topup' | 'debit' | 'transfer_in' | 'transfer_out' | 'refund' | 'credit';

export interface WristbandEntryView {
  at: string;
  kind: WristbandEntryKind;
  /** Signed: credits above zero, debits, transfers out and refunds below. */
  amountCents: number;
  /** The top-up's Bancontact paymentId. */
  bancontactId: string | null;
  /** The bar sale a debit paid for. */
  saleId: string | null;
  /** The payer's first name as Bancontact reports it, for top-ups. */
  payerName: string | null;
}

export interface WristbandView {
  id: string;
  batchId: string;
  eventName: string;
  status: WristbandStatus;
  balanceCents: number;
  /** Set once its balance was moved: the wristband that took it over. */
  movedTo: string | null;
  /** Newest first. */
  entries: WristbandEntryView[];
  /** Its latest automatic top-up (a payment agreement sold at a till, docs/agreements.md), or null. */
  autoTopup: WristbandAutoTopupView | null;
}

export interface WristbandAutoTopupView {
  agreementId: string;
  /** Charged when a debit leaves the balance below this. */
  thresholdCents: number;
  /** What each charge adds. */
  topupCents: number;
  /** Only an active one is charged; the end of the event revokes it. */
  status: AgreementStatus;
}

/** Why a top-up could not be credited by itself. */
export type AttentionReason =
  'unknown_reference' | 'malformed_reference' | 'wristband_closed' | 'wristband_blocked';

export interface AttentionView {
  bancontactId: string;
  /** The payment's R as Bancontact reported it. */
  reference: string | null;
  amountCents: number;
  reason: AttentionReason;
  /** The top-up profile the payment was made on. */
  profileId: string;
  receivedAt: string;
  resolvedAt: string | null;
  /** The wristband a manager credited it to. */
  resolvedTo: string | null;
}

export type RefundStatus = 'waiting_iban' | 'ready' | 'exported';

export interface RefundView {
  id: string;
  wristbandId: string;
  amountCents: number;
  creditorName: string | null;
  /** Country and last four characters only; the full IBAN is only in the export files. */
  ibanMasked: string | null;
  status: RefundStatus;
  /** Why the IBAN is not there yet, e.g. REFUND_NOT_AVAILABLE (Bancontact does not know it yet). */
  problem: string | null;
  /** The top-up payment whose payer gets the money back. */
  bancontactId: string;
  exportId: string | null;
}

export interface RefundExportView {
  exportId: string;
  count: number;
  totalCents: number;
  /** Served by the station's HTTP shell. */
  xmlPath: string;
  csvPath: string;
}

/** What the organiser owes wristband holders, at this moment. toppedUp − spent − refunded = outstanding. */
export interface LiabilityView {
  toppedUpCents: number;
  spentCents: number;
  refundedCents: number;
  /** The sum of all balances, refunds proposed but not yet in a refund file included. */
  outstandingCents: number;
  /**
   * Top-ups paid but on no wristband yet (needs attention, unresolved): owed as well, until a manager
   * credits them to a wristband (then they are outstanding) or deals with them otherwise.
   */
  awaitingAttentionCents: number;
  wristbands: number;
  wristbandsWithBalance: number;
}

/** A live top-up profile as the manager sees it: never its API key. */
export interface TopupProfileView {
  ppid: string;
  name: string;
  amountMode: 'open' | 'modifiable' | 'fixed';
  apiKeyLast4: string;
  /** The URL to give Bancontact support as this product's callback URL; null without a public URL. */
  callbackUrl: string | null;
}
