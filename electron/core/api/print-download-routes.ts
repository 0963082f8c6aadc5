import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { attachmentHeader } from './attachment-header';
import type { StationPort } from './station-port';

/**
 * `GET /downloads/<jobId>.pdf`: a wristband batch PDF, once its print job is done. Only a job id
 * (24 hex digits) is taken from the URL, never a path; the file is streamed, as 100 000 codes make
 * some 60 MB.
 */
export function registerPrintDownloads(app: Hono, station: StationPort): void {
  app.get('/downloads/:file{[0-9a-f]{24}\\.pdf}', (c) => {
    const jobId = c.req.param('file').slice(0, 24);
    const file = station.printFile(jobId);
    if (!file)
      return c.json(
        { ok: false, error: { code: 'NOT_FOUND', message: 'No finished print job with this id' } },
        404,
      );
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Length', String(statSync(file.path).size));
    c.header('Content-Disposition', attachmentHeader(file.fileName));
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>);
  });
}
