import type { Hono } from 'hono';
import type { StationPort } from './station-port';

/**
 * `GET /downloads/refunds-<exportId>.xml|csv`: a refund export's SEPA file and CSV, read from the
 * database by export id. Only names of that exact shape reach the station, never a file path.
 */
export function registerRefundDownloads(app: Hono, station: StationPort): void {
  app.get('/downloads/:file{refunds-[0-9a-f]+\\.(?:xml|csv)}', async (c) => {
    const download = await station.download(c.req.param('file'));
    if (!download) return c.json({ ok: false, error: { code: 'NOT_FOUND', message: 'No such export' } }, 404);
    c.header('Content-Type', download.contentType);
    c.header('Content-Disposition', `attachment; filename="${download.fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(download.body);
  });
}
