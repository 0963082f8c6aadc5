import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView, StaffView } from '../../shared/contract';
import {
  GOOD_PASSWORD,
  MANAGER_TILL,
  STATION_WINDOW,
  startStaffStation,
  type StaffStation,
} from './staff-fixture';

let station: StaffStation;
afterEach(() => station.close());

const ANN = { name: 'Ann', locale: 'fr', role: 'administrator', secret: GOOD_PASSWORD } as const;

async function codeOf(run: () => Promise<void>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'not a contract failure';
  }
}

describe('the training administrator', () => {
  it('signs a fresh training install in on its own window, and is gone for good once a real administrator signs in', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const fresh = await window.ok<SessionView>('session.get');
    expect(fresh.staff).toMatchObject({
      name: 'Training administrator',
      role: 'administrator',
      training: true,
    });
    expect(fresh.needsFirstAdministrator).toBe(false);
    // Only the station's own window: a linked till is nobody until someone signs in.
    expect((await station.browser(MANAGER_TILL).ok<SessionView>('session.get')).staff).toBeNull();

    const ann = await window.ok<StaffView>('staff.create', ANN);
    // A pending administrator whose password nobody has proved yet does not replace it.
    expect((await window.ok<SessionView>('session.get')).staff?.training).toBe(true);

    const signedIn = await window.ok<SessionView>('session.signIn', {
      staffId: ann.id,
      secret: GOOD_PASSWORD,
    });
    expect(signedIn.staff).toMatchObject({ name: 'Ann', training: false });
    await window.ok('session.signOut');
    expect((await window.ok<SessionView>('session.get')).staff).toBeNull();
    const everyone = await window.call('staff.list', { includeDeleted: true });
    expect(everyone).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    await window.ok('session.signIn', { staffId: ann.id, secret: GOOD_PASSWORD });
    const list = await window.ok<StaffView[]>('staff.list', { includeDeleted: true });
    expect(list.find((p) => p.training)?.status).toBe('deleted');
    expect(await station.staff.training.ensure()).toBeNull();
    const tries = await window.call('session.signIn', {
      staffId: 'training-administrator',
      secret: GOOD_PASSWORD,
    });
    expect(tries).toMatchObject({ ok: false, error: { code: 'WRONG_SECRET' } });
    expect(station.audit.map((e) => e.action)).toContain('staff.trainingAdministratorRetired');
  });

  it('is never the one who goes live: that needs a real administrator signed in', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const asTraining = station.staff.administration;
    const trainingCaller = {
      staff: { id: 'training-administrator', name: 'T', role: 'administrator' as const },
    };
    expect(await codeOf(() => asTraining.assertMayGoLive(trainingCaller as never))).toBe(
      'ADMINISTRATOR_REQUIRED',
    );
    const ann = await window.ok<StaffView>('staff.create', ANN);
    const annCaller = { staff: { id: ann.id, name: ann.name, role: ann.role } };
    expect(await codeOf(() => asTraining.assertMayGoLive(annCaller as never))).toBe('ADMINISTRATOR_REQUIRED');
    await window.ok('session.signIn', { staffId: ann.id, secret: GOOD_PASSWORD });
    expect(await codeOf(() => asTraining.assertMayGoLive(annCaller as never))).toBeNull();
  });
});

