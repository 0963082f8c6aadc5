import { describe, expect, it } from 'vitest';
import { afterWrongTry, attemptsLeft, isLocked, lockDelayMs } from '../../electron/core/staff/lock-rule';
import { maySignInOn } from '../../electron/core/staff/sign-in';
import type { CallerDevice } from '../../electron/core/api/dispatcher';

describe('the lock after wrong tries', () => {
  it('lasts 30 s, then doubles per further lock, up to an hour', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 30].map(lockDelayMs)).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
  });

  it('comes on the fifth wrong try, and a run-out lock starts a fresh count of five', () => {
    let state = { failedAttempts: 0, lockCount: 0, lockedUntil: null as number | null };
    const left: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      state = afterWrongTry(state, 1000);
      left.push(attemptsLeft(state, 1000));
    }
    expect(left).toEqual([4, 3, 2, 1]);
    const fifth = afterWrongTry(state, 1000);
    expect(fifth).toMatchObject({ locked: true, lockedUntil: 31_000, lockCount: 1 });
    expect(isLocked(fifth, 30_999)).toBe(true);
    expect(isLocked(fifth, 31_000)).toBe(false);
    expect(attemptsLeft(fifth, 31_000)).toBe(5);
    const afterLock = afterWrongTry(fifth, 40_000);
    expect(afterLock).toMatchObject({ locked: false, failedAttempts: 1, lockCount: 1, lockedUntil: null });
  });
});

const device = (kind: CallerDevice['kind'], rights: CallerDevice['rights']): CallerDevice => ({
  id: `${kind}-${rights}`,
  name: kind,
  kind,
  rights,
  tillId: kind === 'station' ? null : 'till-1',
});

describe('who may sign in on a device', () => {
  it.each([
    ['station', 'manager', ['administrator', 'manager', 'financial', 'cashier']],
    ['till', 'manager', ['administrator', 'manager', 'financial', 'cashier']],
    ['till', 'employee', ['administrator', 'manager', 'cashier']],
    ['bar', 'employee', ['administrator', 'manager', 'cashier']],
    ['display', 'employee', []],
    ['display', 'manager', []],
  ] as const)('on a %s with %s rights: %j', (kind, rights, roles) => {
    const allowed = (['administrator', 'manager', 'financial', 'cashier'] as const).filter((role) =>
      maySignInOn(role, device(kind, rights)),
    );
    expect(allowed).toEqual(roles);
  });
});
