import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n';
import type { Outcome } from './display-sale';

/** How the sale was paid: the change to hand back, what is left on the wristband, or Bancontact. */
export function CustomerOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, locale);
  if (outcome.tender === 'bancontact') {
    return (
      <p className="customer-tender" data-testid="customer-outcome" data-tender="bancontact">
        {t('customerOutcome.paidBancontact')}
      </p>
    );
  }
  const lines: Array<[label: string, cents: number | null, big: boolean]> =
    outcome.tender === 'cash'
      ? [
          [t('customerOutcome.tendered'), outcome.tenderedCents, false],
          [t('customerOutcome.change'), outcome.changeCents, true],
        ]
      : [[t('customerOutcome.balanceLeft'), outcome.balanceCents, true]];
  const known = lines.filter((line): line is [string, number, boolean] => line[1] !== null);
  return (
    <div className="customer-tender" data-testid="customer-outcome" data-tender={outcome.tender}>
      <p>{t(outcome.tender === 'cash' ? 'customerOutcome.paidCash' : 'customerOutcome.paidWristband')}</p>
      {known.length > 0 && (
        <dl className="customer-figures">
          {known.map(([label, cents, big]) => (
            <div key={label} className={big ? 'customer-figure customer-figure-big' : 'customer-figure'}>
              <dt>{label}</dt>
              <dd>{money(cents)}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
