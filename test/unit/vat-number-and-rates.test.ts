import { describe, expect, it } from 'vitest';
import { checkBelgianVatNumber, formatBelgianVatNumber } from '../../shared/domain/vat-number';
import {
  BELGIAN_VAT_RATES,
  overlappingRate,
  vatRatePeriodProblem,
  vatRatesInForce,
} from '../../shared/domain/vat-rates';

describe('a Belgian VAT number', () => {
  it('is kept as BE and ten digits, however it was written', () => {
    expect(checkBelgianVatNumber('BE 0202.239.951')).toEqual({ ok: true, vatNumber: 'BE0202239951' });
    expect(checkBelgianVatNumber('be0403-170-701')).toEqual({ ok: true, vatNumber: 'BE0403170701' });
    expect(checkBelgianVatNumber('0123456749')).toEqual({ ok: true, vatNumber: 'BE0123456749' });
    // The old nine-digit form gets its leading 0.
    expect(checkBelgianVatNumber('BE 417.497.106')).toEqual({ ok: true, vatNumber: 'BE0417497106' });
  });

  it('is refused when a digit is mistyped or two are swapped (mod 97)', () => {
    expect(checkBelgianVatNumber('BE0202239952')).toEqual({ ok: false, problem: 'check-digits' });
    expect(checkBelgianVatNumber('BE0202293951')).toEqual({ ok: false, problem: 'check-digits' });
  });

  it('is refused when it is not ten digits starting with 0 or 1', () => {
    for (const text of ['', 'BE', 'NL0202239951', 'BE2202239951', 'BE02022399511', 'BE02O2239951'])
      expect(checkBelgianVatNumber(text)).toEqual({ ok: false, problem: 'format' });
  });

  it('is printed in its usual groups', () => {
    expect(formatBelgianVatNumber('BE0202239951')).toBe('BE 0202.239.951');
  });
});

describe('VAT rates with dates', () => {
  it("lists today's Belgian rates by default, highest first", () => {
    expect(vatRatesInForce(BELGIAN_VAT_RATES, '2026-12-03')).toEqual([21, 12, 6, 0]);
  });

  it('applies a rate from its first day to its last day included', () => {
    const rates = [
      { rate: 21, from: '1970-01-01' },
      { rate: 6, from: '1970-01-01', until: '2026-12-31' },
      { rate: 9, from: '2027-01-01' },
    ];
    expect(vatRatesInForce(rates, '2026-12-31')).toEqual([21, 6]);
    expect(vatRatesInForce(rates, '2027-01-01')).toEqual([21, 9]);
    expect(vatRatesInForce(rates, '1969-12-31')).toEqual([]);
  });

  it('finds periods that are no dates, end before they start, or overlap for one rate', () => {
    expect(vatRatePeriodProblem({ rate: 6, from: '2026-02-30' })).toBe('from-not-a-date');
    expect(vatRatePeriodProblem({ rate: 6, from: '2026-01-01', until: '2025-12-31' })).toBe(
      'until-before-from',
    );
    expect(vatRatePeriodProblem({ rate: 6, from: '2026-01-01', until: '2026-01-01' })).toBeNull();
    const overlapping = [
      { rate: 6, from: '2020-01-01', until: '2026-06-30' },
      { rate: 6, from: '2026-06-30' },
    ];
    expect(overlappingRate(overlapping)).toBe(6);
    expect(
      overlappingRate([{ rate: 6, from: '2020-01-01', until: '2026-06-29' }, overlapping[1]!]),
    ).toBeNull();
  });
});
