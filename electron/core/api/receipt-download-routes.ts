import type { Context, Hono } from 'hono';
import { ContractFailure } from '../../../shared/contract';
import { attachmentHeader } from './attachment-header';
import type { StationPort } from './station-port';

/** What the station's refusals mean here: no such receipt, or no mode running right now. */
const STATUS = { NOT_FOUND: 404, STATION_REFUSED: 503 } as const;

/**
 * `GET /downloads/receipts/<saleId>.pdf`: a finished sale's receipt as an 80 mm PDF, drawn when asked
 * from what the books stored (nothing is written to disk). Only an id's characters are taken from the
 * URL; the permission (`sell`, as `receipts.exportPdf`) is checked before this route by the shell.
 */
export function registerReceiptDownloads(app: Hono, station: StationPort): void {
  app.get('/downloads/receipts/:file{[A-Za-z0-9_-]{1,64}\\.pdf}', async (c) => {
    const saleId = c.req.param('file').slice(0, -'.pdf'.length);
    try {
      const pdf = await station.receiptPdf(saleId);
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Length', String(pdf.bytes.length));
      c.header('Content-Disposition', attachmentHeader(pdf.fileName));
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(pdf.bytes));
    } catch (error) {
      return refused(c, error);
    }
  });
}

function refused(c: Context, error: unknown): Response {
  if (!(error instanceof ContractFailure) || !(error.code in STATUS)) throw error;
  const status = STATUS[error.code as keyof typeof STATUS];
  return c.json({ ok: false, error: { code: error.code, message: error.message } }, status);
}
