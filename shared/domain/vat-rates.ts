import { parseDay } from './business-day';

/**
 * A VAT rate and the days it applies: from `from` to `until` included (`YYYY-MM-DD`, Brussels
 * days), or with no end yet. A rate the law changes gets an `until`, and the new rate its own `from`,
 * so sales of earlier days keep the rate they were made with.
 */
// A type, not an interface: a loose zod object (the setup file's) must be assignable to it.
export type VatRatePeriod = {
  rate: number;
  from: string;
  until?: string;
};

/** Belgium's rates today (21 standard, 12 and 6 reduced, 0), since long before any Kassa sale. */
export const BELGIAN_VAT_RATES: readonly VatRatePeriod[] = [
  { rate: 21, from: '1970-01-01' },
  { rate: 12, from: '1970-01-01' },
  { rate: 6, from: '1970-01-01' },
  { rate: 0, from: '1970-01-01' },
];

/** The rates that apply on `day` (`YYYY-MM-DD`), highest first, each once. */
export function vatRatesInForce(rates: readonly VatRatePeriod[], day: string): number[] {
  const inForce = rates.filter((period) => period.from <= day && (!period.until || day <= period.until));
  return [...new Set(inForce.map((period) => period.rate))].sort((a, b) => b - a);
}

/** Why a list of periods cannot be kept, or null: dates that are no dates, an end before a start. */
export function vatRatePeriodProblem(
  period: VatRatePeriod,
): 'from-not-a-date' | 'until-not-a-date' | 'until-before-from' | null {
  if (parseDay(period.from) === null) return 'from-not-a-date';
  if (period.until === undefined) return null;
  if (parseDay(period.until) === null) return 'until-not-a-date';
  return period.until < period.from ? 'until-before-from' : null;
}

/** Two periods of one rate that share a day would make that day's list ambiguous to edit. */
export function overlappingRate(rates: readonly VatRatePeriod[]): number | null {
  for (const [i, a] of rates.entries()) {
    for (const b of rates.slice(i + 1)) {
      if (a.rate !== b.rate) continue;
      const aEnd = a.until ?? '9999-12-31';
      const bEnd = b.until ?? '9999-12-31';
      if (a.from <= bEnd && b.from <= aEnd) return a.rate;
    }
  }
  return null;
}
