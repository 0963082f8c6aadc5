import { describe, expect, it } from 'vitest';
import { dayAfterClosing } from '../../electron/core/ledger/business-calendar';
import { contributions, type Booking } from '../../electron/core/ledger/booking';
import {
  addDays,
  formatDay,
  formatLocalDateTime,
  localTime,
  monthStart,
  parseDay,
  weekStart,
} from '../../shared/domain/business-day';
import { cashDue, splitVat } from '../../shared/domain/cash';

describe('business days', () => {
  it('reads and writes YYYY-MM-DD, refusing dates that do not exist', () => {
    expect(parseDay('2026-12-01')).toBe(20261201);
    expect(formatDay(20261201)).toBe('2026-12-01');
    expect(parseDay('2026-02-29')).toBeNull();
    expect(parseDay('2028-02-29')).toBe(20280229);
    expect(parseDay('1-12-2026')).toBeNull();
  });

  it('counts days across months and years and finds the Monday and the first of the month', () => {
    expect(addDays(20261231, 1)).toBe(20270101);
    expect(addDays(20260301, -1)).toBe(20260228);
    expect(weekStart(20261201)).toBe(20261130); // a Tuesday
    expect(weekStart(20261206)).toBe(20261130); // a Sunday
    expect(monthStart(20261215)).toBe(20261201);
  });

  it('uses Brussels time, summer and winter', () => {
    expect(localTime(Date.parse('2026-12-01T23:30:00Z'))).toEqual({ day: 20261202, hour: 0 });
    expect(localTime(Date.parse('2026-07-01T21:59:00Z'))).toEqual({ day: 20260701, hour: 23 });
    expect(localTime(Date.parse('2026-07-01T22:00:00Z'))).toEqual({ day: 20260702, hour: 0 });
    expect(formatLocalDateTime(Date.parse('2026-03-29T01:30:05Z'))).toBe('2026-03-29 03:30:05');
  });

  it('sends anything after the Z of a day to the day after it', () => {
    expect(dayAfterClosing(20261201, null)).toBe(20261201);
    expect(dayAfterClosing(20261201, 20261130)).toBe(20261201);
    expect(dayAfterClosing(20261201, 20261201)).toBe(20261202);
    expect(dayAfterClosing(20261201, 20261202)).toBe(20261203);
  });
});

describe('money in reports', () => {
  it('rounds cash to 5 cents, or not at all', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => cashDue(1000 + c, 5))).toEqual([
      1000, 1000, 1005, 1005, 1005, 1005, 1005, 1010, 1010,
    ]);
    expect(cashDue(1003, 1)).toBe(1003);
  });

  it('splits VAT out of a gross amount, to the cent', () => {
    expect(splitVat(12_100, 21)).toEqual({ netCents: 10_000, vatCents: 2_100 });
    expect(splitVat(5052, 21)).toEqual({ netCents: 4175, vatCents: 877 });
    expect(splitVat(1060, 6)).toEqual({ netCents: 1000, vatCents: 60 });
    expect(splitVat(999, 0)).toEqual({ netCents: 999, vatCents: 0 });
  });

  it('counts a failed payment but totals only a paid one', () => {
    const base: Booking = {
      source: 'p:1',
      method: 'bancontact_display',
      status: 'expired',
      paymentStatus: 'EXPIRED',
      businessDay: 20261201,
      createdAt: 0,
      bookedAt: Date.parse('2026-12-01T12:00:00Z'),
      amountCents: 500,
      roundingCents: 0,
      shopId: 'shop-1',
      tillId: 'till-1',
      cashierId: 'c',
      vatRate: 21,
      profileId: 'p',
      saleId: 's',
      paymentId: '1',
      bancontactId: null,
      wristbandId: null,
      counts: 1,
      vat: [],
    };
    expect(contributions({ ...base, status: 'pending' })).toEqual([]);
    expect(contributions(base)).toMatchObject([
      { delta: { expiredCount: 1, paidCount: 0, paidCents: 0 }, paid: null },
    ]);
    expect(contributions({ ...base, status: 'succeeded' })).toMatchObject([
      { delta: { paidCount: 1, paidCents: 500 }, paid: { hour: 13, count: 1, cents: 500 } },
    ]);
  });

  it('books a sale of several rates once, at its own rate, with each rate its part and its VAT', () => {
    const sale: Booking = {
      ...{ source: 'c:s', method: 'cash', status: 'succeeded', paymentStatus: null, businessDay: 20261201 },
      ...{ createdAt: 0, bookedAt: Date.parse('2026-12-01T12:00:00Z'), amountCents: 1_530, roundingCents: 0 },
      ...{ shopId: 'shop-1', tillId: 'till-1', cashierId: 'c', vatRate: 21, profileId: '', saleId: 's' },
      ...{ paymentId: null, bancontactId: null, wristbandId: null, counts: 1 },
      vat: [
        { vatRate: 21, grossCents: 1_000, vatCents: 174 },
        { vatRate: 6, grossCents: 530, vatCents: 30 },
      ],
    };
    const [own, other] = contributions({ ...sale, roundingCents: 2 });
    expect(own).toMatchObject({
      key: { vatRate: 21 },
      delta: { paidCount: 1, paidCents: 1_000, vatCents: 174, roundingCents: 2 },
      paid: { count: 1, cents: 1_000 },
    });
    expect(other).toMatchObject({
      key: { vatRate: 6 },
      delta: { paidCount: 0, paidCents: 530, vatCents: 30, roundingCents: 0 },
      paid: { count: 0, cents: 530 },
    });
  });

  it('counts a sale once, on the tender that completed it; a cancel’s give-back is no refund', () => {
    const tender: Booking = {
      ...{
        source: 'e:7',
        method: 'wristband',
        status: 'succeeded',
        paymentStatus: null,
        businessDay: 20261201,
      },
      ...{ createdAt: 0, bookedAt: Date.parse('2026-12-01T12:00:00Z'), amountCents: 1_000, roundingCents: 0 },
      ...{ shopId: 'shop-1', tillId: 'till-1', cashierId: 'c', vatRate: 21, profileId: '', saleId: 's' },
      ...{ paymentId: null, bancontactId: null, wristbandId: 'w', counts: 0, vat: [] },
    };
    expect(contributions(tender)).toMatchObject([
      { delta: { paidCount: 1, saleCount: 0, paidCents: 1_000 }, paid: { count: 1, saleCount: 0 } },
    ]);
    expect(contributions({ ...tender, counts: 1 })).toMatchObject([
      { delta: { paidCount: 1, saleCount: 1 }, paid: { count: 1, saleCount: 1, cents: 1_000 } },
    ]);
    const giveBack = { ...tender, source: 'r:1', amountCents: -1_000 };
    expect(contributions(giveBack)).toMatchObject([
      { delta: { paidCents: -1_000, refundCount: 0, refundCents: 0, saleCount: 0 } },
    ]);
    expect(contributions({ ...giveBack, counts: 1 })).toMatchObject([
      { delta: { paidCents: -1_000, refundCount: 1, refundCents: -1_000, saleCount: 0 } },
    ]);
  });
});
