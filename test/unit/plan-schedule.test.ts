import { describe, expect, it } from 'vitest';
import { chargesDueBy, dueAtOfCharge } from '../../shared/domain/plan-schedule';

const iso = (at: number) => new Date(at).toISOString();

describe("a plan's due dates on the Brussels calendar", () => {
  it('counts months from the first charge, clamped to short months, at the same Brussels time', () => {
    const anchor = Date.parse('2027-01-31T17:00:00Z'); // 18:00 in Brussels (CET)
    const dates = [0, 1, 2, 3].map((n) => iso(dueAtOfCharge(anchor, 'month', n)));
    // 28 February, then back to the 31st in March, at 18:00 CEST (16:00 UTC) after the clocks moved.
    expect(dates).toEqual([
      '2027-01-31T17:00:00.000Z',
      '2027-02-28T17:00:00.000Z',
      '2027-03-31T16:00:00.000Z',
      '2027-04-30T16:00:00.000Z',
    ]);
  });

  it('keeps a weekly charge at its wall time across the change to summer time', () => {
    const anchor = Date.parse('2027-03-27T01:30:00Z'); // Saturday 02:30 in Brussels
    expect(iso(dueAtOfCharge(anchor, 'week', 1))).toBe('2027-04-03T00:30:00.000Z');
  });

  it('counts quarters and years', () => {
    const anchor = Date.parse('2028-02-29T11:00:00Z');
    expect(iso(dueAtOfCharge(anchor, 'quarter', 1))).toBe('2028-05-29T10:00:00.000Z');
    expect(iso(dueAtOfCharge(anchor, 'year', 1))).toBe('2029-02-28T11:00:00.000Z');
  });

  it('tells how many charges fell due by a moment, never more than the plan names', () => {
    const anchor = Date.parse('2027-01-31T17:00:00Z');
    const now = Date.parse('2027-04-30T16:00:00Z');
    expect(chargesDueBy(anchor, 'month', now, null)).toBe(4);
    expect(chargesDueBy(anchor, 'month', now - 1, null)).toBe(3);
    expect(chargesDueBy(anchor, 'month', now, 2)).toBe(2);
  });
});
