import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSession } from '../staff/session-context';
import { markUnlinked } from './device-unlinked';

/**
 * *Unlink this device*, for the header of a linked till, bar or display (never the station's own
 * window): asks once, then ends this device's access at once and shows that it is unlinked.
 */
export function UnlinkDeviceButton() {
  const { t } = useTranslation();
  const device = useSession()?.view?.device;
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  if (!device || device.kind === 'station') return null;

  async function unlink() {
    const result = await call('devices.unlinkSelf', {});
    // Already unlinked or revoked elsewhere: the outcome the person wanted.
    if (result.ok || result.error.code === 'DEVICE_REVOKED') return markUnlinked();
    setAsking(false);
    setError(result.error);
  }

  return (
    <div className="unlink-device">
      <button type="button" className="button button-small session-button" onClick={() => setAsking(true)}>
        {t('unlink.button')}
      </button>
      {error && <ErrorAlert error={error} />}
      {asking && (
        <div className="confirm-overlay">
          <div className="confirm-box" role="alertdialog" aria-labelledby="unlink-question">
            <p id="unlink-question">{t('unlink.confirm')}</p>
            <div className="form-actions">
              <button type="button" className="button button-danger" onClick={() => void unlink()}>
                {t('unlink.yes')}
              </button>
              <button type="button" className="button" onClick={() => setAsking(false)} autoFocus>
                {t('unlink.no')}
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
