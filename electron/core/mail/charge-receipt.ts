import { STATION_TIME_ZONE } from '../../../shared/domain/business-day';
import { formatMoney, type Locale } from '../../../shared/domain/money';
import type { PlanPeriod } from '../../../shared/domain/recurring-plans';
import { CHARGE_RECEIPT_TEXTS, type ChargeReceiptTexts } from './charge-receipt-texts';

/*
 * The receipt seed 004 requires for every charge: the merchant, when, how much (and its VAT), what for
 * and which charge it is, the method and both references, the next charge, and how to ask for a refund
 * or stop future charges. Plain text and HTML carry the same rows; everything in the HTML is escaped.
 */

export interface ChargeReceiptData {
  merchant: { name: string; address: string; vatNumber: string };
  /** The merchant's contact from the SMTP settings; at least one of the two is shown. */
  contact: { email: string; phone: string };
  consumerName: string;
  chargedAt: number;
  amountCents: number;
  /** Percent; null: no VAT line (an automatic top-up is prepaid money). */
  vatRate: number | null;
  description: string;
  /** 1 for the first charge (paid at the till). */
  chargeNumber: number;
  plan:
    | { kind: 'plan'; period: PlanPeriod; chargeCount: number | null }
    | { kind: 'auto_topup'; wristbandId: string; thresholdCents: number };
  pproChargeId: string | null;
  agreementRef: string;
  /** When the next charge falls due; null when none will (the plan's last, a revoked agreement, a top-up). */
  nextChargeAt: number | null;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

type Row = [label: string, value: string];

export function composeChargeReceipt(data: ChargeReceiptData, locale: Locale): ComposedMail {
  const t = CHARGE_RECEIPT_TEXTS[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const merchantName = data.merchant.name || '—';
  const rows = receiptRows(data, locale, t);
  const procedure = [
    `${t.refund} ${t.stop} ${t.contactBy(data.contact.email, data.contact.phone)}`,
    t.quote(data.agreementRef),
  ];
  const closing = data.nextChargeAt === null && data.plan.kind === 'plan' ? [t.noNextCharge] : [];
  const intro = [t.greeting(data.consumerName), t.intro(merchantName)];
  const width = Math.max(...rows.map(([label]) => label.length));
  const text = [
    ...intro,
    '',
    ...rows.map(([label, value]) => `${`${label}:`.padEnd(width + 2)}${value}`),
    ...closing,
    '',
    t.procedureTitle,
    ...procedure,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif">',
    ...intro.map((line) => `<p>${escapeHtml(line)}</p>`),
    '<table cellpadding="4">',
    ...rows.map(([l, v]) => `<tr><th align="left">${escapeHtml(l)}</th><td>${escapeHtml(v)}</td></tr>`),
    '</table>',
    ...closing.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<h3>${escapeHtml(t.procedureTitle)}</h3>`,
    ...procedure.map((line) => `<p>${escapeHtml(line)}</p>`),
    '</body></html>',
  ].join('\n');
  return { subject: t.subject(merchantName, money(data.amountCents)), text, html };
}

function receiptRows(data: ChargeReceiptData, locale: Locale, t: ChargeReceiptTexts): Row[] {
  const money = (cents: number) => formatMoney(cents, locale);
  const { merchant } = data;
  const rows: Row[] = [[t.merchant, [merchant.name, merchant.address].filter(Boolean).join(', ')]];
  if (merchant.vatNumber) rows.push([t.vatNumber, merchant.vatNumber]);
  rows.push([t.dateTime, brusselsDateTime(data.chargedAt, locale)], [t.amount, money(data.amountCents)]);
  if (data.vatRate !== null) {
    const netCents = Math.round((data.amountCents * 100) / (100 + data.vatRate));
    rows.push([t.vatLine(data.vatRate), money(data.amountCents - netCents)], [t.net, money(netCents)]);
  }
  rows.push(
    [t.description, data.description],
    [t.whichCharge, whichCharge(data, t, money)],
    [t.method, t.bancontact],
    [t.chargeRef, data.pproChargeId ?? t.pending],
    [t.agreementRef, data.agreementRef],
  );
  if (data.nextChargeAt !== null) rows.push([t.nextCharge, brusselsDateTime(data.nextChargeAt, locale)]);
  return rows;
}

function whichCharge(data: ChargeReceiptData, t: ChargeReceiptTexts, money: (c: number) => string): string {
  const { plan } = data;
  if (plan.kind === 'auto_topup')
    return t.topup(plan.wristbandId, money(plan.thresholdCents), money(data.amountCents));
  const period = t.periods[plan.period];
  return plan.chargeCount === null
    ? t.planOpen(data.chargeNumber, period)
    : t.planOf(data.chargeNumber, plan.chargeCount, period);
}

const INTL: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };

/** The charge's moment on the Brussels clock, whatever the station's own time zone. */
export function brusselsDateTime(at: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL[locale], {
    timeZone: STATION_TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
