import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditDownloadView, AuditPageView, AuditVerifyView } from '../../shared/contract';
import type { Locale } from '../../shared/domain/money';
import {
  createDispatcher,
  stationWindowCaller,
  type Dispatch,
  type Handlers,
} from '../../electron/core/api/dispatcher';
import { AuditExportFolder } from '../../electron/core/audit/audit-export-folder';
import { createAuditHandlers } from '../../electron/core/audit/audit-handlers';
import { silentLogger } from '../../electron/core/logging/logger';
import { auditFixture, entry, type AuditFixture } from './audit-fixture';

let f: AuditFixture;
let dispatch: Dispatch;
let locale: Locale;
let folder: AuditExportFolder;
const admin = stationWindowCaller('local-http');

// 22:30 UTC is 23:30 in Brussels (still the 2nd); 23:30 UTC is 00:30 on the 3rd in Brussels, though
// still the 2nd in UTC: the day filters must follow Brussels.
const LATE_ON_THE_2ND = Date.UTC(2026, 11, 2, 22, 30);
const EARLY_ON_THE_3RD = Date.UTC(2026, 11, 2, 23, 30);

beforeEach(async () => {
  f = auditFixture();
  locale = 'nl';
  folder = new AuditExportFolder(join(f.dir, 'exports'));
  const handlers = createAuditHandlers(f.log, { exports: folder, locale: () => locale });
  dispatch = createDispatcher(handlers as unknown as Handlers, silentLogger);
  f.clock.ms = LATE_ON_THE_2ND;
  await f.log.record(entry({ action: 'reports.closeDay', subject: 'Z 1', detail: { note: 'a;b "c"' } }));
  f.clock.ms = EARLY_ON_THE_3RD;
  await f.log.record(
    entry({ action: 'drawer.open', subject: 'till-1', staff: { id: 'staff-x', name: '=HYPERLINK("x")' } }),
  );
});
afterEach(() => f.close());

async function must<T>(method: string, input: unknown): Promise<T> {
  const answer = await dispatch(method, input, admin);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}

describe('audit.* methods', () => {
  it('audit.list filters by Brussels days and answers views newest first', async () => {
    const all = await must<AuditPageView>('audit.list', {});
    expect(all.entries.map((e) => e.seq)).toEqual([2, 1]);
    expect(all.entries[1]).toMatchObject({
      at: new Date(LATE_ON_THE_2ND).toISOString(),
      staff: { id: 'staff-an', name: 'An' },
      device: { id: 'device-till-2', name: 'Till 2' },
      detail: { note: 'a;b "c"' },
    });
    const third = await must<AuditPageView>('audit.list', { from: '2026-12-03', to: '2026-12-03' });
    expect(third.entries.map((e) => e.seq)).toEqual([2]);
    const second = await must<AuditPageView>('audit.list', { to: '2026-12-02' });
    expect(second.entries.map((e) => e.seq)).toEqual([1]);
  });

  it('refuses a range that ends before it starts, and a malformed action', async () => {
    expect(await dispatch('audit.list', { from: '2026-12-03', to: '2026-12-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['to'] },
    });
    expect(await dispatch('audit.list', { action: "x' OR 1=1" }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: ['action'] },
    });
  });

  it('audit.verify answers the whole chain', async () => {
    expect(await must<AuditVerifyView>('audit.verify', {})).toMatchObject({
      ok: true,
      checked: 2,
      firstBrokenSeq: null,
      reason: null,
    });
  });

  it('audit.export writes a CSV with a BOM, ; in nl, oldest first, formulas kept as text', async () => {
    const file = await must<AuditDownloadView>('audit.export', {});
    expect(file).toMatchObject({ rows: 2, contentType: 'text/csv; charset=utf-8' });
    expect(file.path).toBe(`/downloads/audit/${file.fileName}`);
    const found = folder.find(file.fileName);
    expect(found?.bytes).toBe(file.bytes);
    const text = readFileSync(found!.path, 'utf8');
    expect(text.startsWith('\ufeffseq;local_time;at_utc;mode;action')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^1;2026-12-02 23:30:00;2026-12-02T22:30:00.000Z;training;reports.closeDay;ok;/);
    expect(lines[1]).toContain(';"{""note"":""a;b \\""c\\""""}";');
    expect(lines[2]).toContain(`;"'=HYPERLINK(""x"")";`);
  });

  it('audit.export uses , in English and honours a filter', async () => {
    locale = 'en';
    const file = await must<AuditDownloadView>('audit.export', { action: 'drawer.*' });
    const lines = readFileSync(folder.find(file.fileName)!.path, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2,2026-12-03 00:30:00,/);
  });

  it('hands out no file by a name it did not make', async () => {
    expect(folder.find('../station.sqlite')).toBeNull();
    expect(folder.find('transactions-all-0123456789ab.csv')).toBeNull();
  });

  it('lists the actions for the filter', async () => {
    expect(await must<string[]>('audit.listActions', {})).toEqual(['drawer.open', 'reports.closeDay']);
  });
});
