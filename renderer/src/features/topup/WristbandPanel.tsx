import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, WristbandAutoTopupView, WristbandView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/domain/money';
import { call } from '../../api/client';
import { useStationEvents } from '../../api/use-station-events';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale } from '../../i18n';
import { WristbandActions } from './WristbandActions';
import { WristbandHistory } from './WristbandHistory';
import { TrainingTopUp } from './TrainingTopUp';
import { useStation } from '../../components/station-context';

/** Look a wristband up by typing or scanning it: its balance, its history, and what a manager can do. */
export function WristbandPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { mode } = useStation();
  const [text, setText] = useState('');
  const [wristband, setWristband] = useState<WristbandView | null>(null);
  const [error, setError] = useState<ContractError | null>(null);
  const lookUp = async (id: string) => {
    const result = await call('wristbands.get', { wristbandId: id });
    setError(result.ok ? null : result.error);
    setWristband(result.ok ? result.value : null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) void lookUp(text);
  };
  // After a lost stream (or a station that ended it to say events were missed) the shown wristband is read again.
  useStationEvents(
    (event) => {
      if (event.name === 'wristbands.changed' && event.payload.wristbandId === wristband?.id)
        void lookUp(wristband.id);
    },
    () => void (wristband && lookUp(wristband.id)),
  );
  return (
    <section className="topup-section" aria-labelledby="wristband-title">
      <h2 id="wristband-title">{t('topup.wristband.title')}</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <label htmlFor="wristband-lookup">{t('topup.wristband.lookup')}</label>
        <input
          id="wristband-lookup"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="button">
          {t('topup.wristband.show')}
        </button>
      </form>
      {error && <ErrorAlert error={error} />}
      {wristband && (
        <div className="wristband" data-wristband-id={wristband.id}>
          <p className="wristband-id">{wristband.id}</p>
          <p className="wristband-balance" data-testid="wristband-balance">
            {formatMoney(wristband.balanceCents, locale)}
          </p>
          <p>
            <span className={`badge wristband-${wristband.status}`}>
              {t(`topup.wristband.status.${wristband.status}`)}
            </span>{' '}
            {wristband.movedTo && t('topup.wristband.movedTo', { id: wristband.movedTo })}
          </p>
          {wristband.autoTopup && <AutoTopupLine rule={wristband.autoTopup} />}
          {mode === 'training' && wristband.status === 'active' && (
            <TrainingTopUp wristbandId={wristband.id} />
          )}
          <WristbandActions wristband={wristband} onChanged={setWristband} />
          <WristbandHistory wristband={wristband} />
        </div>
      )}
    </section>
  );
}

/** The wristband's automatic top-up: its rule, and whether it still charges. */
function AutoTopupLine({ rule }: { rule: WristbandAutoTopupView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const threshold = formatMoney(rule.thresholdCents, locale);
  const topup = formatMoney(rule.topupCents, locale);
  return (
    <p data-testid="wristband-auto-topup">
      {t('topup.wristband.autoTopup', { threshold, topup })}{' '}
      <span className="badge">{t(`agreements.statusName.${rule.status}`)}</span>
    </p>
  );
}
