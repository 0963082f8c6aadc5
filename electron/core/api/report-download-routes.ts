import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import type { StationPort } from './station-port';

/**
 * `GET /downloads/reports/<file>`: a CSV or PDF that `reports.exportCsv` or `reports.exportPdf` just
 * wrote. Streamed from disk, so a million-row CSV never sits in memory; only names the export folder
 * hands out are found, never a path.
 */
export function registerReportDownloads(app: Hono, station: StationPort): void {
  app.get('/downloads/reports/:file', (c) => {
    const file = station.reportFile(c.req.param('file'));
    if (!file) return c.json({ ok: false, error: { code: 'NOT_FOUND', message: 'No such export' } }, 404);
    c.header('Content-Type', file.contentType);
    c.header('Content-Length', String(file.bytes));
    c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>);
  });
}
