import type { Locale } from '../../../../shared/domain/money';
import { intlLocale } from '../../i18n';
import { stationTimeFormat } from '../../i18n/station-time';

/** A business day (`YYYY-MM-DD`, a Brussels calendar day) as the reader's calendar writes it. */
export function formatDay(day: string, locale: Locale): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  // The day is a calendar date, not an instant: format it in UTC so no time zone can shift it.
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** Date and time of an instant, in the reader's language and Brussels time, as the PDFs print it. */
export function formatInstant(iso: string, locale: Locale): string {
  return stationTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function formatCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(count);
}
