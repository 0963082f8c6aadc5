import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { ReportView } from '../../shared/contract';
import { pdfText } from './pdf-codes';
import { tempDir } from './temp';

/*
 * What the register's Done-when e2e (test/e2e/register-done-when.spec.ts) reads: the receipts as a
 * customer does, on paper (ESC/POS decoded) and in the PDF (pdftotext), and a report's totals.
 */

/** The receipt of the first sale, as the paper (or the PDF) shows it. */
export function expectFirstReceipt(text: string): void {
  const line = (pattern: string) => expect(text).toMatch(new RegExp(`^\\s*${pattern}$`, 'm'));
  line('Crème brûlée\\s+€4\\.50');
  line('Pils\\s+€7\\.00');
  line('2 x €3\\.50');
  line('Croque-monsieur\\s+€8\\.00');
  line('Discount\\s+-€1\\.95');
  line('TOTAL\\s+€17\\.55');
  line('Rate\\s+Net\\s+VAT\\s+Gross');
  line('21 ?%\\s+5,21\\s+1,09\\s+6,30');
  line('12 ?%\\s+6,43\\s+0,77\\s+7,20');
  line('6 ?%\\s+3,82\\s+0,23\\s+4,05');
  line('Wristband\\s+€10\\.00');
  line('Bancontact\\s+€7\\.55');
}

/** Every line fits the paper, and the rules run its whole width. */
export function expectColumns(lines: string[], columns: number): void {
  expect(Math.max(...lines.map((l) => l.length))).toBe(columns);
  expect(lines).toContain('-'.repeat(columns));
}

/** The number a receipt or a refund receipt prints at its top. */
export const receiptNumber = (text: string) => Number(/^(?:Receipt|Refund) (\d+)\s/m.exec(text)?.[1]);

/** The refund of the Croque-monsieur line (€7.20 after the sale's discount), at 48 columns. */
export function expectRefundReceipt(lines: string[]): void {
  const text = lines.join('\n');
  expect(text).toMatch(/^Refund 3\s/m);
  // The line's own amount is left open: the paper shows its list price with no discount line yet.
  expect(text).toMatch(/^Croque-monsieur\s+-€\d+\.\d\d$/m);
  expect(text).toMatch(/^TOTAL\s+-€7\.20$/m);
  expect(text).toMatch(/^12 %\s+-6,43\s+-0,77\s+-7,20$/m);
  expect(text).toMatch(/^Bancontact\s+-€7\.20$/m);
  expectColumns(lines, 48);
}

/** The receipt's PDF from its route, as pdftotext reads it. */
export async function receiptPdf(page: Page, base: string, saleId: string): Promise<string> {
  const response = await page.request.get(`${base}/downloads/receipts/${saleId}.pdf`);
  expect(response.headers()['content-type']).toContain('application/pdf');
  const folder = tempDir('kassa-receipt-pdf-');
  try {
    writeFileSync(join(folder.dir, 'receipt.pdf'), await response.body());
    return pdfText(join(folder.dir, 'receipt.pdf'));
  } finally {
    folder.remove();
  }
}

/** Every total of a report is the sum of its lines, refunds included. */
export function expectTotalsAreTheSumOfLines(report: ReportView): void {
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  expect(sum(report.byMethod.map((m) => m.cents))).toBe(report.sales.cents);
  expect(sum(report.byVatRate.map((v) => v.grossCents))).toBe(report.sales.cents);
  expect(sum(report.byVatRate.map((v) => v.netCents + v.vatCents))).toBe(report.sales.cents);
  const refunds = report.saleRefunds!;
  expect(sum(refunds.byMethod.map((m) => m.cents))).toBe(refunds.total.cents);
  expect(sum(refunds.byVatRate.map((v) => v.grossCents))).toBe(refunds.total.cents);
}
