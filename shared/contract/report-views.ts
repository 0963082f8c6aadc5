/**
 * What the closing and reporting methods answer. Money is always integer euro cents; dates are
 * business days written `YYYY-MM-DD` (Brussels calendar days, see shared/domain/business-day.ts);
 * instants are ISO 8601 strings.
 */
import type { PaymentStatus } from '../domain/payment-status';
import type { VatRatePeriod } from '../domain/vat-rates';
import type { SaleView, TimelineEntry } from './views';

/**
 * How a movement was paid or what it was. `bancontact_display`: QR on the customer display;
 * `bancontact_sticker`: the printed sticker; `topup`: money paid onto a wristband; `refund`: a wristband
 * balance paid back by SEPA transfer; `agreement`: a charge on a Bancontact payment agreement (recurring
 * Bancontact, made without the consumer at the till); `agreement_topup`: a charge of an automatic
 * top-up (a wristband that tops itself up through its payment agreement): money paid onto a wristband
 * like `topup`, so no sale and no VAT.
 */
export const TRANSACTION_METHODS = [
  'bancontact_display',
  'bancontact_sticker',
  'wristband',
  'cash',
  'topup',
  'refund',
  'agreement',
  'agreement_topup',
] as const;
export type TransactionMethod = (typeof TRANSACTION_METHODS)[number];

/** The methods a customer pays a sale with; the others move wristband money. */
export const SALE_METHODS = [
  'bancontact_display',
  'bancontact_sticker',
  'wristband',
  'cash',
  'agreement',
] as const;
export type SaleMethod = (typeof SALE_METHODS)[number];

/**
 * One status for every kind of row. A Bancontact payment is `pending` until final, then `succeeded`,
 * `cancelled` (also VOIDED), `expired`, `refused` (AUTHORIZATION_FAILED) or `failed` (FAILED,
 * CREATE_FAILED); cash, debits, top-ups and refunds are `succeeded` when written.
 */
export const TRANSACTION_STATUSES = [
  'pending',
  'succeeded',
  'cancelled',
  'expired',
  'refused',
  'failed',
] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

/** One line of the transactions list. */
export interface TransactionRowView {
  /** Stable id for `reports.getTransaction`, e.g. `p:<paymentId>`, `c:<saleId>`, `e:<entry id>`. */
  id: string;
  method: TransactionMethod;
  status: TransactionStatus;
  /** Bancontact's own status, for Bancontact payments; null otherwise. */
  paymentStatus: PaymentStatus | null;
  /** The business day it counts in. */
  businessDate: string;
  createdAt: string;
  /** The price (for cash, before rounding to 5 cents). */
  amountCents: number;
  /** Cash only: what rounding added (positive) or took off (negative); 0 otherwise. */
  roundingCents: number;
  /** Null for top-ups and refunds, which happen outside a shop and till. */
  shopId: string | null;
  tillId: string | null;
  cashierId: string | null;
  /** The cashier's name when `cashierId` is a person's (absent for a till's cashier setting). */
  cashierName?: string;
  /** Percent (21, 12, 6, 0); null where no VAT applies (top-ups, refunds). */
  vatRate: number | null;
  /** The Bancontact payment profile (PPID); null for cash and wristband debits. */
  profileId: string | null;
  saleId: string | null;
  /** Kassa's payment id, which is also the `reference` Bancontact holds. */
  paymentId: string | null;
  bancontactId: string | null;
  wristbandId: string | null;
}