describe('a live station without an administrator', () => {
  it('asks for the first administrator on its own window only, once', async () => {
    station = await startStaffStation({ live: true });
    const window = station.browser(STATION_WINDOW);
    const first = await window.ok<SessionView>('session.get');
    expect(first).toMatchObject({ staff: null, needsFirstAdministrator: true });
    expect(await window.call('staff.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    const input = { name: 'Ann', locale: 'nl', password: GOOD_PASSWORD };
    const fromTill = await station.browser(MANAGER_TILL).call('session.createFirstAdministrator', input);
    expect(fromTill).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const weak = await window.call('session.createFirstAdministrator', { ...input, password: 'kassa' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSWORD' } });

    const created = await window.ok<SessionView>('session.createFirstAdministrator', input);
    expect(created).toMatchObject({
      staff: { name: 'Ann', role: 'administrator' },
      needsFirstAdministrator: false,
    });
    expect(window.token).toBeDefined();
    expect((await window.ok<StaffView[]>('staff.list')).map((p) => [p.name, p.status])).toEqual([
      ['Ann', 'active'],
    ]);
    const again = await station.browser(STATION_WINDOW).call('session.createFirstAdministrator', {
      ...input,
      name: 'Eve',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      station.audit.filter((e) => e.action === 'staff.createFirstAdministrator').map((e) => e.outcome),
    ).toEqual(['refused', 'refused', 'ok', 'refused']);
  });
});

describe('the last administrator', () => {
  it('cannot be blocked, deleted or demoted until another administrator has signed in', async () => {
    station = await startStaffStation({ live: true });
    const window = station.browser(STATION_WINDOW);
    const ann = await window.ok<SessionView>('session.createFirstAdministrator', {
      name: 'Ann',
      locale: 'nl',
      password: GOOD_PASSWORD,
    });
    const annId = ann.staff?.id;
    for (const [method, input] of [
      ['staff.block', { staffId: annId }],
      ['staff.delete', { staffId: annId }],
      ['staff.update', { staffId: annId, role: 'manager' }],
    ] as const)
      expect(await window.call(method, input)).toMatchObject({
        ok: false,
        error: { code: 'LAST_ADMINISTRATOR' },
      });

    const bob = await window.ok<StaffView>('staff.create', { ...ANN, name: 'Bob' });
    // Pending: his password is not proved yet, so Ann is still the last one.
    expect(await window.call('staff.block', { staffId: annId })).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR' },
    });
    const bobsWindow = station.browser({ ...MANAGER_TILL, id: 'office', name: 'Office' });
    await bobsWindow.ok('session.signIn', { staffId: bob.id, secret: GOOD_PASSWORD });
    expect((await window.ok<StaffView>('staff.block', { staffId: annId })).status).toBe('blocked');
    // Ann's own session ended with the block.
    expect((await window.ok<SessionView>('session.get')).staff).toBeNull();
    expect(await bobsWindow.call('staff.delete', { staffId: bob.id })).toMatchObject({
      ok: false,
      error: { code: 'LAST_ADMINISTRATOR' },
    });
  });
});

describe('changing a person', () => {
  it('a cashier made manager needs a password, and then the old PIN no longer works', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const jan = await window.ok<StaffView>('staff.create', {
      name: 'Jan',
      locale: 'nl',
      role: 'cashier',
      secret: '4821',
    });
    expect(await window.call('staff.update', { staffId: jan.id, role: 'manager' })).toMatchObject({
      ok: false,
      error: { code: 'WEAK_PASSWORD' },
    });
    expect((await window.ok<StaffView[]>('staff.list')).find((p) => p.id === jan.id)?.role).toBe('cashier');
    const manager = await window.ok<StaffView>('staff.update', {
      staffId: jan.id,
      role: 'manager',
      name: 'Jan Peeters',
      secret: GOOD_PASSWORD,
    });
    expect(manager).toMatchObject({ role: 'manager', name: 'Jan Peeters', usesPin: false });
    const till = station.browser(MANAGER_TILL);
    expect(await till.call('session.signIn', { staffId: jan.id, secret: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_SECRET' },
    });
    expect(
      (await till.ok<SessionView>('session.signIn', { staffId: jan.id, secret: GOOD_PASSWORD })).staff?.role,
    ).toBe('manager');
    expect(station.audit.find((e) => e.action === 'staff.update' && e.outcome === 'ok')?.detail).toEqual({
      changed: ['name', 'role', 'secretHash'],
      role: { from: 'cashier', to: 'manager' },
    });
  });

  it('two people cannot share a name, deleted people leave the list, and a lock can be lifted early', async () => {
    station = await startStaffStation();
    const window = station.browser(STATION_WINDOW);
    const jan = await window.ok<StaffView>('staff.create', {
      name: 'Jan',
      locale: 'nl',
      role: 'cashier',
      secret: '4821',
    });
    const twin = await window.call('staff.create', {
      name: ' jan ',
      locale: 'nl',
      role: 'cashier',
      secret: '1234',
    });
    expect(twin).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const till = station.browser(MANAGER_TILL);
    for (let i = 0; i < 5; i += 1) await till.call('session.signIn', { staffId: jan.id, secret: '0000' });
    const unlocked = await window.ok<StaffView>('staff.unlock', { staffId: jan.id });
    expect(unlocked).toMatchObject({ lockedUntil: null, attemptsLeft: 5 });
    await till.ok('session.signIn', { staffId: jan.id, secret: '4821' });

    await window.ok('staff.delete', { staffId: jan.id });
    expect((await till.ok<SessionView>('session.get')).staff).toBeNull();
    expect((await window.ok<StaffView[]>('staff.list')).map((p) => p.name)).toEqual([
      'Training administrator',
    ]);
    expect(await window.call('staff.reactivate', { staffId: jan.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await till.call('session.signIn', { staffId: jan.id, secret: '4821' })).toMatchObject({
      ok: false,
      error: { code: 'STAFF_BLOCKED' },
    });
  });
});
