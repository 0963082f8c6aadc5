import type { Locale } from '../../../../shared/domain/money';
import { stationTimeFormat } from '../../i18n/station-time';

/** "14:32" (Brussels time) in the person's language: a lock lasts minutes, so the day never needs saying. */
export function formatClock(ms: number, locale: Locale): string {
  return stationTimeFormat(locale, { timeStyle: 'short' }).format(new Date(ms));
}

/** "4:05" or "1:02:03" left; never negative. */
export function formatLeft(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

export function isLocked(lockedUntil: number | null, now: number): lockedUntil is number {
  return lockedUntil !== null && lockedUntil > now;
}
