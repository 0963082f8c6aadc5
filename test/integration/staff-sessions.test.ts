import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { SessionView, StaffView } from '../../shared/contract';
import { sessions } from '../../electron/core/db/station-schema';
import { MANAGER_TILL, STATION_WINDOW, startStaffStation, type StaffStation } from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

const MINUTE = 60_000;

async function cashiers(...names: string[]): Promise<StaffView[]> {
  const window = station.browser(STATION_WINDOW);
  const made: StaffView[] = [];
  for (const [i, name] of names.entries())
    made.push(await window.ok('staff.create', { name, locale: 'nl', role: 'cashier', secret: `482${i}` }));
  return made;
}

describe('sessions', () => {
  it('a person idle longer than the idle lock is signed out; any call before that keeps them in', async () => {
    station = await startStaffStation();
    const [jan] = await cashiers('Jan');
    const till = station.browser(MANAGER_TILL);
    const signedIn = await till.ok<SessionView>('session.signIn', { staffId: jan?.id, secret: '4820' });
    expect(signedIn.idleLockMinutes).toBe(5);

    station.clock.now += 4 * MINUTE;
    expect((await till.ok<SessionView>('session.get')).staff?.name).toBe('Jan');
    station.clock.now += 5 * MINUTE;
    expect((await till.ok<SessionView>('session.get')).staff?.name).toBe('Jan');
    station.clock.now += 5 * MINUTE + 1;
    expect((await till.ok<SessionView>('session.get')).staff).toBeNull();
    expect((await station.db.read((q) => q.select().from(sessions))).map((s) => s.endedReason)).toEqual([
      'idle',
    ]);
    // Coming back does not revive it.
    station.clock.now = 0;
    expect((await till.ok<SessionView>('session.get')).staff).toBeNull();
  });

  it('the administrator sets the idle lock (1–240 minutes) and every device follows it', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    expect(await window.call('staff.setIdleLock', { minutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await window.ok('staff.setIdleLock', { minutes: 30 })).toEqual({ idleLockMinutes: 30 });
    const [jan] = await cashiers('Jan');
    const till = station.browser(MANAGER_TILL);
    await till.ok('session.signIn', { staffId: jan?.id, secret: '4820' });
    station.clock.now += 29 * MINUTE;
    expect((await till.ok<SessionView>('session.get')).idleLockMinutes).toBe(30);
    station.clock.now += 30 * MINUTE + 1;
    expect((await till.ok<SessionView>('session.get')).staff).toBeNull();
    expect(station.audit.find((e) => e.action === 'staff.setIdleLock')?.detail).toEqual({ from: 5, to: 30 });
  });

  it('switching cashier: the second sign-in on a till ends the first one’s session', async () => {
    station = await startStaffStation();
    const [jan, mia] = await cashiers('Jan', 'Mia');
    const till = station.browser(MANAGER_TILL);
    await till.ok('session.signIn', { staffId: jan?.id, secret: '4820' });
    const janToken = till.token;
    const view = await till.ok<SessionView>('session.signIn', { staffId: mia?.id, secret: '4821' });
    expect(view.staff?.name).toBe('Mia');
    expect(till.token).not.toBe(janToken);
    expect(await station.staff.sessions.resolve(janToken ?? '')).toBeNull();
    const rows = await station.db.read((q) => q.select().from(sessions));
    expect(rows.map((s) => [s.staffId, s.endedReason])).toEqual([
      [jan?.id, 'switched'],
      [mia?.id, null],
    ]);
  });

  it('signing out ends exactly that session and clears the cookie', async () => {
    station = await startStaffStation();
    const [jan] = await cashiers('Jan');
    const till = station.browser(MANAGER_TILL);
    await till.ok('session.signIn', { staffId: jan?.id, secret: '4820' });
    const token = till.token ?? '';
    const after = await till.ok<SessionView>('session.signOut');
    expect(after.staff).toBeNull();
    expect(till.token).toBeUndefined();
    expect(await station.staff.sessions.resolve(token)).toBeNull();
    const [row] = await station.db.read((q) =>
      q
        .select()
        .from(sessions)
        .where(eq(sessions.staffId, jan?.id ?? '')),
    );
    expect(row?.endedReason).toBe('signed-out');
  });

  it('a session counts only on its own device', async () => {
    station = await startStaffStation();
    const [jan] = await cashiers('Jan');
    const till = station.browser(MANAGER_TILL);
    await till.ok('session.signIn', { staffId: jan?.id, secret: '4820' });
    const elsewhere = station.browser({ ...MANAGER_TILL, id: 'till-b', name: 'Till B' });
    elsewhere.token = till.token;
    expect((await elsewhere.ok<SessionView>('session.get')).staff).toBeNull();
  });

  it('a restart keeps sessions, locks and the idle rule', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    await window.ok('staff.setIdleLock', { minutes: 15 });
    const [jan, mia] = await cashiers('Jan', 'Mia');
    const till = station.browser(MANAGER_TILL);
    await till.ok('session.signIn', { staffId: jan?.id, secret: '4820' });
    const other = station.browser({ ...MANAGER_TILL, id: 'till-b', name: 'Till B' });
    for (let i = 0; i < 5; i += 1) await other.call('session.signIn', { staffId: mia?.id, secret: '0000' });
    const lockedUntil = station.clock.now + 30_000;

    await station.restart();

    expect((await till.ok<SessionView>('session.get')).staff?.name).toBe('Jan');
    expect(await other.call('session.signIn', { staffId: mia?.id, secret: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', lockedUntil },
    });
    station.clock.now += 14 * MINUTE;
    expect((await till.ok<SessionView>('session.get')).idleLockMinutes).toBe(15);
    await station.restart();
    station.clock.now += 15 * MINUTE + 1;
    expect((await till.ok<SessionView>('session.get')).staff).toBeNull();
  });
});
