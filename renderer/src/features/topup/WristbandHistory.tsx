import { useTranslation } from 'react-i18next';
import type { WristbandView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import { formatMoment } from '../till/format-time';

export function WristbandHistory({ wristband }: { wristband: WristbandView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (wristband.entries.length === 0) return <p className="muted">{t('topup.wristband.noHistory')}</p>;
  return (
    <table className="wristband-history" aria-label={t('topup.wristband.history')}>
      <thead>
        <tr>
          <th scope="col">{t('topup.wristband.when')}</th>
          <th scope="col">{t('topup.wristband.what')}</th>
          <th scope="col">{t('topup.wristband.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {wristband.entries.map((entry, index) => (
          <tr key={`${entry.at}-${index}`} data-kind={entry.kind}>
            <td>{formatMoment(entry.at, locale, { seconds: true })}</td>
            <td>
              {t(`topup.wristband.kinds.${entry.kind}`)}
              {entry.payerName ? ` · ${entry.payerName}` : ''}
            </td>
            <td className="numeric">{formatMoney(entry.amountCents, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
