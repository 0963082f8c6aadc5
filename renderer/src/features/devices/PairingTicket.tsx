import { useTranslation } from 'react-i18next';
import type { PairingView } from '../../../../shared/contract/device-views';
import { QrCode } from '../../components/QrCode';
import { minutesSeconds, useSecondsLeft } from './use-countdown';

interface Props {
  pairing: PairingView;
  onClose: () => void;
  now?: () => number;
}

/**
 * What the device must open: the QR code of the link, the link itself, and the certificate's
 * fingerprint for the person holding the device to compare. The code works once, for a few minutes.
 */
export function PairingTicket({ pairing, onClose, now }: Props) {
  const { t } = useTranslation();
  const left = useSecondsLeft(pairing.expiresAt, now);
  const expired = left === 0;
  return (
    <div className="pairing-ticket" data-testid="pairing-ticket">
      <h3>{t('devices.ticketTitle')}</h3>
      {expired ? (
        <p className="alert" role="alert">
          {t('devices.expired')}
        </p>
      ) : (
        <>
          <p>{t('devices.scanOrOpen')}</p>
          <div className="pairing-ticket-body">
            <div className="qr-frame">
              <QrCode value={pairing.link} size={240} label={t('devices.qrLabel')} />
            </div>
            <dl className="pairing-facts">
              <dt>{t('devices.link')}</dt>
              <dd className="pairing-link" data-testid="pairing-link">
                {pairing.link}
              </dd>
              <dt>{t('devices.fingerprint')}</dt>
              <dd className="fingerprint" data-testid="pairing-fingerprint">
                {pairing.fingerprint}
              </dd>
            </dl>
          </div>
          <p className="muted">{t('devices.fingerprintHint')}</p>
          <p className="pairing-countdown" role="timer" aria-live="off" data-testid="pairing-countdown">
            {t('devices.expiresIn', { time: minutesSeconds(left) })}
          </p>
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('devices.close')}
        </button>
      </div>
    </div>
  );
}
