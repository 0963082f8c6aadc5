import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import type { AuditEntryInput, AuditSink } from '../../electron/core/audit/audit-entry';
import { openStationDatabase, type StationDb } from '../../electron/core/db/open-station-database';
import { devices, pairingCodes, sessions } from '../../electron/core/db/station-schema';
import { createDeviceRegistry } from '../../electron/core/devices/device-registry';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MANAGER = { staff: { id: 'staff-1', name: 'Marie' }, device: { id: 'station', name: 'Station' } };

/** Linked devices on a real station.sqlite in a temp folder, with a clock the test moves. */
describe('the device registry', () => {
  const folders: Array<{ remove(): void }> = [];
  const opened: StationDb[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    folders.splice(0).forEach((folder) => folder.remove());
  });

  function setUp(knownTillIds: string[] = []) {
    const folder = tempDir();
    folders.push(folder);
    const file = join(folder.dir, 'station.sqlite');
    const clock = { at: Date.parse('2026-12-03T10:00:00Z') };
    const entries: AuditEntryInput[] = [];
    const audit: AuditSink = { record: (entry) => void entries.push(entry) };
    const open = () => {
      const db = openStationDatabase(file, STATION_MIGRATIONS);
      opened.push(db);
      return {
        db,
        registry: createDeviceRegistry({ db, now: () => clock.at, audit, knownTillIds: () => knownTillIds }),
      };
    };
    return { clock, entries, open, ...open() };
  }

  const tillPairing = { name: 'Tablet bar 1', rights: 'employee', kind: 'till', actor: MANAGER } as const;

  async function refusal(run: () => Promise<unknown>): Promise<ContractFailure> {
    try {
      await run();
    } catch (error) {
      if (error instanceof ContractFailure) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  }

  it('links a device once with its code; the same code again is refused, audited, and links nothing', async () => {
    const { registry, entries, db } = setUp();
    const { code, expiresAt, tillId } = await registry.createPairing(tillPairing);
    expect(code.length).toBeGreaterThanOrEqual(22);
    expect(expiresAt).toBe(Date.parse('2026-12-03T10:05:00Z'));
    expect(tillId).toBe('till-2');
    const { device, credential } = await registry.pair({ code, address: '192.168.1.31' });
    expect(device).toMatchObject({
      name: 'Tablet bar 1',
      rights: 'employee',
      kind: 'till',
      tillId: 'till-2',
    });
    expect(await registry.authenticate(credential, '192.168.1.31')).toMatchObject({
      id: device.id,
      tillId: 'till-2',
    });

    expect((await refusal(() => registry.pair({ code, address: '192.168.1.99' }))).code).toBe(
      'PAIRING_CODE_INVALID',
    );
    expect(await db.read((q) => q.select().from(devices))).toHaveLength(1);
    expect(entries.map((e) => [e.action, e.outcome, e.detail?.['reason'] ?? null])).toEqual([
      ['devices.pairingCreated', 'ok', null],
      ['devices.link', 'ok', null],
      ['devices.link', 'refused', 'used'],
    ]);
    // Only hashes are stored: neither the code nor the credential is anywhere in the file's rows.
    const stored = JSON.stringify([
      await db.read((q) => q.select().from(devices)),
      await db.read((q) => q.select().from(pairingCodes)),
    ]);
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(credential);
  });

  it('refuses an expired code and an unknown one, audits both, and changes nothing', async () => {
    const { registry, entries, db, clock } = setUp();
    const { code } = await registry.createPairing(tillPairing);
    clock.at += 5 * MINUTE;
    expect((await refusal(() => registry.pair({ code, address: null }))).code).toBe('PAIRING_CODE_INVALID');
    expect((await refusal(() => registry.pair({ code: 'AAAAAAAAAAAAAAAAAAAAAA', address: null }))).code).toBe(
      'PAIRING_CODE_INVALID',
    );
    expect(await db.read((q) => q.select().from(devices))).toEqual([]);
    expect(await db.read((q) => q.select().from(pairingCodes))).toMatchObject([
      { usedAt: null, deviceId: null },
    ]);
    expect(entries.filter((e) => e.outcome === 'refused').map((e) => e.detail?.['reason'])).toEqual([
      'expired',
      'unknown',
    ]);
  });

  it('revoking ends access at once: the credential is refused, sessions end, listeners hear it', async () => {
    const { registry, entries, db, clock } = setUp();
    const { device, credential } = await registry.pair({
      code: (await registry.createPairing(tillPairing)).code,
      address: null,
    });
    await db.write(async (tx) => {
      await tx.insert(sessions).values({
        id: 's1',
        tokenHash: 'h',
        deviceId: device.id,
        staffId: 'staff-2',
        createdAt: clock.at,
        lastUsedAt: clock.at,
      });
    });
    const heard: string[] = [];
    registry.onRevoked((id, reason) => void heard.push(`${id}:${reason}`));

    clock.at += MINUTE;
    expect(await registry.revoke(device.id, MANAGER)).toMatchObject({
      status: 'revoked',
      endedAt: '2026-12-03T10:01:00.000Z',
    });
    expect(heard).toEqual([`${device.id}:revoked`]);
    expect(await registry.authenticate(credential, '192.168.1.31')).toBe('revoked');
    expect((await db.read((q) => q.select().from(sessions)))[0]).toMatchObject({
      endedReason: 'revoked',
      endedAt: clock.at,
    });
    expect(entries.slice(-2).map((e) => [e.action, e.outcome, e.staff?.name ?? null])).toEqual([
      ['devices.revoke', 'ok', 'Marie'],
      ['devices.authenticate', 'refused', null],
    ]);
    // Revoking twice changes nothing and tells nobody again.
    await registry.revoke(device.id, MANAGER);
    expect(heard).toHaveLength(1);
    expect(await registry.authenticate('not-a-credential', null)).toBeNull();
  });

  it('counts a revoked device that keeps calling in the per-minute refusal tally, by device', async () => {
    const { db, clock, entries } = setUp();
    const tallied: Array<[string, string]> = [];
    const refusals = {
      refused: (entry: AuditEntryInput, key: string) => void tallied.push([entry.action, key]),
    };
    const audit = { record: (entry: AuditEntryInput) => void entries.push(entry) };
    const registry = createDeviceRegistry({ db, now: () => clock.at, audit, refusals });
    const { device, credential } = await registry.pair({
      code: (await registry.createPairing(tillPairing)).code,
      address: '10.0.0.5',
    });
    await registry.revoke(device.id, MANAGER);
    for (let call = 0; call < 3; call += 1)
      expect(await registry.authenticate(credential, '10.0.0.5')).toBe('revoked');
    await expect(registry.pair({ code: 'AAAAAAAAAAAAAAAAAAAAAA', address: '10.0.0.9' })).rejects.toThrow(
      ContractFailure,
    );
    expect(tallied).toEqual([
      ['devices.authenticate', device.id],
      ['devices.authenticate', device.id],
      ['devices.authenticate', device.id],
      ['devices.link', '10.0.0.9'],
    ]);
    expect(entries.filter((e) => e.outcome === 'refused')).toEqual([]);
  });

  it('the device can unlink itself; the station window can be neither revoked nor unlinked', async () => {
    const { registry, entries } = setUp();
    const { device } = await registry.pair({
      code: (await registry.createPairing(tillPairing)).code,
      address: null,
    });
    expect((await registry.unlink(device.id)).status).toBe('unlinked');
    expect(entries.at(-1)).toMatchObject({
      action: 'devices.unlink',
      device: { id: device.id },
      staff: null,
    });
    await registry.ensureStationDevice();
    expect(await registry.ensureStationDevice()).toMatchObject({
      id: 'station',
      kind: 'station',
      rights: 'manager',
    });
    expect((await refusal(() => registry.revoke('station', MANAGER))).code).toBe('FORBIDDEN');
    expect((await refusal(() => registry.revoke('no-such-device', MANAGER))).code).toBe('NOT_FOUND');
  });

  it('a restart (the file reopened) keeps every link and every revocation', async () => {
    const setup = setUp();
    const kept = await setup.registry.pair({
      code: (await setup.registry.createPairing(tillPairing)).code,
      address: null,
    });
    const gone = await setup.registry.pair({
      code: (await setup.registry.createPairing({ ...tillPairing, name: 'Old tablet' })).code,
      address: null,
    });
    await setup.registry.revoke(gone.device.id, MANAGER);
    const before = await setup.registry.list();
    await setup.db.close();

    const { registry } = setup.open();
    expect(await registry.list()).toEqual(before);
    expect(await registry.authenticate(kept.credential, null)).toMatchObject({ id: kept.device.id });
    expect(await registry.authenticate(gone.credential, null)).toBe('revoked');
  });

  it('logs a device out after 30 days unused: on its next call, or by the daily sweep', async () => {
    const { registry, clock, entries, db } = setUp();
    await registry.ensureStationDevice();
    const busy = await registry.pair({
      code: (await registry.createPairing(tillPairing)).code,
      address: null,
    });
    const idle = await registry.pair({
      code: (await registry.createPairing({ ...tillPairing, name: 'Idle' })).code,
      address: null,
    });
    clock.at += 29 * DAY;
    expect(await registry.authenticate(busy.credential, null)).not.toBe('revoked');
    clock.at += 2 * DAY;
    // 31 days after linking: the idle one has gone, the one used two days ago has not.
    expect((await registry.sweepExpired()).map((d) => [d.name, d.status])).toEqual([['Idle', 'expired']]);
    expect(await registry.authenticate(idle.credential, null)).toBe('revoked');
    clock.at += 30 * DAY;
    expect(await registry.authenticate(busy.credential, null)).toBe('revoked');
    expect((await registry.list()).map((d) => [d.name, d.status])).toEqual([
      ['Station', 'active'],
      ['Tablet bar 1', 'expired'],
      ['Idle', 'expired'],
    ]);
    expect(entries.filter((e) => e.action === 'devices.expire')).toHaveLength(2);
    // The sweep also forgets pairing codes a day past their expiry.
    expect(await db.read((q) => q.select().from(pairingCodes))).toHaveLength(0);
  });

  it('writes last seen at most once a minute, and a new address at once', async () => {
    const { registry, clock } = setUp();
    const { device, credential } = await registry.pair({
      code: (await registry.createPairing(tillPairing)).code,
      address: '10.0.0.5',
    });
    const seen = () => registry.get(device.id);
    // Linking counts as its first call.
    expect(await seen()).toMatchObject({ lastAddress: '10.0.0.5', lastSeenAt: '2026-12-03T10:00:00.000Z' });
    await registry.authenticate(credential, '10.0.0.5');
    const first = (await seen())?.lastSeenAt;
    clock.at += 30_000;
    await registry.authenticate(credential, '10.0.0.5');
    expect((await seen())?.lastSeenAt).toBe(first);
    await registry.authenticate(credential, '10.0.0.6');
    expect(await seen()).toMatchObject({ lastAddress: '10.0.0.6', lastSeenAt: '2026-12-03T10:00:30.000Z' });
    clock.at += 61_000;
    await registry.authenticate(credential, '10.0.0.6');
    expect((await seen())?.lastSeenAt).toBe('2026-12-03T10:01:31.000Z');
  });

  it('the list shows what the screen needs and never a credential or its hash', async () => {
    const { registry, db } = setUp();
    await registry.ensureStationDevice();
    const { credential } = await registry.pair({
      code: (await registry.createPairing(tillPairing)).code,
      address: '10.0.0.5',
    });
    const list = await registry.list();
    const hashes = await db.read((q) => q.select({ hash: devices.credentialHash }).from(devices));
    const text = JSON.stringify(list);
    for (const { hash } of hashes) expect(text).not.toContain(hash);
    expect(text).not.toContain(credential);
    expect(Object.keys(list[1] ?? {}).sort()).toEqual(
      [
        'endedAt',
        'id',
        'kind',
        'lastAddress',
        'lastSeenAt',
        'linkedAt',
        'name',
        'rights',
        'status',
        'tillId',
      ].sort(),
    );
  });

  it('gives each new till or bar a till id of its own; a display must name an existing till', async () => {
    const { registry } = setUp(['till-2', 'bar-main']);
    const first = await registry.createPairing(tillPairing);
    const second = await registry.createPairing({ ...tillPairing, kind: 'bar', name: 'Bar' });
    expect([first.tillId, second.tillId]).toEqual(['till-3', 'till-4']);
    await registry.pair({ code: first.code, address: null });
    const noTill = await refusal(() =>
      registry.createPairing({ ...tillPairing, kind: 'display', name: 'Screen' }),
    );
    expect(noTill.toError()).toMatchObject({ code: 'INVALID_INPUT', fields: ['tillId'] });
    const unknown = { ...tillPairing, kind: 'display', name: 'Screen', tillId: 'till-9' } as const;
    expect((await refusal(() => registry.createPairing(unknown))).code).toBe('INVALID_INPUT');
    for (const till of ['till-1', 'till-3', 'bar-main'])
      expect((await registry.createPairing({ ...unknown, tillId: till })).tillId).toBe(till);
    // till-3 has its tablet: a second till device on it would share its open payment and drawer.
    expect((await refusal(() => registry.createPairing({ ...tillPairing, tillId: 'till-3' }))).code).toBe(
      'INVALID_INPUT',
    );
  });
});