export interface TransactionPageView {
  rows: TransactionRowView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** A cash sale's cash side. */
export interface CashTenderView {
  dueCents: number;
  tenderedCents: number;
  changeCents: number;
  roundingCents: number;
  drawerId: string;
}

export interface TransactionDetailView {
  row: TransactionRowView;
  /** The sale behind it (Bancontact, cash or wristband sale); null for top-ups and refunds. */
  sale: SaleView | null;
  cash: CashTenderView | null;
  /** The payment's status timeline from the tracker's event log; empty for other kinds. */
  timeline: TimelineEntry[];
}

/** What `till.payCash` answers. */
export interface CashSaleView extends CashTenderView {
  sale: SaleView;
}

export interface DrawerMovementView {
  at: string;
  kind: 'in' | 'out';
  amountCents: number;
  reason: string;
}

/** A till's cash drawer session. expected = float + cash sales + cash in − cash out. */
export interface DrawerView {
  id: string;
  tillId: string;
  status: 'open' | 'closed';
  cashierId: string;
  openedAt: string;
  floatCents: number;
  /** Cash received for sales (amounts due after rounding, change already given back). */
  cashSalesCents: number;
  cashInCents: number;
  cashOutCents: number;
  expectedCents: number;
  /** Set when closed. */
  countedCents: number | null;
  /** counted − expected: negative when cash is missing. */
  differenceCents: number | null;
  closedAt: string | null;
  /** The business day the count belongs to; null while open. */
  businessDate: string | null;
  movements: DrawerMovementView[];
}

/** Count and amount of one group in a report. */
export interface TotalLine {
  count: number;
  cents: number;
}

export interface MethodLine extends TotalLine {
  method: TransactionMethod;
}

/**
 * A shop, till or cashier line. `name` is the shop's name from the sales setup, the linked till's name,
 * or the cashier's name; absent when the id names nobody (a till's cashier setting).
 */
export interface GroupLine extends TotalLine {
  id: string;
  name?: string;
}

export interface VatLine {
  ratePercent: number;
  /** Sales at this rate. */
  count: number;
  grossCents: number;
  netCents: number;
  vatCents: number;
}

export interface HourlyPoint {
  /** 0–23, Brussels time of the booking. */
  hour: number;
  /** Sales (all sale methods) in that hour. */
  count: number;
  cents: number;
}

export interface DrawerLine {
  drawerId: string;
  tillId: string;
  status: 'open' | 'closed';
  floatCents: number;
  cashSalesCents: number;
  cashInCents: number;
  cashOutCents: number;
  expectedCents: number;
  countedCents: number | null;
  differenceCents: number | null;
}

/**
 * An X (snapshot) or Z (closing) report of one business day. Both are built only from the running
 * totals; a Z is this same view frozen as it was at closing.
 */
export interface ReportView {
  kind: 'x' | 'z';
  /** The Z number; null for an X. */
  number: number | null;
  businessDate: string;
  /** When the X was taken or the Z closed the day. */
  generatedAt: string;
  /** Sales (the four sale methods): the turnover. */
  sales: TotalLine;
  /** Always the four sale methods, in SALE_METHODS order, zero when unused. */
  byMethod: MethodLine[];
  byShop: GroupLine[];
  byTill: GroupLine[];
  byCashier: GroupLine[];
  /** Always 21, 12, 6 and 0 %, then any other rate found. Net and VAT are split per rate total. */
  byVatRate: VatLine[];
  /** Bancontact payments that did not succeed: counted, never totalled. */
  bancontactNotPaid: { cancelled: number; expired: number; refused: number; failed: number };
  wristbands: {
    /** Top-ups paid at a top-up profile (method `topup`). */
    topUps: TotalLine;
    /** Charges of automatic top-ups (method `agreement_topup`): wristband money too, not turnover. */
    automaticTopUps: TotalLine;
    /** Wristband debits at the bar (also in the turnover, as the `wristband` method). */
    spent: TotalLine;
    refunds: TotalLine;
    /** What all wristbands held at the end of this day (for an X of today: now). */
    outstandingCents: number;
  };
  cash: {
    /** Cash sales as priced, and what rounding to 5 cents added or took off in total. */
    sales: TotalLine;
    roundingCents: number;
    /** Drawers counted this day (and, in an X, the ones still open, with no count yet). */
    drawers: DrawerLine[];
    expectedCents: number;
    /** Sum of the counts; null when no drawer was counted. */
    countedCents: number | null;
    differenceCents: number | null;
  };
  /** 24 points, hour 0–23. */
  hourly: HourlyPoint[];
  /**
   * Refunds of sales made this day (docs/register-rules.md, "Refunds"), negative. Already inside
   * `sales`, `byMethod` and `byVatRate`, which are net of them; shown apart per method and VAT rate.
   * Absent from a Z frozen before sale refunds existed.
   */
  saleRefunds?: { total: TotalLine; byMethod: MethodLine[]; byVatRate: VatLine[] };
}

/** One line of `reports.listZ`. */
export interface ZListItem {
  number: number;
  businessDate: string;
  closedAt: string;
  sales: TotalLine;
}

export interface PeriodSummary {
  /** First and last business day of the period (inclusive). */
  from: string;
  to: string;
  /** Sales only (the four sale methods). */
  sales: TotalLine;
  /** Every method, top-ups and refunds included, in TRANSACTION_METHODS order. */
  byMethod: MethodLine[];
  /** Sales per shop. */
  byShop: GroupLine[];
}

/** The summary cards: today, this (ISO) week, this month and this year, plus today's hourly chart. */
export interface SummariesView {
  /** The current business day. */
  businessDate: string;
  today: PeriodSummary;
  week: PeriodSummary;
  month: PeriodSummary;
  year: PeriodSummary;
  hourlyToday: HourlyPoint[];
}

/** What `reports.rebuildTotals` did. */
export interface RebuildView {
  /** Raw bookings (payments ended, cash sales, debits, top-ups, refunds) read. */
  bookings: number;
  /** Transactions rows added for raw rows that had none (data from before the reports existed). */
  rowsAdded: number;
  /** Total rows whose values differed from the running ones before the rebuild; 0 when all agreed. */
  differences: number;
  tookMs: number;
}

/** A file the HTTP shell serves: GET `path` on the station's address. */
export interface DownloadView {
  /** `/downloads/reports/<fileName>`. */
  path: string;
  fileName: string;
  contentType: string;
  bytes: number;
  /** CSV only: the data rows written (the header not counted). */
  rows?: number;
}

export interface TillSetup {
  tillId: string;
  /** Overrides of the station's defaults for this till. */
  shopId?: string;
  vatRate?: number;
  cashierId?: string;
  /** This till's own sticker (a sticker till): its POS id, instead of the station's. */
  stickerPosId?: string;
}

/** Who sells, as printed on receipts, X and Z: empty strings for what is not filled in. */
export type BusinessIdentity = {
  name: string;
  /** One line, e.g. `Grote Markt 1, 1000 Brussel`. */
  address: string;
  website: string;
  /** `BE0123456749` (checked with its mod-97 digits), or empty. */
  vatNumber: string;
};

/** A shop: its id (kept on every sale) and what its receipts print; empty strings when not set. */
export type ShopSetup = BusinessIdentity & { id: string };

/** Shop, VAT and cash settings the reports attribute sales with. */
export interface SalesSetupView {
  /** The shops; the first one is the station's default shop. */
  shops: ShopSetup[];
  business: BusinessIdentity;
  /** The VAT rates and the days each applies; articles and tills use a rate in force (vatRatesInForce). */
  vatRates: VatRatePeriod[];
  /** 5: cash is rounded to 5 cents (Belgium); 1: no rounding. */
  cashRounding: 1 | 5;
  defaultVatRate: number;
  /** A sale with no signed-in person (an online top-up) goes to its till's cashier, else this one. */
  defaultCashierId: string;
  tills: TillSetup[];
  /**
   * Discounts on one sale (line and sale discounts together, in percent of the sale before discounts)
   * above this need a manager's or an administrator's session.
   */
  discountLimitPercent: number;
  /** A sale above this amount asks the cashier to confirm it first (a typo of 4500 for 45,00). */
  confirmAboveCents: number;
}
