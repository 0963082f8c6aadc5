import type { TFunction } from 'i18next';
import type { InboxMessageView } from '../../../../shared/contract/inbox-methods';
import { formatMoney, type Locale } from '../../../../shared/domain/money';
import { intlLocale } from '../../i18n';

/** A business day as the person reads dates: "woensdag 14 januari 2026". */
function dayText(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));
}

/**
 * The text key of a message: a refund waiting for an IBAN reads otherwise than one that failed, a
 * receipt with no address or no mail server otherwise than one the server refused.
 */
function textKey(message: InboxMessageView): string {
  if (message.kind === 'receipt_mail_failed') {
    const reason = message.facts.reason;
    if (reason === 'no_email') return 'receipt_mail_no_email';
    if (reason === 'not_configured') return 'receipt_mail_not_configured';
    return message.kind;
  }
  if (message.kind !== 'refund_waiting') return message.kind;
  return message.facts.reason === 'REFUND_BY_IBAN' ? 'refund_waiting_iban' : 'refund_failed';
}

/** The message in the person's language, with its facts (amounts, days, names) in place. */
export function inboxText(t: TFunction, message: InboxMessageView, locale: Locale): string {
  const { facts } = message;
  return t(`inbox.kinds.${textKey(message)}`, {
    count: facts.count ?? 0,
    amount: facts.amountCents === undefined ? '' : formatMoney(facts.amountCents, locale),
    day: facts.day ? dayText(facts.day, locale) : '',
    name: facts.name ?? '',
    days: facts.days ?? 0,
    reason: facts.reason ?? '',
  });
}
