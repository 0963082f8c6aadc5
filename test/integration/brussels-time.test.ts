// A machine set to New York: the screen's times and the PDFs' must still both be Brussels time. Set before
// anything formats a date (Node applies a change of TZ at once; the imports below format nothing on load).
process.env.TZ = 'America/New_York';

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatInstant } from '../../renderer/src/features/reports/format';
import { formatMoment } from '../../renderer/src/features/till/format-time';
import { formatClock } from '../../renderer/src/features/staff/lock-time';
import { reportSales } from '../support/report-sales';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';

let kassa: StationWithShell;
beforeEach(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
});
afterEach(async () => {
  await kassa.close();
});

async function pdfText(path: string): Promise<string> {
  const response = await fetch(kassa.shell.url + path);
  expect(response.status).toBe(200);
  const file = join(kassa.dataDir, 'check.pdf');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('times on a machine not set to Brussels time', () => {
  it('the Z report reads the same date and time on screen and in its PDF, both Brussels time', async () => {
    // The zone took: New York is 5 hours (winter) or 4 hours (summer) behind UTC.
    expect([240, 300]).toContain(new Date().getTimezoneOffset());
    await reportSales(kassa).paid(1250);
    const z = await kassa.must('reports.closeDay', {});
    const text = await pdfText((await kassa.must('reports.exportPdf', { kind: 'z', number: 1 })).path);
    const printed = /Closed at: (\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):\d{2}/.exec(text);
    expect(printed, text).not.toBeNull();
    const [, year, month, day, hour, minute] = printed ?? [];
    // en-BE's short style: day/month/two-digit year, 24-hour clock.
    expect(formatInstant(z.generatedAt, 'en')).toBe(`${day}/${month}/${year?.slice(2)}, ${hour}:${minute}`);
    // And it is Brussels, not New York: the machine's own clock reads another hour.
    expect(new Date(z.generatedAt).getHours()).not.toBe(Number(hour));
  });

  it('every screen formatter writes Brussels time: the till and audit moments, a lock’s end', () => {
    // 22:30 UTC on 3 December is 23:30 in Brussels, still the 3rd; 17:30 in New York.
    const at = Date.UTC(2026, 11, 3, 22, 30, 0);
    const iso = new Date(at).toISOString();
    expect(formatInstant(iso, 'en')).toBe('03/12/26, 23:30');
    expect(formatClock(at, 'nl')).toBe('23:30');
    expect(formatMoment(iso, 'en', { now: new Date(Date.UTC(2026, 11, 3, 8)) })).toBe('23:30');
    // 23:30 UTC is already the 4th in Brussels (the 3rd in New York): not the same day as 08:00 UTC on the 3rd.
    const late = new Date(Date.UTC(2026, 11, 3, 23, 30)).toISOString();
    expect(formatMoment(late, 'fr', { now: new Date(Date.UTC(2026, 11, 3, 8)) })).toBe('4/12/26 00:30');
  });
});
