import { addDays, localTime, parseDay, type DayNumber } from '../../../shared/domain/business-day';

const HOUR_MS = 3_600_000;

/** The instant a Brussels calendar day starts (midnight there: 22:00 or 23:00 UTC the day before). */
export function brusselsDayStart(day: DayNumber): number {
  const utcMidnight = Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100);
  // Brussels is one or two hours ahead of UTC; the earlier candidate that is already `day` is midnight.
  for (const hoursAhead of [2, 1, 0]) {
    const candidate = utcMidnight - hoursAhead * HOUR_MS;
    const local = localTime(candidate);
    if (local.day === day && local.hour === 0) return candidate;
  }
  return utcMidnight;
}

/** `from` and `to` (YYYY-MM-DD, both days included) as the ms range [fromMs, toMs). */
export function dayRangeMs(from?: string, to?: string): { fromMs?: number; toMs?: number } {
  const fromDay = from ? parseDay(from) : null;
  const toDay = to ? parseDay(to) : null;
  return {
    ...(fromDay === null ? {} : { fromMs: brusselsDayStart(fromDay) }),
    ...(toDay === null ? {} : { toMs: brusselsDayStart(addDays(toDay, 1)) }),
  };
}
