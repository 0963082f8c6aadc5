import type { Locale } from '../../../../shared/domain/money';
import { intlLocale } from '../../i18n';

/** Today's moments show the time only; older ones the date too. */
export function formatMoment(
  iso: string,
  locale: Locale,
  { seconds = false, now = new Date() }: { seconds?: boolean; now?: Date } = {},
): string {
  const at = new Date(iso);
  const timeStyle = seconds ? 'medium' : 'short';
  const sameDay = at.toDateString() === now.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay ? { timeStyle } : { dateStyle: 'short', timeStyle };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(at);
}
