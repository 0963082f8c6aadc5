import type { Locale } from '../../../shared/domain/money';
import { STATION_TIME_ZONE } from '../../../shared/domain/business-day';
import { intlLocale } from '.';

/**
 * A formatter of instants in the station's time zone (Europe/Brussels), whatever zone the machine or
 * tablet showing the screen is set to: the receipts, the X and Z PDFs and the business day are all in
 * Brussels time, so a screen that followed the machine would disagree with them by hours.
 */
export function stationTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: STATION_TIME_ZONE });
}

const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: STATION_TIME_ZONE, dateStyle: 'short' });

/** Whether two instants fall on the same Brussels calendar day. */
export function sameStationDay(a: Date, b: Date): boolean {
  return dayKey.format(a) === dayKey.format(b);
}
