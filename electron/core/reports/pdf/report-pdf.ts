import type { GroupLine, ReportView, TotalLine } from '../../../../shared/contract/report-views';
import { formatLocalDateTime } from '../../../../shared/domain/business-day';
import { formatMoney, type Locale } from '../../../../shared/domain/money';
import { drawHourlyChart } from './hourly-chart';
import { drawLetterhead, type Letterhead } from './letterhead';
import { PageWriter, A4, MARGIN } from './page-writer';
import { PDF_LABELS, type PdfLabels } from './pdf-labels';

const COUNT_END = A4.width - MARGIN - 110;
const AMOUNT_END = A4.width - MARGIN;
const VAT_COLUMNS = [A4.width - MARGIN - 240, A4.width - MARGIN - 120, A4.width - MARGIN];

/**
 * An X or Z report as an A4 PDF in the station's language, with the hourly chart; under the
 * business's letterhead (name, address, VAT number, logo) when one is given.
 */
export async function renderReportPdf(
  report: ReportView,
  locale: Locale,
  letterhead?: Letterhead,
): Promise<Uint8Array> {
  const t = PDF_LABELS[locale];
  const money = (cents: number) => formatMoney(cents, locale);
  const title = report.kind === 'z' ? `${t.zTitle} ${report.number ?? ''}`.trim() : t.xTitle;
  const w = await PageWriter.create(`${title} ${report.businessDate}`);
  if (letterhead) await drawLetterhead(w, letterhead);
  w.title(`${title} — ${report.businessDate}`);
  w.note(
    `${report.kind === 'z' ? t.closed : t.generated}: ${formatLocalDateTime(Date.parse(report.generatedAt))}`,
  );
  const line = (label: string, total: TotalLine) =>
    w.row(label, [String(total.count), money(total.cents)], [COUNT_END, AMOUNT_END]);
  w.heading(t.sales);
  line(t.sales, report.sales);
  w.heading(t.byMethod);
  for (const m of report.byMethod) line(t.methods[m.method] ?? m.method, m);
  w.heading(t.byVat);
  w.row(t.vatHeader[0], t.vatHeader.slice(1), VAT_COLUMNS, true);
  for (const v of report.byVatRate)
    w.row(`${v.ratePercent} %`, [money(v.grossCents), money(v.netCents), money(v.vatCents)], VAT_COLUMNS);
  saleRefunds(w, t, report, line, money);
  groups(w, t.byShop, report.byShop, line);
  groups(w, t.byTill, report.byTill, line);
  // A person's id is a random string that means nothing on paper: their name alone when known.
  groups(w, t.byCashier, report.byCashier, line, false);
  notPaid(w, t, report);
  wristbands(w, t, report, line, money);
  cash(w, t, report, line, money);
  // The heading stays on the page of its chart.
  w.ensure(200);
  w.heading(t.hourly);
  drawHourlyChart(w, report.hourly, money);
  return w.save();
}

function groups(
  w: PageWriter,
  heading: string,
  lines: GroupLine[],
  line: (label: string, t: TotalLine) => void,
  idBesideName = true,
): void {
  if (lines.length === 0) return;
  w.heading(heading);
  for (const g of lines) line(g.name ? (idBesideName ? `${g.name} (${g.id})` : g.name) : g.id, g);
}

/** The day's sale refunds, negative, when there were any: the tables above are already net of them. */
function saleRefunds(
  w: PageWriter,
  t: PdfLabels,
  report: ReportView,
  line: (label: string, total: TotalLine) => void,
  money: (cents: number) => string,
): void {
  const refunds = report.saleRefunds;
  if (!refunds || refunds.total.count === 0) return;
  w.heading(t.saleRefundsByMethod);
  for (const m of refunds.byMethod) if (m.count !== 0) line(t.methods[m.method] ?? m.method, m);
  w.heading(t.saleRefundsByVat);
  w.row(t.vatHeader[0], t.vatHeader.slice(1), VAT_COLUMNS, true);
  for (const v of refunds.byVatRate)
    w.row(`${v.ratePercent} %`, [money(v.grossCents), money(v.netCents), money(v.vatCents)], VAT_COLUMNS);
}

function notPaid(w: PageWriter, t: PdfLabels, report: ReportView): void {
  w.heading(t.notPaid);
  const n = report.bancontactNotPaid;
  for (const [label, count] of [
    [t.cancelled, n.cancelled],
    [t.expired, n.expired],
    [t.refused, n.refused],
    [t.failed, n.failed],
  ] as const) {
    w.row(label, [String(count)], [COUNT_END]);
  }
}

function wristbands(
  w: PageWriter,
  t: PdfLabels,
  report: ReportView,
  line: (label: string, total: TotalLine) => void,
  money: (cents: number) => string,
): void {
  w.heading(t.wristbands);
  line(t.topUps, report.wristbands.topUps);
  line(t.automaticTopUps, report.wristbands.automaticTopUps);
  line(t.spent, report.wristbands.spent);
  line(t.refunds, report.wristbands.refunds);
  w.row(t.outstanding, [money(report.wristbands.outstandingCents)]);
}

function cash(
  w: PageWriter,
  t: PdfLabels,
  report: ReportView,
  line: (label: string, total: TotalLine) => void,
  money: (cents: number) => string,
): void {
  const c = report.cash;
  w.heading(t.cash);
  line(t.cashSales, c.sales);
  w.row(t.rounding, [money(c.roundingCents)]);
  for (const d of c.drawers) {
    const counted = d.countedCents === null ? t.notCounted : money(d.countedCents);
    w.row(`${t.drawer} ${d.tillId}`, [money(d.expectedCents), counted], [COUNT_END, AMOUNT_END], true);
  }
  w.row(t.expected, [money(c.expectedCents)]);
  w.row(t.counted, [c.countedCents === null ? t.notCounted : money(c.countedCents)]);
  w.row(t.difference, [c.differenceCents === null ? '—' : money(c.differenceCents)]);
}
