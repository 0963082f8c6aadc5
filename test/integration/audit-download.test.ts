import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAuditDownloads } from '../../electron/core/api/audit-download-routes';
import { stationWindowCaller } from '../../electron/core/api/dispatcher';
import { AuditExportFolder } from '../../electron/core/audit/audit-export-folder';
import { createAuditHandlers } from '../../electron/core/audit/audit-handlers';
import { auditFixture, entry, type AuditFixture } from '../unit/audit-fixture';

let f: AuditFixture;
let server: Server;
let base: string;
let folder: AuditExportFolder;

beforeEach(async () => {
  f = auditFixture();
  folder = new AuditExportFolder(join(f.dir, 'exports'));
  const app = new Hono();
  // Stands in for requirePermission(…, 'administer'): the route must not be reachable around it.
  registerAuditDownloads(
    app,
    (name) => folder.find(name),
    async (c, next) => {
      if (c.req.header('x-test-role') !== 'administrator') return c.json({ ok: false }, 403);
      await next();
    },
  );
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await f.close();
});

describe('GET /downloads/audit/<file>', () => {
  it('serves the CSV audit.export answered, to an administrator only', async () => {
    await f.log.record(entry({ subject: 'Z 3' }));
    const handlers = createAuditHandlers(f.log, { exports: folder, locale: () => 'fr' });
    const view = await handlers['audit.export']({}, stationWindowCaller('local-http'));
    const asAdmin = await fetch(base + view.path, { headers: { 'x-test-role': 'administrator' } });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(asAdmin.headers.get('content-disposition')).toBe(`attachment; filename="${view.fileName}"`);
    const text = await asAdmin.text();
    expect(text.split('\r\n')[1]).toMatch(/^1;.*;Z 3;/);
    expect(Buffer.byteLength('\ufeff' + text)).toBe(view.bytes);
    expect((await fetch(base + view.path)).status).toBe(403);
  });

  it('finds no file by a name it did not hand out', async () => {
    const headers = { 'x-test-role': 'administrator' };
    expect((await fetch(`${base}/downloads/audit/audit-all-0000000000000000.csv`, { headers })).status).toBe(
      404,
    );
    expect((await fetch(`${base}/downloads/audit/..%2Fstation.sqlite`, { headers })).status).toBe(404);
  });
});
