import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Hono, MiddlewareHandler } from 'hono';
import type { FileDownload } from './station-port';

/**
 * `GET /downloads/audit/<file>`: a CSV that `audit.export` just wrote. The audit log names people and
 * devices, so the route is only reached through `guard` (the administer permission, checked from the
 * request's own session: `requirePermission(station, rules, 'administer')`). Streamed from disk; only
 * names the audit export folder hands out are found, never a path.
 */
export function registerAuditDownloads(
  app: Hono,
  find: (fileName: string) => FileDownload | null,
  guard: MiddlewareHandler,
): void {
  app.get('/downloads/audit/:file', guard, (c) => {
    const file = find(c.req.param('file'));
    if (!file) return c.json({ ok: false, error: { code: 'NOT_FOUND', message: 'No such export' } }, 404);
    c.header('Content-Type', file.contentType);
    c.header('Content-Length', String(file.bytes));
    c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    c.header('Cache-Control', 'no-store');
    return c.body(Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>);
  });
}
