import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditFixture, entry, rows, T0, type AuditFixture } from './audit-fixture';

let f: AuditFixture;
beforeEach(async () => {
  f = auditFixture();
});
afterEach(() => f.close());

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the audit log chain', () => {
  it('links each entry to the one before, starting from 64 zeros, with the documented hash', async () => {
    await f.log.record(entry({ subject: 'Z 1' }));
    f.clock.ms += 1_000;
    f.mode.current = 'live';
    await f.log.record(entry({ action: 'wristbands.block', subject: 'AB12', staff: null, device: null }));
    const [first, second] = await rows(f.db);
    expect(first).toMatchObject({ seq: 1, at: T0, mode: 'training', prev_hash: '0'.repeat(64) });
    expect(second).toMatchObject({ seq: 2, at: T0 + 1_000, mode: 'live', prev_hash: first!.hash });
    // docs/audit-log.md: SHA-256 of the JSON array ["kassa-audit-v1", seq, at, mode, action, outcome,
    // staffId, staffName, deviceId, deviceName, subject, detail, prevHash].
    const canonical = JSON.stringify([
      'kassa-audit-v1',
      2,
      T0 + 1_000,
      'live',
      'wristbands.block',
      'ok',
      null,
      null,
      null,
      null,
      'AB12',
      '{}',
      first!.hash,
    ]);
    expect(second!.hash).toBe(sha256(canonical));
    expect(await f.log.verify()).toMatchObject({ ok: true, checked: 2, lastHash: second!.hash });
  });

  it('an empty log verifies, with nothing checked', async () => {
    expect(await f.log.verify()).toMatchObject({ ok: true, checked: 0, lastHash: '0'.repeat(64) });
  });

  it('never stores a field named like a secret, at any depth, whoever wrote the entry', async () => {
    await f.log.record(
      entry({
        detail: {
          apiKey: 'sk-live-0123456789',
          nested: { pin: '4321', password: 'Hunter2!xyz', pairingCode: 'ABCD', ok: 'kept' },
          list: [{ token: 'tok-abc', name: 'kept too' }],
        },
      }),
    );
    const stored = String((await rows(f.db))[0]!.detail);
    for (const secret of ['sk-live-0123456789', '4321', 'Hunter2!xyz', 'ABCD', 'tok-abc'])
      expect(stored).not.toContain(secret);
    expect(JSON.parse(stored)).toEqual({ list: [{ name: 'kept too' }], nested: { ok: 'kept' } });
  });

  it('keeps a field named code when it holds an error code, never a pairing code or PIN', async () => {
    await f.log.record(entry({ outcome: 'refused', detail: { code: 'WRONG_SECRET' } }));
    await f.log.record(entry({ outcome: 'refused', detail: { code: 'K7Q2-PX9M' } }));
    await f.log.record(entry({ outcome: 'refused', detail: { pin: 'WRONG_SECRET' } }));
    expect((await rows(f.db)).map((row) => row.detail)).toEqual(['{"code":"WRONG_SECRET"}', '{}', '{}']);
  });

  it('records inside a caller’s own unit of work, and rolls back with it', async () => {
    await expect(
      f.db.write(async () => {
        await f.log.record(entry());
        throw new Error('the staff change failed');
      }),
    ).rejects.toThrow('the staff change failed');
    await f.db.write(() => f.log.record(entry({ subject: 'kept' })));
    expect((await rows(f.db)).map((row) => [row.seq, row.subject])).toEqual([[1, 'kept']]);
  });
});

describe('listing the audit log', () => {
  beforeEach(async () => {
    const plan = [
      entry({ action: 'reports.closeDay', subject: 'Z 1' }),
      entry({ action: 'drawer.open', subject: 'till-1', staff: { id: 'staff-bo', name: 'Bo' } }),
      entry({ action: 'drawer.close', subject: 'till-1', device: { id: 'device-bar', name: 'Bar' } }),
      entry({ action: 'wristbands.block', outcome: 'refused', subject: 'KX7P-QQ' }),
      entry({ action: 'drawerless.thing', subject: '100%_sure' }),
    ];
    for (const item of plan) {
      await f.log.record(item);
      f.clock.ms += 3_600_000;
    }
  });

  const seqs = async (filter: Parameters<AuditFixture['log']['list']>[0]) =>
    (await f.log.list(filter)).entries.map((row) => row.seq);

  it('answers newest first and filters by action, prefix, outcome, person, device and subject text', async () => {
    expect(await seqs({})).toEqual([5, 4, 3, 2, 1]);
    expect(await seqs({ action: 'drawer.open' })).toEqual([2]);
    expect(await seqs({ action: 'drawer.*' })).toEqual([3, 2]);
    expect(await seqs({ outcome: 'refused' })).toEqual([4]);
    expect(await seqs({ staffId: 'staff-bo' })).toEqual([2]);
    expect(await seqs({ deviceId: 'device-bar' })).toEqual([3]);
    expect(await seqs({ text: 'kx7p' })).toEqual([4]);
    // Typed % and _ are meant literally.
    expect(await seqs({ text: '0%_' })).toEqual([5]);
    expect(await seqs({ text: '%' })).toEqual([5]);
  });

  it('filters by time, from included and to excluded', async () => {
    expect(await seqs({ fromMs: T0 + 3_600_000, toMs: T0 + 3 * 3_600_000 })).toEqual([3, 2]);
  });

  it('pages by beforeSeq until nextBeforeSeq is null, and never answers more than 200', async () => {
    const first = await f.log.list({ limit: 2 });
    expect(first.entries.map((row) => row.seq)).toEqual([5, 4]);
    expect(first.nextBeforeSeq).toBe(4);
    const second = await f.log.list({ limit: 2, beforeSeq: 4 });
    expect(second.entries.map((row) => row.seq)).toEqual([3, 2]);
    const last = await f.log.list({ limit: 2, beforeSeq: second.nextBeforeSeq! });
    expect(last).toMatchObject({ entries: [{ seq: 1 }], nextBeforeSeq: null });
    await f.db.write(async () => {
      for (let i = 0; i < 300; i += 1) await f.log.record(entry());
    });
    expect((await f.log.list({ limit: 10_000 })).entries).toHaveLength(200);
  });

  it('lists the actions it holds', async () => {
    expect(await f.log.actions()).toEqual([
      'drawer.close',
      'drawer.open',
      'drawerless.thing',
      'reports.closeDay',
      'wristbands.block',
    ]);
  });
});
