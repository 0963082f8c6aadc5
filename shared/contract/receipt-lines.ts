import { formatLocalDateTime } from '../domain/business-day';
import { formatMoney } from '../domain/money';
import type { ReceiptLineView, ReceiptTenderView, ReceiptView } from './receipt-views';
import { RECEIPT_TEXTS, type ReceiptTexts } from './receipt-texts';

/*
 * A receipt as rows, before any width is known: the paper (ESC/POS at 32 or 48 columns), the PDF and
 * the preview on screen each draw exactly these rows, so what the customer holds and what the till
 * shows cannot differ. A renderer only decides how a row looks (size, wrapping, alignment).
 */

export type ReceiptRow =
  | { kind: 'logo' }
  | { kind: 'title'; text: string }
  | { kind: 'center'; text: string }
  | { kind: 'mark'; text: string }
  | { kind: 'pair'; left: string; right: string; strong?: boolean }
  | { kind: 'detail'; text: string }
  | { kind: 'table'; cells: [string, string, string, string]; header?: boolean }
  | { kind: 'rule' };

export interface ReceiptRowOptions {
  /** 0 for the original, n for the n-th reprint (marked as a copy). */
  copy?: number;
}

/** Spaces Intl puts in French amounts that a printer's code page has no character for. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007\u2009]/g, ' ');
}

export function receiptRows(view: ReceiptView, options: ReceiptRowOptions = {}): ReceiptRow[] {
  const t = RECEIPT_TEXTS[view.locale];
  const money = (cents: number) => plainSpaces(formatMoney(cents, view.locale));
  const rows: ReceiptRow[] = [
    ...header(view, t, options),
    ...view.lines.flatMap((line) => lineRows(line, t, money)),
    { kind: 'rule' },
    ...totals(view, t, money),
    ...vatTable(view, t),
    { kind: 'rule' },
    ...view.tenders.flatMap((tender) => tenderRows(tender, t, money)),
  ];
  if (view.changeCents > 0) rows.push({ kind: 'pair', left: t.change, right: money(view.changeCents) });
  if (view.note) rows.push({ kind: 'detail', text: `${t.note}: ${view.note}` });
  rows.push({ kind: 'rule' }, { kind: 'center', text: t.thanks });
  if (view.training) rows.push({ kind: 'mark', text: t.training });
  return rows;
}

function header(view: ReceiptView, t: ReceiptTexts, options: ReceiptRowOptions): ReceiptRow[] {
  const rows: ReceiptRow[] = view.hasLogo ? [{ kind: 'logo' }] : [];
  if (view.training) rows.push({ kind: 'mark', text: t.training });
  const { business, shop } = view;
  if (business.name) rows.push({ kind: 'title', text: business.name });
  for (const text of [business.address, business.website]) if (text) rows.push({ kind: 'center', text });
  if (business.vatNumber) rows.push({ kind: 'center', text: `${t.vatNumber} ${business.vatNumber}` });
  for (const text of [shop.name, shop.address]) if (text) rows.push({ kind: 'center', text });
  if (shop.vatNumber && shop.vatNumber !== business.vatNumber)
    rows.push({ kind: 'center', text: `${t.vatNumber} ${shop.vatNumber}` });
  rows.push({ kind: 'rule' });
  const title = view.kind === 'refund' ? t.refundReceipt : t.receipt;
  rows.push({
    kind: 'pair',
    left: `${title} ${view.number}`,
    right: formatLocalDateTime(view.at).slice(0, 16),
  });
  if (options.copy) rows.push({ kind: 'mark', text: `${t.copy} ${options.copy}` });
  const who = [`${t.till}: ${view.tillName}`];
  if (view.cashierName) who.push(`${t.cashier}: ${view.cashierName}`);
  rows.push({ kind: 'detail', text: who.join(' · ') }, { kind: 'rule' });
  return rows;
}

function lineRows(line: ReceiptLineView, t: ReceiptTexts, money: (c: number) => string): ReceiptRow[] {
  const rows: ReceiptRow[] = [{ kind: 'pair', left: line.name, right: money(line.listCents) }];
  if (line.quantity !== 1)
    rows.push({ kind: 'detail', text: `${line.quantity} x ${money(line.unitPriceCents)}` });
  // A refund line carries its discount negative (refund-receipt.ts): shown too, as what was not paid.
  if (line.lineDiscountCents !== 0)
    rows.push({ kind: 'pair', left: `  ${t.lineDiscount}`, right: money(-line.lineDiscountCents) });
  if (line.note) rows.push({ kind: 'detail', text: line.note });
  return rows;
}

function totals(view: ReceiptView, t: ReceiptTexts, money: (c: number) => string): ReceiptRow[] {
  const lineDiscounts = view.lines.reduce((sum, line) => sum + line.lineDiscountCents, 0);
  const saleDiscount = view.discountCents - lineDiscounts;
  const rows: ReceiptRow[] = [];
  if (saleDiscount > 0) {
    rows.push({ kind: 'pair', left: t.subtotal, right: money(view.listCents - lineDiscounts) });
    rows.push({ kind: 'pair', left: t.discount, right: money(-saleDiscount) });
  }
  rows.push({ kind: 'pair', left: t.total, right: money(view.grossCents), strong: true });
  return rows;
}

function vatTable(view: ReceiptView, t: ReceiptTexts): ReceiptRow[] {
  const amount = (cents: number) =>
    plainSpaces(
      new Intl.NumberFormat(`${view.locale}-BE`, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(cents / 100),
    );
  return [
    { kind: 'table', cells: t.vatHeader, header: true },
    ...view.byRate.map((v): ReceiptRow => ({
      kind: 'table',
      cells: [`${v.ratePercent} %`, amount(v.netCents), amount(v.vatCents), amount(v.grossCents)],
    })),
  ];
}

/** A payment's or wristband's id is 24 characters or more: a short label keeps it on one line of 58 mm. */
function tenderRows(tender: ReceiptTenderView, t: ReceiptTexts, money: (c: number) => string): ReceiptRow[] {
  const rows: ReceiptRow[] = [
    { kind: 'pair', left: t.tenders[tender.method], right: money(tender.amountCents) },
  ];
  if (tender.bancontactId) rows.push({ kind: 'detail', text: `ID ${tender.bancontactId}` });
  if (tender.wristbandId) rows.push({ kind: 'detail', text: `ID ${tender.wristbandId}` });
  if (tender.tenderedCents !== null)
    rows.push({ kind: 'pair', left: `  ${t.tendered}`, right: money(tender.tenderedCents) });
  if (tender.roundingCents)
    rows.push({ kind: 'pair', left: `  ${t.rounding}`, right: money(tender.roundingCents) });
  return rows;
}
