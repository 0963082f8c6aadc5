import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView, StaffView } from '../../shared/contract';
import {
  DISPLAY,
  EMPLOYEE_BAR,
  GOOD_PASSWORD,
  MANAGER_TILL,
  STATION_WINDOW,
  startStaffStation,
  type StaffStation,
} from './staff-fixture';
import { expectNoSecret } from '../support/no-secret';

let station: StaffStation;
afterEach(() => station.close());

async function withCashier(name = 'Jan', pin = '4821'): Promise<StaffView> {
  const admin = station.browser(STATION_WINDOW);
  return admin.ok<StaffView>('staff.create', { name, locale: 'nl', role: 'cashier', secret: pin });
}

describe('signing in', () => {
  it('a new cashier is pending until the first good sign-in, then active, and the till shows them', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const jan = await withCashier();
    expect(jan).toMatchObject({
      name: 'Jan',
      role: 'cashier',
      status: 'pending',
      usesPin: true,
      lockedUntil: null,
    });

    const till = station.browser(MANAGER_TILL);
    const before = await till.ok<SessionView>('session.get');
    expect(before.staff).toBeNull();
    expect(before.people.map((p) => p.name)).toEqual(['Jan']);

    const after = await till.ok<SessionView>('session.signIn', { staffId: jan.id, secret: '4821' });
    expect(after.staff).toMatchObject({ id: jan.id, name: 'Jan', role: 'cashier', locale: 'nl' });
    expect(till.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token leaves only through the cookie sink: never in the answer, never in the audit log.
    expect(JSON.stringify(after)).not.toContain(till.token);
    expect(JSON.stringify(station.audit)).not.toContain(till.token);
    expectNoSecret(station.audit, '4821');
    expect((await till.ok<SessionView>('session.get')).staff?.id).toBe(jan.id);

    const listed = await window.ok<StaffView[]>('staff.list');
    expect(listed.find((p) => p.id === jan.id)).toMatchObject({ status: 'active' });
    expect(station.audit.filter((e) => e.action === 'staff.signIn').map((e) => e.outcome)).toEqual(['ok']);
  });

  it('a PIN that breaks the rule is refused, audited, and creates nobody', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const refused = await window.call('staff.create', {
      name: 'Jan',
      locale: 'nl',
      role: 'cashier',
      secret: '12',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_PIN' } });
    const weak = await window.call('staff.create', {
      name: 'Mia',
      locale: 'fr',
      role: 'manager',
      secret: 'password',
    });
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });
    expect((await window.ok<StaffView[]>('staff.list')).map((p) => p.name)).toEqual([
      'Training administrator',
    ]);
    expect(station.audit.filter((e) => e.outcome === 'refused').map((e) => [e.action, e.detail])).toEqual([
      ['staff.create', { code: 'INVALID_PIN' }],
      ['staff.create', { code: 'WEAK_PASSWORD' }],
    ]);
  });

  it('five wrong PINs lock the person for 30 s, then 60 s; the lock is shown and tries while locked change nothing', async () => {
    station = await startStaffStation();
    const jan = await withCashier();
    const till = station.browser(MANAGER_TILL);
    const wrong = () => till.call('session.signIn', { staffId: jan.id, secret: '0000' });

    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await wrong());
    expect(answers.map((a) => !a.ok && a.error.attemptsLeft)).toEqual([4, 3, 2, 1]);
    const firstLockUntil = station.clock.now + 30_000;
    expect(await wrong()).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', lockedUntil: firstLockUntil },
    });

    // Shown, not hidden: in the administrator's list and on the sign-in screen.
    const list = await station.browser(STATION_WINDOW).ok<StaffView[]>('staff.list');
    expect(list.find((p) => p.id === jan.id)?.lockedUntil).toBe(firstLockUntil);
    const screen = await till.ok<SessionView>('session.get');
    expect(screen.people.find((p) => p.id === jan.id)?.lockedUntil).toBe(firstLockUntil);

    // Even the right PIN, while locked, answers the same lock and moves nothing.
    station.clock.now += 29_000;
    expect(await till.call('session.signIn', { staffId: jan.id, secret: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', lockedUntil: firstLockUntil },
    });
    expect(till.token).toBeUndefined();

    station.clock.now += 1_000;
    for (let i = 0; i < 4; i += 1) await wrong();
    expect(await wrong()).toMatchObject({
      ok: false,
      error: { code: 'STAFF_LOCKED', lockedUntil: station.clock.now + 60_000 },
    });
    expect(station.audit.filter((e) => e.action === 'staff.locked')).toHaveLength(2);
  });

  it('a good sign-in resets the count: the next lock is 30 s again', async () => {
    station = await startStaffStation();
    const jan = await withCashier();
    const till = station.browser(MANAGER_TILL);
    for (let i = 0; i < 5; i += 1) await till.call('session.signIn', { staffId: jan.id, secret: '0000' });
    station.clock.now += 30_000;
    await till.ok('session.signIn', { staffId: jan.id, secret: '4821' });
    const answers = [];
    for (let i = 0; i < 5; i += 1)
      answers.push(await till.call('session.signIn', { staffId: jan.id, secret: '0000' }));
    expect(answers[0]).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET', attemptsLeft: 4 } });
    expect(answers[4]).toMatchObject({ ok: false, error: { lockedUntil: station.clock.now + 30_000 } });
  });

  it('a blocked person is refused even with the right PIN, and their open session ends at once', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const jan = await withCashier();
    const till = station.browser(MANAGER_TILL);
    await till.ok('session.signIn', { staffId: jan.id, secret: '4821' });
    expect((await till.ok<SessionView>('session.get')).staff?.id).toBe(jan.id);

    const blocked = await window.ok<StaffView>('staff.block', { staffId: jan.id });
    expect(blocked.status).toBe('blocked');
    expect((await till.ok<SessionView>('session.get')).staff).toBeNull();
    expect(await till.call('session.signOut')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    expect(await till.call('session.signIn', { staffId: jan.id, secret: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_BLOCKED' },
    });
    expect((await till.ok<SessionView>('session.get')).people).toEqual([]);
    expect(station.audit.filter((e) => e.outcome === 'refused').map((e) => e.detail)).toContainEqual({
      code: 'STAFF_BLOCKED',
    });

    await window.ok('staff.reactivate', { staffId: jan.id });
    expect(
      (await till.ok<SessionView>('session.signIn', { staffId: jan.id, secret: '4821' })).staff?.id,
    ).toBe(jan.id);
  });

  it('an unknown person gets the same WRONG_SECRET, without a count', async () => {
    station = await startStaffStation();
    const till = station.browser(MANAGER_TILL);
    const answer = await till.call('session.signIn', { staffId: 'nobody', secret: '4821' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET' } });
    expect(!answer.ok && answer.error.attemptsLeft).toBeUndefined();
  });

  it('an Employee bar lists who can sell there; a customer display lists nobody and signs nobody in', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    await withCashier();
    const finance = await window.ok<StaffView>('staff.create', {
      name: 'Fien',
      locale: 'nl',
      role: 'financial',
      secret: GOOD_PASSWORD,
    });
    const bar = station.browser(EMPLOYEE_BAR);
    expect((await bar.ok<SessionView>('session.get')).people.map((p) => p.name)).toEqual(['Jan']);
    expect(await bar.call('session.signIn', { staffId: finance.id, secret: GOOD_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const onTill = await station.browser(MANAGER_TILL).ok<SessionView>('session.get');
    expect(onTill.people.map((p) => [p.name, p.usesPin])).toEqual([
      ['Fien', false],
      ['Jan', true],
    ]);

    const display = station.browser(DISPLAY);
    const shown = await display.ok<SessionView>('session.get');
    expect(shown).toMatchObject({ display: true, staff: null, people: [] });
    const jan = onTill.people.find((p) => p.name === 'Jan');
    expect(await display.call('session.signIn', { staffId: jan?.id, secret: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('a cashier cannot manage staff; nobody without a session can', async () => {
    station = await startStaffStation();
    const jan = await withCashier();
    const till = station.browser(MANAGER_TILL);
    const create = { name: 'X', locale: 'en', role: 'administrator', secret: GOOD_PASSWORD };
    expect(await till.call('staff.create', create)).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    await till.ok('session.signIn', { staffId: jan.id, secret: '4821' });
    expect(await till.call('staff.create', create)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await till.call('staff.setIdleLock', { minutes: 240 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
