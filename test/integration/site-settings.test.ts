import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StartRefusal } from '../../shared/contract/station-refusal';
import { openStationDatabase, type StationDb } from '../../electron/core/db/open-station-database';
import { openPostgresStation } from '../../electron/core/db/pg/site-databases';
import { openSiteSettings, type SiteSettings } from '../../electron/core/open-site-settings';
import { SiteCipher } from '../../electron/core/settings/site-key';
import { psql, startThrowawayPostgres, type PostgresServer } from '../support/postgres-server';
import { MIGRATIONS, STATION_MIGRATIONS, tempDir } from '../support/temp';

/*
 * Settings and API keys shared by the stations of a site, on a real throw-away PostgreSQL: each test
 * is a fresh site database and two (or three) stations, each with its own data folder.
 */

const API_KEY = 'live_0123456789abcdefghijklmnopqrstuv';
let server: PostgresServer;
const opened: { close(): Promise<void> }[] = [];
const folders: { remove(): void }[] = [];

beforeAll(async () => {
  server = await startThrowawayPostgres();
}, 60_000);

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const folder of folders.splice(0)) folder.remove();
});

afterAll(() => server?.remove());

/** A fresh site: its database's address. */
function freshSite(): string {
  const name = `site_${randomBytes(6).toString('hex')}`;
  psql(server.baseUrl, 'postgres', `CREATE DATABASE ${name}`);
  return `${server.baseUrl}/${name}`;
}

/** A station of `siteUrl`: its own data folder and connection to the site database. */
async function station(siteUrl: string): Promise<{ dir: string; db: StationDb; keyFile: string }> {
  const folder = tempDir('kassa-site-');
  folders.push(folder);
  const db = await openPostgresStation({ siteUrl, migrationsFolder: MIGRATIONS });
  opened.push(db);
  return { dir: folder.dir, db, keyFile: join(folder.dir, 'site.key') };
}

/** Gives station `to` a copy of station `from`'s site key, as docs/site-setup.md says. */
function copyKey(from: { keyFile: string }, to: { keyFile: string }): void {
  copyFileSync(from.keyFile, to.keyFile);
  chmodSync(to.keyFile, 0o600);
}

async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StartRefusal);
  return (error as StartRefusal).refusal;
}

function siteRows(siteUrl: string, table: string): Record<string, unknown>[] {
  const database = new URL(siteUrl).pathname.slice(1);
  return JSON.parse(
    psql(server.baseUrl, database, `SELECT coalesce(json_agg(t), '[]') FROM ${table} t`),
  ) as Record<string, unknown>[];
}

async function twoStations(): Promise<{
  siteUrl: string;
  a: SiteSettings;
  b: SiteSettings;
  keyFile: string;
}> {
  const siteUrl = freshSite();
  const first = await station(siteUrl);
  const a = await openSiteSettings({ db: first.db, dataDir: first.dir });
  const second = await station(siteUrl);
  copyKey(first, second);
  const b = await openSiteSettings({ db: second.db, dataDir: second.dir });
  return { siteUrl, a, b, keyFile: first.keyFile };
}

