import { formatMoney, type Locale } from '../../../shared/domain/money';
import type { TopupAmountMode } from '../../../shared/domain/topup';

/** What an open code says where a fixed one prints its amount: the payer types it. */
const YOUR_AMOUNT: Record<Locale, string> = { en: 'your amount', nl: 'uw bedrag', fr: 'votre montant' };

/** The payer's instruction printed next to each code where the layout has room, in the batch's language. */
const SCAN_HINT: Record<Locale, string> = {
  en: 'Scan with your banking app to top up',
  nl: 'Scan met je bankapp om op te laden',
  fr: 'Scannez avec votre app bancaire pour recharger',
};

export function scanHintText(locale: Locale): string {
  return SCAN_HINT[locale];
}

/** The amount line printed on every code of a batch, in the organiser's language. */
export function amountText(mode: TopupAmountMode, amountCents: number | null, locale: Locale): string {
  if (mode === 'open' || amountCents === null) return YOUR_AMOUNT[locale];
  return formatMoney(amountCents, locale);
}
