import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY_SECRET } from '../../electron/core/settings/settings-service';
import { SITE_SECRETS_PLACE } from '../../electron/core/settings/site-secret-store';
import { TRAINING_TOPUP_FIXED_PROFILE, TRAINING_TOPUP_PROFILE } from '../../electron/core/simulator';
import { wristbandIdFromData } from '../../shared/domain/wristband-id';
import { pageCodes, pdfText } from '../support/pdf-codes';
import { queryBooks, testSiteFor } from '../support/postgres-site';
import { startTestStation } from '../support/station-in-process';
import { writeStationSecret } from '../support/station-secrets';
import { REPO_ROOT, tempDir } from '../support/temp';

let folder: ReturnType<typeof tempDir>;
beforeEach(() => (folder = tempDir()));
afterEach(() => folder.remove());

/** `npm run topup -- …args`, run to its end. */
function topup(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'electron/cli/topup.ts'), ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, KASSA_DATA_DIR: '', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const data = (): string => join(folder.dir, 'data');
/** The data folder, and under integration-pg its site: where the station keeps the books. */
const books = (): string[] => {
  const site = testSiteFor(data());
  return site ? ['--data', data(), '--database', site] : ['--data', data()];
};
/** The profiles of the batches in a mode's books: its SQLite file, or its database on the site. */
function batchProfiles(mode: 'training' | 'preprod'): string[] {
  const site = testSiteFor(data());
  const sql = 'SELECT profile_id FROM topup_batches';
  if (site) return queryBooks<{ profile_id: string }>(site, mode, sql, []).map((row) => row.profile_id);
  const file = join(data(), `${mode}.sqlite`);
  if (!existsSync(file)) return [];
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().all() as string[];
  } finally {
    db.close();
  }
}
const batchArgs = (out: string, extra: string[] = []): string[] => [
  'batch',
  ...['--count', '30', '--mode', 'fixed', '--amount', '2000', '--description', 'Dour top-up'],
  ...['--layout', 'a4', '--out', out, '--event', 'Dour 2026', '--locale', 'nl', ...extra],
];

