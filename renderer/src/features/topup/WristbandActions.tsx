import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError, WristbandView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CodeExport } from './CodeExport';

/** Block a lost wristband, move its balance to a new one, or export its code again. */
export function WristbandActions({
  wristband,
  onChanged,
}: {
  wristband: WristbandView;
  onChanged: (w: WristbandView) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [confirming, setConfirming] = useState(false);
  const block = async () => {
    setConfirming(false);
    const result = await call('wristbands.block', { wristbandId: wristband.id });
    setError(result.ok ? null : result.error);
    if (result.ok) onChanged(result.value);
  };
  const move = async () => {
    const result = await call('wristbands.moveBalance', { fromId: wristband.id, toId: target });
    setError(result.ok ? null : result.error);
    if (result.ok) onChanged(result.value.from);
  };
  return (
    <div className="wristband-actions">
      {wristband.status === 'active' && !confirming && (
        <button type="button" className="button" onClick={() => setConfirming(true)}>
          {t('topup.wristband.block')}
        </button>
      )}
      {confirming && (
        <p role="alert">
          {t('topup.wristband.blockConfirm')}{' '}
          <button type="button" className="button button-danger" onClick={() => void block()}>
            {t('topup.wristband.blockYes')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('topup.wristband.blockNo')}
          </button>
        </p>
      )}
      {wristband.status !== 'closed' && wristband.balanceCents > 0 && (
        <div className="inline-form">
          <label htmlFor="move-to">{t('topup.wristband.moveTo')}</label>
          <input
            id="move-to"
            autoComplete="off"
            spellCheck={false}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
          <button
            type="button"
            className="button"
            disabled={target.trim() === ''}
            onClick={() => void move()}
          >
            {t('topup.wristband.move')}
          </button>
        </div>
      )}
      {error && <ErrorAlert error={error} />}
      <CodeExport wristbandId={wristband.id} />
    </div>
  );
}
