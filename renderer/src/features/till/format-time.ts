import type { Locale } from '../../../../shared/domain/money';
import { sameStationDay, stationTimeFormat } from '../../i18n/station-time';

/** Today's moments show the time only; older ones the date too. */
export function formatMoment(
  iso: string,
  locale: Locale,
  { seconds = false, now = new Date() }: { seconds?: boolean; now?: Date } = {},
): string {
  const at = new Date(iso);
  const timeStyle = seconds ? 'medium' : 'short';
  // Brussels time, the day included, as on receipts and reports, whatever the machine's zone.
  const options: Intl.DateTimeFormatOptions = sameStationDay(at, now)
    ? { timeStyle }
    : { dateStyle: 'short', timeStyle };
  return stationTimeFormat(locale, options).format(at);
}