describe('npm run topup -- batch', () => {
  it('prints a batch in training mode with the one fixed profile, into the station’s own database', async () => {
    const out = join(folder.dir, 'dour.pdf');
    const run = await topup([...batchArgs(out), ...books()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(out);
    expect(run.stderr).toMatch(/^Batch [0-9a-f]{24} \(training mode\): 30 wristbands /m);
    expect(run.stderr).toMatch(/^\d+\/30 codes, \d+ codes\/s/m);
    // zbar now and then reports one symbol twice on a full sheet: count the distinct codes.
    const codes = [...new Set(await pageCodes(out, 1))];
    expect(codes).toHaveLength(24);
    for (const code of codes)
      expect(code).toMatch(
        new RegExp(
          `^https://pay\\.bancontact\\.net/t/1/${TRAINING_TOPUP_FIXED_PROFILE.ppid}\\?D=Dour%20top-up&A=2000&R=`,
        ),
      );
    expect(pdfText(out)).toContain('€ 20,00');
    const kassa = await startTestStation({ dataDir: data(), simulatorUrl: 'http://127.0.0.1:9' });
    try {
      const [batch] = await kassa.must('topup.listBatches', {});
      expect(batch).toMatchObject({
        count: 30,
        eventName: 'Dour 2026',
        profileId: TRAINING_TOPUP_FIXED_PROFILE.ppid,
      });
      expect(codes.map((code) => code.split('R=')[1])).toContain(batch?.firstWristbandId);
    } finally {
      await kassa.close();
    }
  });

  it('uses KASSA_DATA_DIR (and KASSA_DATABASE) when --data (and --database) are not given', async () => {
    const site = testSiteFor(data());
    const run = await topup(batchArgs(join(folder.dir, 'x.pdf'), ['--layout', 'label']), {
      KASSA_DATA_DIR: data(),
      ...(site ? { KASSA_DATABASE: site } : {}),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(batchProfiles('training')).toEqual([TRAINING_TOPUP_FIXED_PROFILE.ppid]);
    expect(existsSync(join(data(), 'training.sqlite'))).toBe(site === null);
  });

  it('opens the live database and its profiles when the station is live', async () => {
    const ppid = '5c18cbd1296e9a26d3278518';
    const { mkdirSync } = await import('node:fs');
    mkdirSync(data(), { recursive: true });
    const topupProfiles = [{ ppid, name: 'Dour bar', amountMode: 'fixed' }];
    writeFileSync(
      join(data(), 'settings.json'),
      JSON.stringify({ mode: 'live', environment: 'preprod', ppid: 'ab'.repeat(12), topupProfiles }),
    );
    // The station runs once (refused: no key yet), which on a site makes the site key; then the key is
    // stored where that station keeps it: secrets.json, or on a site the site database only.
    const kassa = await startTestStation({ dataDir: data(), simulatorUrl: 'http://127.0.0.1:9' });
    await kassa.close();
    writeStationSecret(data(), API_KEY_SECRET, 'a-preprod-key-0000');
    expect(existsSync(join(data(), 'secrets.json'))).toBe(testSiteFor(data()) === null);
    const out = join(folder.dir, 'live.pdf');
    const run = await topup([...batchArgs(out, ['--layout', 'card']), ...books()]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(live mode)');
    expect(run.stderr, 'the command line needs to know the key is there, never its value').not.toContain(
      'a-preprod-key',
    );
    expect((await pageCodes(out, 1))[0]).toMatch(new RegExp(`/t/1/${ppid}\\?`));
    expect(batchProfiles('preprod')).toEqual([ppid]);
    expect(existsSync(join(data(), 'training.sqlite'))).toBe(false);
  });

  it('refuses settings that say live without an API key, as the station does, instead of printing training codes', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(data(), { recursive: true });
    const settings = { mode: 'live', environment: 'preprod', ppid: 'ab'.repeat(12) };
    writeFileSync(join(data(), 'settings.json'), JSON.stringify(settings));
    const kassa = await startTestStation({ dataDir: data(), simulatorUrl: 'http://127.0.0.1:9' });
    const refusal = kassa.station.refusal();
    await kassa.close();
    expect(refusal?.problem).toBe('no-credentials');
    const out = join(folder.dir, 'refused.pdf');
    const run = await topup([...batchArgs(out), ...books()]);
    expect(run.code).toBe(1);
    // The key is looked for where the station keeps it (the folder, or on a site its database): the
    // same line, naming the same place.
    expect(run.stderr.trim()).toBe(refusal?.line);
    expect(run.stderr).toContain(testSiteFor(data()) ? SITE_SECRETS_PLACE : join(data(), 'secrets.json'));
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(data(), 'training.sqlite'))).toBe(false);
  });

  it('counts the desktop app’s encrypted secrets.enc as a stored key, as it cannot decrypt it (not on a site)', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(data(), { recursive: true });
    const topupProfiles = [{ ppid: '5c18cbd1296e9a26d3278518', name: 'Dour bar', amountMode: 'fixed' }];
    const settings = { mode: 'live', environment: 'preprod', ppid: 'ab'.repeat(12), topupProfiles };
    writeFileSync(join(data(), 'settings.json'), JSON.stringify(settings));
    writeFileSync(join(data(), 'secrets.enc'), 'encrypted by the OS keychain');
    const run = await topup([...batchArgs(join(folder.dir, 'desk.pdf'), ['--layout', 'label']), ...books()]);
    if (testSiteFor(data())) {
      // On a site the keys are the site database's: a file in the folder says nothing about them.
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${SITE_SECRETS_PLACE}: it holds no Bancontact API key`);
      return expect(batchProfiles('preprod')).toEqual([]);
    }
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(live mode)');
    expect(batchProfiles('preprod')).toHaveLength(1);
  });

  it.each([
    [['--count', '1e3'], /--count/],
    [['--mode', 'sometimes'], /--mode/],
    [['--mode', 'open'], /--amount: Open codes carry no amount/],
    [['--description', 'Café'], /--description/],
    [['--layout', 'poster'], /--layout/],
    [['--rows', '20', '--columns', '10'], /too small/],
    [['--colour', 'magenta'], /Unknown option '--colour'/],
    [
      ['--profile', TRAINING_TOPUP_PROFILE.ppid],
      /set up by Bancontact support for open codes; it cannot print fixed codes/,
    ],
    [['--logo', 'logo.gif'], /--logo must be a \.png, \.jpg or \.jpeg file/],
  ])('refuses %j with exit code 2 and a clear message', async (extra, message) => {
    const out = join(folder.dir, 'bad.pdf');
    const run = await topup([...batchArgs(out, extra), ...books()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a batch without --out, and an unknown command, with exit code 2 and the usage', async () => {
    for (const args of [
      ['batch', '--count', '3', '--mode', 'open', '--description', 'x', '--layout', 'a4'],
      ['print'],
      [],
    ]) {
      const run = await topup(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('usage: npm run topup -- batch');
    }
  });
});

describe('npm run topup -- verify-id', () => {
  const id = wristbandIdFromData('7K2Q9XQ4M3');

  it('exits 0 for a well-formed id, typed any way or scanned as a whole payload', async () => {
    for (const typed of [
      id,
      id.toLowerCase().replace(/-/g, ''),
      `https://pay.bancontact.net/t/1/${TRAINING_TOPUP_PROFILE.ppid}?D=x&R=${id}`,
    ]) {
      const run = await topup(['verify-id', typed]);
      expect(run.code, typed).toBe(0);
      expect(run.stdout).toBe(`${id} is a well-formed wristband id\n`);
    }
  });

  it('exits 1 for a wrong symbol or two swapped ones, and 2 without an id', async () => {
    const swapped = `${id.slice(0, 1)}${id.slice(2, 3)}${id.slice(1, 2)}${id.slice(3)}`;
    for (const typo of [id.replace(/^7/, '8'), swapped, 'hello']) {
      const run = await topup(['verify-id', typo]);
      expect(run.code, typo).toBe(1);
      expect(run.stdout).toContain('is not a wristband id');
    }
    expect((await topup(['verify-id'])).code).toBe(2);
  });
});
