import { describe, expect, it } from 'vitest';
import { combine } from '../../electron/core/api/combine';

describe('combine: the domains’ handler slices merged into one map', () => {
  it('keeps every slice’s handlers, each answering as its own slice does', () => {
    const merged = combine(
      { 'till.getSale': () => 'sale' },
      { 'reports.getX': () => 'x', 'drawer.get': () => 'd' },
    );
    expect(Object.keys(merged).sort()).toEqual(['drawer.get', 'reports.getX', 'till.getSale']);
    expect([merged['till.getSale'](), merged['reports.getX'](), merged['drawer.get']()]).toEqual([
      'sale',
      'x',
      'd',
    ]);
  });

  it('throws on a method name two slices answer, naming it, instead of letting the later one win', () => {
    const till = { 'till.payCash': () => 'till' };
    const reports = { 'reports.getX': () => 'x', 'till.payCash': () => 'reports' };
    expect(() => combine(till, reports)).toThrow(/Two handlers answer till\.payCash/);
  });

  it('merges no slices into an empty map', () => {
    expect(combine()).toEqual({});
  });
});
