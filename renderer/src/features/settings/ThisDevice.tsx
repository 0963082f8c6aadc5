import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDeviceSound } from '../till/use-payment-sound';

/** Settings of the device in hand: the sound it plays when a payment it shows succeeds. */
export function ThisDevice() {
  const { t } = useTranslation();
  const { soundOn, change } = useDeviceSound();
  const [error, setError] = useState<ContractError | null>(null);
  return (
    <section className="settings-section" aria-labelledby="this-device-title">
      <h2 id="this-device-title">{t('deviceSound.title')}</h2>
      <label className="settings-toggle">
        <input
          type="checkbox"
          checked={soundOn === true}
          disabled={soundOn === null}
          onChange={(event) => void change(event.target.checked).then(setError)}
        />
        <span>{t('deviceSound.label')}</span>
      </label>
      <p className="muted">{t('deviceSound.hint')}</p>
      {error && <ErrorAlert error={error} />}
    </section>
  );
}
