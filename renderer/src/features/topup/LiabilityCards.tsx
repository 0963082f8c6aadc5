import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiabilityView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { useLocale } from '../../i18n';

const FIGURES = [
  'toppedUpCents',
  'spentCents',
  'refundedCents',
  'outstandingCents',
  'awaitingAttentionCents',
] as const;

/** What the organiser owes the festival-goers at this moment, kept current as wristbands change. */
export function LiabilityCards() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [liability, setLiability] = useState<LiabilityView | null>(null);
  const load = useCallback(() => {
    void call('topup.getLiability', {}).then((result) => result.ok && setLiability(result.value));
  }, []);
  useEffect(load, [load]);
  useStationEvents((event) => event.name === 'wristbands.changed' && load(), load);
  if (!liability) return null;
  return (
    <section className="topup-section liability" aria-labelledby="liability-title">
      <h2 id="liability-title">{t('topup.liability.title')}</h2>
      <dl className="cards">
        {FIGURES.map((figure) => (
          <div className="card" key={figure} data-testid={`liability-${figure}`}>
            <dt>{t(`topup.liability.${figure}`)}</dt>
            <dd>{formatMoney(liability[figure], locale)}</dd>
          </div>
        ))}
        <div className="card">
          <dt>{t('topup.liability.wristbandsWithBalance')}</dt>
          <dd>
            {liability.wristbandsWithBalance} / {liability.wristbands}
          </dd>
        </div>
      </dl>
    </section>
  );
}
