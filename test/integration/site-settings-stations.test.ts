import { chmodSync, copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsView, TopupProfileView } from '../../shared/contract';
import { psql } from '../support/postgres-server';
import { startTestSite, type TestSite } from '../support/site-coordination';
import { startTestSimulator } from '../support/station-in-process';
import { mustCall, spawnStation, type StationProcess } from '../support/station-process';
import { tempDir } from '../support/temp';

/*
 * Two station processes on one PostgreSQL site share their settings and keys: the first creates the
 * site key, the second is refused without a copy of it and starts with one, and a change made at one
 * station is answered by the other within 2 s (a `settings` event on the site database). The key is
 * never in a file of either data folder, nor readable in the site database.
 */

const TOPUP = {
  ppid: 'festivaltopup01',
  name: 'Festival top-up',
  amountMode: 'open',
  apiKey: 'sk_site_topup_9f3c7a1e5d',
};

let site: TestSite;
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
const folders = [tempDir('kassa-site-a-'), tempDir('kassa-site-b-')];
const [folderA, folderB] = folders.map((folder) => folder.dir) as [string, string];
let a: StationProcess;
let b: StationProcess | undefined;

const spawn = (dataDir: string) =>
  spawnStation({ dataDir, database: site.url, simulatorUrl: sim.baseUrl, sweepIntervalMs: 3_600_000 });

function must<T>(station: StationProcess, method: string, input: unknown = {}): Promise<T> {
  return mustCall<T>(station.url, method, input);
}

beforeAll(async () => {
  site = await startTestSite();
  sim = await startTestSimulator();
  a = await spawn(folderA);
}, 90_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sim?.close();
  site?.remove();
  for (const folder of folders) folder.remove();
});

describe('the stations of a site share one configuration', () => {
  it('the first station creates the site key; another is refused without a copy, and starts with one', async () => {
    const keyA = join(folderA, 'site.key');
    expect(statSync(keyA).mode & 0o777).toBe(0o600);
    expect(statSync(keyA).size).toBe(32);

    const refused = await spawn(folderB).then(
      () => null,
      (error: unknown) => String(error),
    );
    const keyB = join(folderB, 'site.key');
    expect(refused).toContain(
      `Kassa refused to start: ${keyB}: it is missing, and this site already has a key`,
    );
    expect(refused).toContain('Copy the site key file from a station of this site');
    expect(existsSync(keyB)).toBe(false);

    copyFileSync(keyA, keyB);
    chmodSync(keyB, 0o600);
    b = await spawn(folderB);
    expect((await must<{ refusal: unknown }>(b, 'station.getStatus')).refusal).toBeNull();
  }, 60_000);

  it("a language and a top-up profile changed at A are B's within 2 s; the key is in no answer, log or file", async () => {
    const other = b!;
    expect((await must<SettingsView>(other, 'settings.get')).locale).toBe('en');
    const changedAt = Date.now();
    await must(a, 'settings.setLocale', { locale: 'fr' });
    await must(a, 'settings.addTopupProfile', TOPUP);

    const answers: unknown[] = [];
    let seenAt: number | null = null;
    while (seenAt === null && Date.now() - changedAt < 5_000) {
      const settings = await must<SettingsView>(other, 'settings.get');
      const profiles = await must<TopupProfileView[]>(other, 'settings.listTopupProfiles');
      answers.push(settings, profiles);
      const profile = profiles.find((p) => p.ppid === TOPUP.ppid);
      if (settings.locale === 'fr' && profile?.apiKeyLast4 === TOPUP.apiKey.slice(-4)) seenAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seenAt, 'B never answered the new settings').not.toBeNull();
    expect(seenAt! - changedAt).toBeLessThan(2_000);

    // B took the change in as its own: its status speaks French too.
    expect((await must<{ locale: string }>(other, 'station.getStatus')).locale).toBe('fr');
    for (const text of [JSON.stringify(answers), a.output(), other.output()]) {
      expect(text).not.toContain(TOPUP.apiKey);
    }
    for (const folder of [folderA, folderB]) {
      const secrets = join(folder, 'secrets.json');
      if (existsSync(secrets)) expect(readFileSync(secrets, 'utf8')).not.toContain(TOPUP.apiKey);
      expect(readFileSync(join(folder, 'settings.json'), 'utf8')).not.toContain(TOPUP.apiKey);
    }
    // In the site database, sealed under the site key: neither the key nor its base64 is in the bytes.
    const stored = psql(
      site.server.baseUrl,
      'site',
      "SELECT string_agg(t::text, E'\\n') FROM site_secrets t",
    );
    expect(stored).toContain('bancontact.topup.festivaltopup01.apiKey');
    expect(stored).not.toContain(TOPUP.apiKey);
    expect(stored).not.toContain(Buffer.from(TOPUP.apiKey).toString('base64').slice(0, 16));
  }, 30_000);

  it("the mail server set at A is B's (e-mailed receipts), its password in no answer or file", async () => {
    const password = 'smtp-Site-Secret-7';
    await must(a, 'mail.saveSettings', {
      ...{ smtpHost: 'smtp.site.test', smtpPort: 587, smtpSecurity: 'starttls', smtpUser: 'kassa' },
      ...{ password, fromAddress: 'kassa@site.test', contactEmail: 'help@site.test', contactPhone: '' },
    });
    const startedAt = Date.now();
    let seen: { smtpHost: string; hasPassword: boolean } | null = null;
    while (Date.now() - startedAt < 5_000) {
      const view = await must<{ smtpHost: string; hasPassword: boolean }>(b!, 'mail.getSettings');
      if (view.smtpHost === 'smtp.site.test' && view.hasPassword) {
        seen = view;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seen, 'B never answered the mail server set at A').not.toBeNull();
    expect(JSON.stringify(seen)).not.toContain(password);
    for (const folder of [folderA, folderB]) {
      const secrets = join(folder, 'secrets.json');
      if (existsSync(secrets)) expect(readFileSync(secrets, 'utf8')).not.toContain(password);
      expect(readFileSync(join(folder, 'settings.json'), 'utf8')).not.toContain(password);
    }
  }, 30_000);
});
