import type { VatSummary } from '../domain/basket';
import type { ErrorCode } from './errors';
import type { PaymentStatus } from '../domain/payment-status';
import type { Locale } from '../domain/money';
import type { StationRefusal } from './station-refusal';

export type Mode = 'training' | 'live';
export type Environment = 'preprod' | 'production';
export type SaleStatus = 'open' | 'paid' | 'unpaid' | 'cancelled';
export type SaleTender = 'bancontact' | 'wristband' | 'cash' | 'split';
/** The method of one tender of a sale; a `split` sale has tenders of several. */
export type TenderMethod = Exclude<SaleTender, 'split'>;

/**
 * One tender of a sale (docs/register-rules.md, "Split tenders"): a Bancontact payment attempt, the
 * cash handed over, or a wristband debit. Only succeeded ones cover the sale.
 */
export interface TenderView {
  method: TenderMethod;
  amountCents: number;
  /** A Bancontact attempt's outcome (pending while it runs); cash and wristband are succeeded at once. */
  status: 'pending' | 'succeeded' | 'cancelled' | 'expired' | 'refused' | 'failed';
  at: string;
  /** The local payment id and Bancontact's, for a Bancontact tender. */
  paymentId: string | null;
  bancontactId: string | null;
  wristbandId: string | null;
  /** Cash: handed over, change given back, and what rounding to 5 cents added or took off. */
  cash: { tenderedCents: number; changeCents: number; roundingCents: number } | null;
  /** A wristband debit credited back (a cancelled sale or a refund). */
  givenBack: boolean;
}

export interface PaymentView {
  id: string;
  bancontactId: string | null;
  status: PaymentStatus;
  deeplink: string | null;
  /** A sticker till's POS id: the customer scans the printed sticker instead of a QR on screen. */
  posId: string | null;
  expiresAt: string | null;
  /** Why the last call about this payment failed (creation, polling, cancel); null when all is well. */
  problem: { code: ErrorCode; message: string } | null;
}

export interface SaleView {
  id: string;
  tillId: string;
  createdAt: string;
  amountCents: number;
  currency: 'EUR';
  status: SaleStatus;
  // The station always sets the next two; they are optional so that clients and fixtures written
  // before wristbands existed still type-check (absent means a Bancontact sale).
  /** How it was paid: Bancontact (QR or sticker), a festival wristband, or cash. */
  tender?: SaleTender;
  /** The wristband a wristband sale was debited from; null for other tenders. */
  wristbandId?: string | null;
  /** The Bancontact payment; null for wristband and cash sales. */
  payment: PaymentView | null;
  // Set by the station on every sale view; optional for the same reason as `tender`. The customer
  // display shows them once the sale is paid.
  /** A cash sale: what the customer handed over and the change given back; null for other tenders. */
  cash?: { tenderedCents: number; changeCents: number } | null;
  /** A wristband sale: what its own debit left on the wristband (not today's balance); null otherwise. */
  balanceAfterCents?: number | null;
  // The basket as the station priced and stored it (docs/register-rules.md). Set on every sale view;
  // optional so that fixtures written before baskets still type-check. A sale without a basket has
  // one free-amount line at the till's VAT rate.
  /** The sale's lines, in the order the till sent them. */
  lines?: SaleLineView[];
  /** VAT per rate, computed once per rate on the sum of that rate's lines; highest rate first. */
  byRate?: VatSummary[];
  /** The sum of quantity × unit price, before any discount. */
  listCents?: number;
  /** Line and sale discounts together: listCents − discountCents = amountCents. */
  discountCents?: number;
  note?: string | null;
  // Set on every sale view by the station; optional so that older fixtures still type-check.
  /** Every tender of the sale, in the order they were taken. */
  tenders?: TenderView[];
  /** What the succeeded tenders do not cover yet: 0 once the sale is paid. */
  dueCents?: number;
}

/** One line of a sale, as the station priced it. */
export interface SaleLineView {
  /** The catalogue article, or null for a free amount. */
  articleId: string | null;
  name: string;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  /** quantity × unit price. */
  listCents: number;
  lineDiscountCents: number;
  /** This line's share of the sale discount. */
  saleDiscountCents: number;
  grossCents: number;
  note: string | null;
}

export interface TimelineEntry {
  at: string;
  from: PaymentStatus | null;
  to: PaymentStatus;
  source: string;
}

/** A callback that failed verification: answered 4xx, never applied, listed for the manager. */
export interface RejectedCallbackView {
  at: string;
  profileId: string;
  /** A short code such as BAD_SIGNATURE, WRONG_SUB or UNKNOWN_KEY. */
  reason: string;
  detail: string;
  bodyExcerpt: string;
}

/**
 * The refused callbacks of one profile and reason within one hour: all of them counted, the first few
 * kept as samples (a flood of forgeries is a number here, not a row each).
 */
export interface RejectedCallbackGroupView {
  profileId: string;
  reason: string;
  /** The start of the hour they arrived in (ISO 8601). */
  hourStart: string;
  count: number;
  /** When the last of them arrived. */
  lastAt: string;
  /** The first few of the hour, oldest first; `count - samples.length` more were only counted. */
  samples: RejectedCallbackView[];
}

export interface StationStatus {
  mode: Mode;
  environment: Environment | null;
  locale: Locale;
  version: string;
  /** Where the station's HTTP shell answers (downloads are served there); null when it has none. */
  httpUrl: string | null;
  /** Why the station refused to start, while it does (shown instead of the till); absent or null when it runs. */
  refusal?: StationRefusal | null;
  /** The folder whose disk is full, while it is (every screen says so); absent or null otherwise. */
  diskFull?: { folder: string } | null;
  /**
   * SHA-256 fingerprint (AB:CD:…) of the certificate the station serves linked devices, so the pairing
   * page can show it beside the one on the station's screen; null before linked devices were turned on.
   */
  tlsFingerprint?: string | null;
}

export interface SettingsView {
  mode: Mode;
  environment: Environment | null;
  ppid: string | null;
  /** At most the last four characters of the stored API key, never more. */
  apiKeyLast4: string | null;
  hasCredentials: boolean;
  locale: Locale;
  /** The public https base URL that forwards Bancontact's callbacks to this station, if any. */
  publicUrl: string | null;
  /** Where Bancontact posts this profile's callbacks right now; null means polling alone. */
  callbackUrl: string | null;
  /** This till's sticker POS id; null for a till that shows the QR on screen. */
  stickerPosId: string | null;
}

export interface ConnectionCheck {
  environment: Environment;
  ok: true;
}
