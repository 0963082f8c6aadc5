import type { RefundService } from './refund-service';

export interface Download {
  fileName: string;
  contentType: string;
  body: string;
}

// Only names the station itself hands out: an export id is 24 hex characters, so no path can sneak in.
const EXPORT_FILE = /^refunds-([0-9a-f]{24})\.(xml|csv)$/;

/** A refund export's SEPA file or CSV, by the name `refunds.export` answered with. */
export async function exportDownload(refunds: RefundService, fileName: string): Promise<Download | null> {
  const match = EXPORT_FILE.exec(fileName);
  if (!match) return null;
  const [, exportId = '', kind = ''] = match;
  const format = kind === 'xml' ? 'xml' : 'csv';
  const body = await refunds.download(exportId, format);
  if (body === null) return null;
  const contentType = format === 'xml' ? 'application/xml; charset=utf-8' : 'text/csv; charset=utf-8';
  return { fileName, contentType, body };
}
