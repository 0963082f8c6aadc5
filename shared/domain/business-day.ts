/**
 * Business days. Kassa is for Belgian merchants, so a day is a calendar day in Europe/Brussels; a day
 * is written `YYYY-MM-DD` at the edges and stored as the integer yyyymmdd (20261201), which sorts the
 * same and keeps the report indexes small.
 */
export const STATION_TIME_ZONE = 'Europe/Brussels';

export type DayNumber = number;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-12-01` → 20261201, or null for anything that is not a real calendar date. */
export function parseDay(text: string): DayNumber | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return year * 10_000 + month * 100 + day;
}

export function formatDay(day: DayNumber): string {
  const year = Math.floor(day / 10_000);
  const month = Math.floor(day / 100) % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;
}

function toUtcDate(day: DayNumber): Date {
  return new Date(Date.UTC(Math.floor(day / 10_000), (Math.floor(day / 100) % 100) - 1, day % 100));
}

function fromUtcDate(date: Date): DayNumber {
  return date.getUTCFullYear() * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
}

export function addDays(day: DayNumber, days: number): DayNumber {
  const date = toUtcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtcDate(date);
}

/** The Monday of the (ISO) week that holds `day`. */
export function weekStart(day: DayNumber): DayNumber {
  const weekday = (toUtcDate(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export const monthStart = (day: DayNumber): DayNumber => Math.floor(day / 100) * 100 + 1;
export const yearStart = (day: DayNumber): DayNumber => Math.floor(day / 10_000) * 10_000 + 101;

export interface LocalTime {
  day: DayNumber;
  hour: number;
}

const HOUR_MS = 3_600_000;
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: STATION_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});
// Brussels is a whole number of hours from UTC, so the local day and hour are the same for a whole
// UTC hour: one Intl call per hour instead of one per row when a million rows are rebuilt.
const cache = new Map<number, LocalTime>();

/** The Brussels calendar day and hour (0–23) of an instant. */
export function localTime(ms: number): LocalTime {
  const bucket = Math.floor(ms / HOUR_MS);
  const hit = cache.get(bucket);
  if (hit) return hit;
  const parts = formatter.formatToParts(new Date(bucket * HOUR_MS));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const value = { day: part('year') * 10_000 + part('month') * 100 + part('day'), hour: part('hour') };
  if (cache.size > 100_000) cache.clear();
  cache.set(bucket, value);
  return value;
}

/** Brussels wall-clock time, `YYYY-MM-DD HH:MM:SS`, as printed on reports. */
export function formatLocalDateTime(ms: number): string {
  const { day, hour } = localTime(ms);
  // Brussels is a whole number of hours from UTC: minutes and seconds are UTC's.
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${formatDay(day)} ${two(hour)}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}
