import { formatMoney, type Locale } from '../../../shared/domain/money';
import type { TopupAmountMode } from '../../../shared/domain/topup';

/** What an open code says where a fixed one prints its amount: the payer types it. */
const YOUR_AMOUNT: Record<Locale, string> = { en: 'your amount', nl: 'uw bedrag', fr: 'votre montant' };

/** The amount line printed on every code of a batch, in the organiser's language. */
export function amountText(mode: TopupAmountMode, amountCents: number | null, locale: Locale): string {
  if (mode === 'open' || amountCents === null) return YOUR_AMOUNT[locale];
  return formatMoney(amountCents, locale);
}
