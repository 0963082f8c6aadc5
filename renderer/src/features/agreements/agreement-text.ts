import type { TFunction } from 'i18next';
import type { AgreementRowView } from '../../../../shared/contract';
import { formatMoney, type Locale } from '../../../../shared/domain/money';
import { stationTimeFormat } from '../../i18n/station-time';

/** Date and time in Brussels, as receipts and reports write it. */
export function formatAt(at: number | null, locale: Locale): string {
  return at === null ? '—' : stationTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(at);
}

/** "Every month", or for a top-up the balance below which it is charged. */
export function periodText(
  t: TFunction,
  agreement: AgreementRowView & { thresholdCents?: number | null },
  locale: Locale,
) {
  if (agreement.period) return t(`agreements.period.${agreement.period}`);
  const threshold = agreement.thresholdCents;
  return threshold ? t('agreements.whenLow', { threshold: formatMoney(threshold, locale) }) : '—';
}

/** "3 of 12", "3, until stopped", or for a top-up the charges so far. */
export function chargesText(t: TFunction, agreement: AgreementRowView): string {
  const n = agreement.chargesTaken;
  if (agreement.kind === 'auto_topup') return String(n);
  return agreement.chargeCount === null
    ? t('agreements.untilStopped', { n })
    : t('agreements.nOfN', { n, total: agreement.chargeCount });
}

/** The status, with who revoked a revoked one. */
export function statusText(t: TFunction, agreement: AgreementRowView): string {
  if (agreement.status === 'revoked' && agreement.revokedBy) {
    return t(`agreements.revokedBy.${agreement.revokedBy}`);
  }
  return t(`agreements.statusName.${agreement.status}`);
}
