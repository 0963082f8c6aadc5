import type { VatSummary } from '../domain/basket';

/*
 * A receipt as every renderer sees it: the till's screen, the PDF and the ESC/POS printer all draw
 * this one view, so they cannot disagree. The station builds it from what it stored when the sale
 * finished (sale_lines, sale_vat, the tenders, the receipt number); nothing on it is recomputed.
 */

export interface ReceiptParty {
  name: string;
  address: string;
  website: string;
  vatNumber: string;
}

export interface ReceiptLineView {
  name: string;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  /** quantity × unit price. */
  listCents: number;
  lineDiscountCents: number;
  saleDiscountCents: number;
  grossCents: number;
  note: string | null;
}

export interface ReceiptTenderView {
  method: 'bancontact' | 'wristband' | 'cash' | 'agreement';
  /** What this tender took (for cash: what was due after rounding). */
  amountCents: number;
  /** Bancontact's payment id. */
  bancontactId: string | null;
  wristbandId: string | null;
  /** Cash only: handed over, given back, and what rounding to 5 cents added or took off. */
  tenderedCents: number | null;
  changeCents: number | null;
  roundingCents: number | null;
}

export interface ReceiptView {
  id: string;
  kind: 'sale' | 'refund';
  /** Gapless per till. */
  number: number;
  tillId: string;
  tillName: string;
  cashierName: string | null;
  /** Epoch ms; every renderer shows it in Europe/Brussels time, whatever the machine's zone. */
  at: number;
  business: ReceiptParty;
  shop: ReceiptParty & { id: string };
  lines: ReceiptLineView[];
  listCents: number;
  discountCents: number;
  grossCents: number;
  netCents: number;
  vatCents: number;
  byRate: VatSummary[];
  tenders: ReceiptTenderView[];
  changeCents: number;
  note: string | null;
  saleId: string;
  /** The receipt language: the till's. */
  locale: 'nl' | 'fr' | 'en';
  /** Training mode: every renderer marks it as not a real receipt. */
  training: boolean;
  /** Whether a logo is set; renderers fetch the image itself from the logo store. */
  hasLogo: boolean;
}
