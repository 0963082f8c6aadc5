import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../../shared/contract';
import type { DeviceView } from '../../../../shared/contract/device-views';
import { call } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { navigate } from '../../routes';
import { LocalLanguage } from './LocalLanguage';
import { loadServedFingerprint } from './served-fingerprint';
import { TrustSteps } from './TrustSteps';

const PAIRING_CODE = /^[A-Za-z0-9_-]{16,128}$/;

/** The code travels in the fragment (`/pair#<code>`), which no server or proxy sees or logs. */
export function pairingCodeFrom(hash: string): string | null {
  const code = decodeURIComponent(hash.replace(/^#/, ''));
  return PAIRING_CODE.test(code) ? code : null;
}

/**
 * Opened on the device from the station's QR code: first the certificate's fingerprint to compare,
 * then *Link this device*, then what it was linked as and the way on. Works with nobody signed in.
 */
export function PairPage() {
  const { t } = useTranslation();
  const [code] = useState(() => pairingCodeFrom(window.location.hash));
  const [linked, setLinked] = useState<DeviceView | null>(null);
  return (
    <main className="pair-page">
      <div className="pair-head">
        <h1>{t('pair.title')}</h1>
        <LocalLanguage />
      </div>
      {linked ? (
        <Linked device={linked} />
      ) : code ? (
        <BeforeLinking code={code} onLinked={setLinked} />
      ) : (
        <NoCode />
      )}
    </main>
  );
}

function NoCode() {
  const { t } = useTranslation();
  return (
    <p className="alert" role="alert">
      {t('pair.noCode')}
    </p>
  );
}

function BeforeLinking({ code, onLinked }: { code: string; onLinked: (device: DeviceView) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ContractError | null>(null);
  const [busy, setBusy] = useState(false);

  async function link() {
    if (busy) return;
    setBusy(true);
    const result = await call('devices.pair', { code });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    // The code is spent: a reload must not offer it again.
    window.history.replaceState(null, '', window.location.pathname);
    onLinked(result.value);
  }

  return (
    <>
      <Fingerprint />
      <TrustSteps />
      {error && <ErrorAlert error={error} />}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-large"
          disabled={busy}
          onClick={() => void link()}
        >
          {t('pair.link')}
        </button>
      </div>
    </>
  );
}

function Fingerprint() {
  const { t } = useTranslation();
  const [fingerprint, setFingerprint] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void loadServedFingerprint().then(setFingerprint);
  }, []);
  return (
    <section className="pair-check" aria-labelledby="check-title">
      <h2 id="check-title">{t('pair.checkTitle')}</h2>
      {fingerprint === undefined && <p className="muted">{t('app.loading')}</p>}
      {fingerprint === null && <p className="alert">{t('pair.fingerprintUnknown')}</p>}
      {fingerprint && (
        <>
          <p>{t('pair.fingerprintIntro')}</p>
          <p className="fingerprint fingerprint-large" data-testid="served-fingerprint">
            {fingerprint}
          </p>
          <p>{t('pair.compare')}</p>
        </>
      )}
      <p className="muted">{t('pair.cannotRead')}</p>
    </section>
  );
}

function Linked({ device }: { device: DeviceView }) {
  const { t } = useTranslation();
  const rights = t(`devices.rightsOptions.${device.rights}`);
  const display = device.kind === 'display';
  return (
    <section className="pair-linked" aria-labelledby="linked-title">
      <h2 id="linked-title">{t('pair.linkedTitle')}</h2>
      <p className="ok" role="status" data-testid="linked-as">
        {device.tillId
          ? t('pair.linkedAs', { name: device.name, rights, till: device.tillId })
          : t('pair.linkedAsNoTill', { name: device.name, rights })}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary button-large"
          onClick={() => navigate(display ? 'customer' : 'till')}
        >
          {t(display ? 'pair.goDisplay' : 'pair.goTill')}
        </button>
      </div>
    </section>
  );
}
