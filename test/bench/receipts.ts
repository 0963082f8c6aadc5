import { performance } from 'node:perf_hooks';
import { renderEscPos } from '../../electron/core/receipts/escpos-receipt';
import { renderReceiptPdf } from '../../electron/core/receipts/pdf-receipt';
import { sampleReceipt } from '../support/receipt-sample';

/** The figure: 1,000 receipts rendered to ESC/POS bytes (58 and 80 mm) and to PDF, per receipt. */
export async function benchReceipts(count = 1_000): Promise<void> {
  const views = Array.from({ length: count }, (_, i) => sampleReceipt({ number: i + 1 }));
  const escpos: number[] = [];
  const pdf: number[] = [];
  for (const [i, view] of views.entries()) {
    const started = performance.now();
    renderEscPos(view, { paperMm: i % 2 === 0 ? 58 : 80, codePage: 'cp858' });
    escpos.push(performance.now() - started);
  }
  for (const view of views) {
    const started = performance.now();
    await renderReceiptPdf(view);
    pdf.push(performance.now() - started);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / 1000;
  console.log(`\nReceipts: ${count} rendered (3 lines, 3 VAT rates, 2 tenders)`);
  console.log(
    `  ESC/POS bytes: median ${median(escpos).toFixed(2)} ms a receipt, ${total(escpos).toFixed(1)} s in all`,
  );
  console.log(
    `  PDF (80 mm):   median ${median(pdf).toFixed(2)} ms a receipt, ${total(pdf).toFixed(1)} s in all`,
  );
}
