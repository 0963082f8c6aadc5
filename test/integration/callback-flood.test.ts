import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RejectedCallbackGroupView } from '../../shared/contract';
import { callbackBody, createSigningKey, signCallback, type SigningKey } from '../support/callback-signer';
import { databaseSql } from '../support/database-sql';
import { startStationWithShell, type StationWithShell } from '../support/station-with-shell';
import { waitFor } from '../support/temp';

/**
 * Floods of forged callbacks, signed under the training profile's real key id with another key: each
 * one is refused and counted, only the first few of each hour are kept, and the database barely grows.
 * The 10,000 go through `station.receiveCallback` (what the HTTP route calls with the raw body), a few
 * hundred more over real HTTP, which two cores shared with other tests serve too slowly for 10,000.
 */

const FLOOD = 10_000;
const OVER_HTTP = 300;
const KiB = 1024;
const STRANGER = 'ca55a0000000000000000099';
let kassa: StationWithShell;
let impostor: SigningKey;
let callbackUrl: string;
let ppid: string;

beforeAll(async () => {
  kassa = await startStationWithShell();
  const jwks = (await (await fetch(`${kassa.station.simulatorUrl()}/jwks`)).json()) as {
    keys: { kid: string }[];
  };
  impostor = await createSigningKey(jwks.keys[0]!.kid);
  callbackUrl = (await kassa.must('settings.get', {})).callbackUrl!;
  ppid = callbackUrl.split('/').pop()!;
});
afterAll(() => kassa.close());

/**
 * The training books' size on disk: the SQLite file once its WAL is folded in and truncated, or the
 * PostgreSQL database's files; what the floods really cost.
 */
const databaseBytes = (): number => databaseSql(kassa.dataDir).bytes();

function forged(profile: string): { body: string; signature: string } {
  const body = callbackBody();
  const path = `${kassa.shell.url}/callbacks/${profile}`;
  return { body, signature: signCallback(body, impostor, { ppid: profile, path }) };
}

/** `count` answers tallied as "status reason". */
async function tally(count: number, send: () => Promise<{ status: number; reason?: string }>) {
  const answers: Record<string, number> = {};
  for (let i = 0; i < count; i += 1) {
    const { status, reason } = await send();
    answers[`${status} ${reason}`] = (answers[`${status} ${reason}`] ?? 0) + 1;
  }
  return answers;
}

/** Signing is the test's work, not the station's: 500 distinct forgeries per profile, sent round and round. */
const signed = new Map<string, { body: string; signature: string }[]>();
let sent = 0;

async function direct(profile: string): Promise<{ status: number; reason?: string }> {
  const pool = signed.get(profile) ?? [];
  signed.set(profile, pool);
  if (pool.length < 500) pool.push(forged(profile));
  const { body, signature } = pool[sent++ % pool.length]!;
  const answer = await kassa.station.receiveCallback(profile, body, signature);
  return { status: answer.status, reason: answer.body.reason };
}

async function overHttp(profile: string): Promise<{ status: number; reason?: string }> {
  const { body, signature } = forged(profile);
  const response = await fetch(`${kassa.shell.url}/callbacks/${profile}`, {
    method: 'POST',
    headers: { signature },
    body,
  });
  return { status: response.status, reason: ((await response.json()) as { reason?: string }).reason };
}

const counted = (groups: RejectedCallbackGroupView[], profile = ppid) =>
  groups.filter((group) => group.profileId === profile).reduce((sum, group) => sum + group.count, 0);

