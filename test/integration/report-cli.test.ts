import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_SECRETS_PLACE } from '../../electron/core/settings/site-secret-store';
import { formatDay, localTime } from '../../shared/domain/business-day';
import { testSiteFor } from '../support/postgres-site';
import { reportSales } from '../support/report-sales';
import { startTestStation } from '../support/station-in-process';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { REPO_ROOT, tempDir } from '../support/temp';

let kassa: StationWithShell;
const today = formatDay(localTime(Date.now()).day);

/** `npm run report -- …args`, run to its end beside the running station. */
function report(args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/report.ts'), ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The station's folder, and under integration-pg its site: the books the report reads. */
const books = (dataDir: string): string[] => {
  const site = testSiteFor(dataDir);
  return site ? ['--data', dataDir, '--database', site] : ['--data', dataDir];
};

const pdfText = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');

beforeAll(async () => {
  kassa = await startStationWithShell({ topupSweepIntervalMs: 3_600_000 });
  const sales = reportSales(kassa);
  await kassa.must('drawer.open', { tillId: 'till-1', floatCents: 5_000 });
  await sales.paid(1250);
  await sales.cancelled(990);
  await sales.cash(1002, 2000);
});
afterAll(async () => {
  await kassa.close();
});

describe('npm run report', () => {
  it('writes an X report as a PDF from the data folder of a running station', () => {
    const out = join(kassa.dataDir, 'x.pdf');
    const run = report(['x', '--date', today, ...books(kassa.dataDir), '--out', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`X report of ${today}, sales 2 for 2252 cents`);
    expect(pdfText(out)).toMatch(/Sales\s+2\s+€22\.52/);
  });

  it('writes the transactions of a date range as CSV, one line per transaction', () => {
    const out = join(kassa.dataDir, 'day.csv');
    const run = report(['csv', '--date', today, '--to', today, ...books(kassa.dataDir), '--out', out]);
    expect(run).toMatchObject({ code: 0 });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 3);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[2])
        .sort(),
    ).toEqual(['bancontact_display', 'bancontact_display', 'cash']);
  });

  it('reprints a Z report once the day is closed, and says so when it is not', async () => {
    const out = join(kassa.dataDir, 'z.pdf');
    const open = report(['z', '--date', today, ...books(kassa.dataDir), '--out', out]);
    expect(open).toMatchObject({ code: 1 });
    expect(open.stderr).toContain(`no Z report closes ${today}`);
    await kassa.must('drawer.close', { tillId: 'till-1', countedCents: 5_995 });
    await kassa.must('reports.closeDay', {});
    const run = report(['z', '--date', today, ...books(kassa.dataDir), '--out', out]);
    expect(run).toMatchObject({ code: 0 });
    expect(pdfText(out)).toMatch(new RegExp(`Z report 1 — ${today}`));
    expect(pdfText(out)).toMatch(/Difference\s+-€0\.05/);
  });

  it('refuses bad arguments with a clear message and the usage line', () => {
    const cases: [string[], string][] = [
      [['y', '--date', today, '--out', 'f'], 'say which report: x, z or csv'],
      [['x', '--date', '2026-02-30', '--out', 'f'], '--date must be a date written YYYY-MM-DD'],
      [
        ['csv', '--date', '2026-12-05', '--to', '2026-12-01', '--out', 'f'],
        'the end date is before the start date',
      ],
      [['x', '--date', today], '--out FILE'],
      [['x', '--date', today, '--out', 'f', '--colour', 'red'], "Unknown option '--colour'"],
    ];
    for (const [args, message] of cases) {
      const run = report([...args, '--data', kassa.dataDir]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('usage: npm run report -- x|z|csv');
    }
  });

  it('refuses a malformed --database with the usage line, never printing the address', () => {
    const cases: [string, string][] = [
      ['mysql://kassa:hunter2@db/kassa', '--database must be a postgres:// or postgresql:// address'],
      ['postgres://kassa:hunter2@db/Kassa-1', 'the PostgreSQL address must name a database of lower-case'],
    ];
    for (const [address, message] of cases) {
      const args = ['x', '--date', today, '--out', 'f', '--data', kassa.dataDir];
      const run = report([...args, '--database', address]);
      expect(run.code, address).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('usage: npm run report -- x|z|csv');
      expect(run.stderr, 'an address may carry a password').not.toContain('hunter2');
    }
  });
});

describe('npm run report and the station decide the mode by one rule', () => {
  it('refuses settings that say live without an API key, as the station does, instead of opening an empty live book', async () => {
    const folder = tempDir();
    try {
      const settings = { mode: 'live', environment: 'production', ppid: 'ab'.repeat(12) };
      writeFileSync(join(folder.dir, 'settings.json'), JSON.stringify(settings));
      const station = await startTestStation({ dataDir: folder.dir });
      const refusal = station.station.refusal();
      await station.close();
      expect(refusal?.problem).toBe('no-credentials');
      const run = report(['x', '--date', today, ...books(folder.dir), '--out', join(folder.dir, 'x.pdf')]);
      expect(run.code).toBe(1);
      // The key is looked for where the station keeps it (the folder, or on a site its database): the
      // same line, naming the same place.
      expect(run.stderr.trim()).toBe(refusal?.line);
      const place = testSiteFor(folder.dir) ? SITE_SECRETS_PLACE : join(folder.dir, 'secrets.json');
      expect(run.stderr).toContain(place);
      expect(existsSync(join(folder.dir, 'kassa.sqlite'))).toBe(false);
      expect(existsSync(join(folder.dir, 'x.pdf'))).toBe(false);
    } finally {
      folder.remove();
    }
  });
});