describe('a site’s settings and secrets in the shared database', () => {
  it('the first station creates a 0600 site key; a station given a copy sees settings and keys written by the other after refresh()', async () => {
    const { a, b, keyFile } = await twoStations();
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);

    a.secrets.set('bancontact.apiKey', API_KEY);
    a.settings.update({
      mode: 'live',
      environment: 'preprod',
      ppid: 'pp-1',
      locale: 'nl',
      publicUrl: 'https://a.example',
    });
    await a.flush();
    expect(b.secrets.get('bancontact.apiKey')).toBeNull(); // not before it is told to look
    await b.refresh();

    expect(b.secrets.get('bancontact.apiKey')).toBe(API_KEY);
    const seen = b.settings.read();
    expect(seen).toMatchObject({ mode: 'live', environment: 'preprod', ppid: 'pp-1', locale: 'nl' });
    expect(seen.publicUrl).toBeNull(); // the address that reaches station A is A's own

    b.secrets.delete('bancontact.apiKey');
    b.settings.update({ topupProfiles: [{ ppid: 'tp-1', name: 'Bar', amountMode: 'fixed' }] });
    await b.flush();
    await a.refresh();
    expect(a.secrets.get('bancontact.apiKey')).toBeNull();
    expect(a.settings.read().topupProfiles).toEqual([{ ppid: 'tp-1', name: 'Bar', amountMode: 'fixed' }]);
    expect(a.settings.read()).toMatchObject({ mode: 'live', publicUrl: 'https://a.example' });
  });

  it('the sales setup is the site’s: the first station’s file seeds it, a change at one station reaches the other', async () => {
    const siteUrl = freshSite();
    const first = await station(siteUrl);
    const shops = [{ id: 'bar-north', name: 'Bar North' }];
    writeFileSync(join(first.dir, 'sales-setup.json'), JSON.stringify({ shops }));
    const a = await openSiteSettings({ db: first.db, dataDir: first.dir });
    const second = await station(siteUrl);
    copyKey(first, second);
    const b = await openSiteSettings({ db: second.db, dataDir: second.dir });
    // A shop's identity fields (issue 13) take their defaults.
    expect(b.salesSetup.read().shops).toEqual(shops.map((s) => ({ ...s, address: '', website: '', vatNumber: '' })));

    a.salesSetup.write({
      ...a.salesSetup.read(),
      tills: [{ tillId: 'till-1', shopId: 'bar-north', stickerPosId: 'pos-9' }],
    });
    await a.flush();
    await b.refresh();
    expect(b.salesSetup.read().tills).toEqual([
      { tillId: 'till-1', shopId: 'bar-north', stickerPosId: 'pos-9' },
    ]);
  });

  it('two stations changing different settings at once both keep their change', async () => {
    const { a, b } = await twoStations();
    a.settings.update({ locale: 'fr' });
    b.settings.update({ ppid: 'pp-2' });
    await Promise.all([a.flush(), b.flush()]);
    await Promise.all([a.refresh(), b.refresh()]);
    for (const s of [a, b]) expect(s.settings.read()).toMatchObject({ locale: 'fr', ppid: 'pp-2' });
  });

  it('the table holds neither the value nor any part of the site key', async () => {
    const { siteUrl, a, keyFile } = await twoStations();
    a.secrets.set('bancontact.apiKey', API_KEY);
    await a.flush();
    const key = readFileSync(keyFile);
    const rows = siteRows(siteUrl, 'site_secrets');
    expect(rows.map((r) => r.name).sort()).toEqual(['bancontact.apiKey', 'kassa.siteKeyCheck']);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(API_KEY.slice(5));
    for (const encoding of ['hex', 'base64', 'base64url'] as const)
      expect(dump).not.toContain(key.toString(encoding).slice(0, 8));
    const stored = Buffer.concat(
      rows.flatMap((r) => [
        Buffer.from(r.nonce as string, 'base64'),
        Buffer.from(r.ciphertext as string, 'base64'),
      ]),
    );
    for (let at = 0; at + 4 <= key.length; at++)
      expect(stored.includes(key.subarray(at, at + 4))).toBe(false);
  });

  it('a station with another site’s key is refused, naming its key file, and writes nothing', async () => {
    const { siteUrl, a } = await twoStations();
    a.secrets.set('bancontact.apiKey', API_KEY);
    await a.flush();
    const stranger = await station(siteUrl);
    writeFileSync(stranger.keyFile, randomBytes(32), { mode: 0o600 });
    const before = siteRows(siteUrl, 'site_secrets');

    const refusal = await refusalOf(openSiteSettings({ db: stranger.db, dataDir: stranger.dir }));
    expect(refusal).toMatchObject({
      problem: 'wrong-key',
      file: stranger.keyFile,
      remedies: ['copy-site-key'],
    });
    expect(refusal.line).toMatch(/not the key of this site.*copy the site key file/i);
    expect(siteRows(siteUrl, 'site_secrets')).toEqual(before);
  });

  it('a station joining without the key is refused and creates none; a 0644 key file is refused', async () => {
    const { siteUrl, keyFile } = await twoStations();
    const newcomer = await station(siteUrl);
    const missing = await refusalOf(openSiteSettings({ db: newcomer.db, dataDir: newcomer.dir }));
    expect(missing).toMatchObject({ problem: 'missing', file: newcomer.keyFile });
    expect(existsSync(newcomer.keyFile)).toBe(false);

    copyKey({ keyFile }, newcomer);
    chmodSync(newcomer.keyFile, 0o644);
    const open = await refusalOf(openSiteSettings({ db: newcomer.db, dataDir: newcomer.dir }));
    expect(open).toMatchObject({ problem: 'too-open', file: newcomer.keyFile, remedies: ['owner-only'] });
    expect(open.line).toContain(`its mode is 0644`);
    expect(open.line).toContain(`chmod 600 ${newcomer.keyFile}`);
  });

  it('two first stations starting at once: one creates the site key, the other is refused and keeps no key of its own', async () => {
    const siteUrl = freshSite();
    const [one, two] = [await station(siteUrl), await station(siteUrl)];
    const outcomes = await Promise.allSettled(
      [one, two].map((s) => openSiteSettings({ db: s.db, dataDir: s.dir })),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = outcomes[0]!.status === 'rejected' ? one : two;
    expect((outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
      StartRefusal,
    );
    expect(existsSync(loser.keyFile)).toBe(false);
  });

  it('a value copied to another name does not decrypt', async () => {
    const { siteUrl, a, b } = await twoStations();
    a.secrets.set('bancontact.topup.tp-1.apiKey', API_KEY);
    await a.flush();
    const database = new URL(siteUrl).pathname.slice(1);
    psql(
      server.baseUrl,
      database,
      `INSERT INTO site_secrets SELECT 'bancontact.topup.tp-2.apiKey', nonce, ciphertext, updated_at FROM site_secrets WHERE name = 'bancontact.topup.tp-1.apiKey'`,
    );
    const refusal = await refusalOf(b.refresh());
    expect(refusal).toMatchObject({ problem: 'damaged' });
    expect(refusal.line).toContain('"bancontact.topup.tp-2.apiKey" does not decrypt');
    expect(b.secrets.get('bancontact.topup.tp-1.apiKey')).toBeNull(); // the copy it had is kept as it was

    const cipher = new SiteCipher(randomBytes(32));
    const sealed = cipher.seal('one', API_KEY);
    expect(cipher.open('one', sealed)).toBe(API_KEY);
    expect(cipher.open('two', sealed)).toBeNull();
  });
});

describe('on SQLite the one station keeps them in station.sqlite', () => {
  it('settings and secrets survive a restart of the station', async () => {
    const folder = tempDir('kassa-site-');
    folders.push(folder);
    const file = join(folder.dir, 'station.sqlite');
    const db = openStationDatabase(file, STATION_MIGRATIONS);
    const first = await openSiteSettings({ db, dataDir: folder.dir });
    first.secrets.set('bancontact.apiKey', API_KEY);
    first.settings.update({ locale: 'fr', stickerPosId: 'till-7' });
    await first.flush();
    await db.close();

    const again = openStationDatabase(file, STATION_MIGRATIONS);
    opened.push(again);
    const second = await openSiteSettings({ db: again, dataDir: folder.dir });
    expect(second.secrets.get('bancontact.apiKey')).toBe(API_KEY);
    expect(second.settings.read()).toMatchObject({ locale: 'fr', stickerPosId: 'till-7', mode: 'training' });
  });
});