describe('forged callbacks', () => {
  it('10,000 are all refused, counted to the last one, and grow the database by less than 256 KiB', async () => {
    const before = databaseBytes();
    expect(await tally(FLOOD, () => direct(ppid))).toEqual({ '401 BAD_SIGNATURE': FLOOD });
    expect(await tally(OVER_HTTP, () => overHttp(ppid))).toEqual({ '401 BAD_SIGNATURE': OVER_HTTP });
    const groups = await kassa.must('payments.listRejectedCallbacks', { limit: 200 });
    expect(databaseBytes() - before).toBeLessThan(256 * KiB);

    expect(counted(groups)).toBe(FLOOD + OVER_HTTP);
    for (const group of groups) {
      expect(group).toMatchObject({ profileId: ppid, reason: 'BAD_SIGNATURE' });
      // The first three of each hour are kept to look at; a flood is a number, not rows.
      expect(group.samples).toHaveLength(Math.min(3, group.count));
      expect(group.samples[0]!.bodyExcerpt).toContain('"paymentId"');
    }
    const kept = kassa.query<{ rows: number }>('select count(*) as rows from callback_rejections')[0]!.rows;
    expect(kept).toBe(groups.reduce((sum, group) => sum + group.samples.length, 0));
  }, 60_000);

  it('sent to a top-up profile are counted under that profile', async () => {
    const [profile] = await kassa.must('topup.listProfiles', {});
    expect(await tally(50, () => overHttp(profile!.ppid))).toEqual({ '401 BAD_SIGNATURE': 50 });
    const groups = await kassa.must('payments.listRejectedCallbacks', { limit: 200 });
    expect(counted(groups, profile!.ppid)).toBe(50);
    const samples = groups
      .filter((group) => group.profileId === profile!.ppid)
      .flatMap((group) => group.samples);
    expect(samples.length).toBeLessThanOrEqual(6);
  });

  it('sent to a profile the station does not serve are answered 404 and leave no trace', async () => {
    const before = databaseBytes();
    const groupsBefore = await kassa.must('payments.listRejectedCallbacks', { limit: 200 });
    expect(await tally(FLOOD, () => direct(STRANGER))).toEqual({ '404 UNKNOWN_PROFILE': FLOOD });
    expect(await tally(OVER_HTTP, () => overHttp(STRANGER))).toEqual({ '404 UNKNOWN_PROFILE': OVER_HTTP });
    expect(databaseBytes()).toBe(before);
    expect(await kassa.must('payments.listRejectedCallbacks', { limit: 200 })).toEqual(groupsBefore);
  });

  it('counted in memory are written when the station stops', async () => {
    const before = counted(await kassa.must('payments.listRejectedCallbacks', { limit: 200 }));
    await tally(20, () => direct(ppid));
    await kassa.station.stop();
    const stored = kassa.query<{ total: number }>(
      'select sum(count) as total from callback_rejection_tallies where profile_id = ?',
      ppid,
    );
    expect(stored[0]!.total).toBe(before + 20);
    await kassa.station.start();
  });
});

describe('counts kept in memory', () => {
  it('are written within a second without anyone asking', async () => {
    const sum = () =>
      kassa.query<{ total: number }>(
        'select sum(count) as total from callback_rejection_tallies where profile_id = ?',
        ppid,
      )[0]!.total;
    const before = sum();
    await tally(20, () => direct(ppid));
    await waitFor(() => sum() === before + 20, 5_000, 'the counts written');
  });
});

describe('refused callbacks older than 30 days', () => {
  it('are pruned, counts and samples, when a new hour starts being counted', async () => {
    let clock = Date.parse('2026-11-01T10:00:00.000Z');
    const old = await startStationWithShell({ now: () => clock });
    try {
      const profile = (await old.must('settings.get', {})).callbackUrl!.split('/').pop()!;
      const send = () => old.station.receiveCallback(profile, callbackBody(), undefined);
      for (let i = 0; i < 5; i += 1) await send();
      clock += 31 * 24 * 3_600_000;
      await send();
      const groups = await old.must('payments.listRejectedCallbacks', { limit: 200 });
      expect(groups.map((group) => [group.hourStart, group.count, group.samples.length])).toEqual([
        [new Date(clock).toISOString().slice(0, 13) + ':00:00.000Z', 1, 1],
      ]);
      expect(old.query('select * from callback_rejections')).toHaveLength(1);
    } finally {
      await old.close();
    }
  });
});
