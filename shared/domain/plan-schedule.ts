import { STATION_TIME_ZONE } from './business-day';
import type { PlanPeriod } from './recurring-plans';

/*
 * When a plan's charges fall due. Periods count from the first charge (the anchor) on the Brussels
 * calendar: a membership first paid on 31 January at 18:00 is due on 28 (or 29) February, 31 March,
 * 30 April … at 18:00 Brussels time, whatever the daylight-saving offset. Counting each due date from
 * the anchor, never from the previous one, keeps a short month from pulling every later date earlier.
 */

const MONTHS: Record<PlanPeriod, number> = { week: 0, month: 1, quarter: 3, year: 12 };

interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const wallFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: STATION_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

function wallTimeOf(at: number): WallTime {
  const parts = Object.fromEntries(wallFormat.formatToParts(at).map((p) => [p.type, Number(p.value)]));
  const { year, month, day, hour, minute, second } = parts as Record<string, number>;
  return { year, month, day, hour, minute, second, ms: ((at % 1000) + 1000) % 1000 } as WallTime;
}

/** The instant a Brussels wall time names (the later one when a clock change makes it ambiguous). */
function instantOf(wall: WallTime): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms);
  // Brussels is UTC+1 or UTC+2: try both offsets and keep the one that reads back as the wall time.
  for (const offsetHours of [1, 2]) {
    const at = asUtc - offsetHours * 3_600_000;
    const back = wallTimeOf(at);
    if (back.hour === wall.hour && back.day === wall.day) return at;
  }
  // The hour skipped when clocks go forward: take the same moment an hour on.
  return asUtc - 3_600_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * When charge number `index` of a plan falls due (0 is the first, paid at the till at `anchorAt`).
 */
export function dueAtOfCharge(anchorAt: number, period: PlanPeriod, index: number): number {
  if (index === 0) return anchorAt;
  const wall = wallTimeOf(anchorAt);
  if (period === 'week') {
    const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 7 * index));
    return instantOf({
      ...wall,
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    });
  }
  const monthIndex = wall.month - 1 + MONTHS[period] * index;
  const year = wall.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return instantOf({ ...wall, year, month, day: Math.min(wall.day, daysInMonth(year, month)) });
}

/** How many charges of a plan anchored at `anchorAt` have fallen due by `now`, the first included. */
export function chargesDueBy(
  anchorAt: number,
  period: PlanPeriod,
  now: number,
  chargeCount: number | null,
): number {
  let due = 0;
  const limit = chargeCount ?? Number.MAX_SAFE_INTEGER;
  while (due < limit && dueAtOfCharge(anchorAt, period, due) <= now) due += 1;
  return due;
}
