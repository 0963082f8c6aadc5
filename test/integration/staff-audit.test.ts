import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractFailure } from '../../shared/contract';
import { createAuditLog } from '../../electron/core/audit/audit-log';
import { openStationDatabase, STATION_DATABASE_FILE } from '../../electron/core/db/open-station-database';
import { createStaff } from '../../electron/core/staff/staff';
import { STATION_MIGRATIONS, tempDir } from '../support/temp';
import { MANAGER_TILL, START } from './staff-fixture';
import { expectNoSecret } from '../support/no-secret';

const tmp = tempDir('kassa-staff-audit-');
afterEach(() => tmp.remove());

async function codeOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof ContractFailure) return error.code;
    throw error;
  }
}

describe('sign-ins in the real audit log', () => {
  it('a flood of tries on a locked person is counted per minute, not stored one by one; the lock itself is written', async () => {
    const db = openStationDatabase(join(tmp.dir, STATION_DATABASE_FILE), STATION_MIGRATIONS);
    const clock = { now: START };
    const log = createAuditLog({ db, now: () => clock.now, mode: () => 'training' });
    const staff = createStaff({ db, now: () => clock.now, audit: log });
    const actor = { staff: null, device: { id: MANAGER_TILL.id, name: MANAGER_TILL.name } };
    const jan = await staff.service.create(
      { name: 'Jan', locale: 'nl', role: 'cashier', secret: '4821' },
      actor,
    );
    const attempt = (secret: string) =>
      staff.signIn.signIn({ staffId: jan.id, secret, device: MANAGER_TILL, actor });

    for (let i = 0; i < 4; i += 1) expect(await codeOf(() => attempt('0000'))).toBe('WRONG_SECRET');
    expect(await codeOf(() => attempt('0000'))).toBe('STAFF_LOCKED');
    // While locked no hash is spent, so a script can try fast: 200 tries in the same minute.
    for (let i = 0; i < 200; i += 1) expect(await codeOf(() => attempt('4821'))).toBe('STAFF_LOCKED');
    clock.now += 60_000;
    await log.flush();

    const entries = (await log.list({ limit: 200 })).entries;
    const signIns = entries.filter((e) => e.action === 'staff.signIn');
    expect(signIns.length).toBeLessThanOrEqual(3);
    const counted = signIns.reduce(
      (sum, e) => sum + ((JSON.parse(e.detail) as { repeated?: number }).repeated ?? 1),
      0,
    );
    expect(counted).toBe(205);
    expect(entries.filter((e) => e.action === 'staff.locked')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'staff.create' && e.subject === jan.id)).toHaveLength(1);
    expectNoSecret(entries, '4821');
    expect((await log.verify()).ok).toBe(true);
    await db.close();
  });
});
