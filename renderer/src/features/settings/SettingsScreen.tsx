import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { BackupsSection } from './BackupsSection';
import { RestoreChooser } from '../backups/RestoreChooser';
import { useStation } from '../../components/station-context';
import { GoLiveForm } from './GoLiveForm';
import { LiveSettings } from './LiveSettings';
import { PaymentUpdates } from './PaymentUpdates';
import { PrintersSection } from './PrintersSection';
import { ChargeRetrySection } from './ChargeRetrySection';
import { MailSection } from './MailSection';
import { PproSection } from './PproSection';
import { RefundsSection } from './RefundsSection';
import { RejectedCallbacks } from './RejectedCallbacks';
import { ThisTill } from './ThisTill';
import { ThisDevice } from './ThisDevice';
import { StationLanguage } from './StationLanguage';
import { allows } from '../../../../shared/domain/roles';
import { callerRights } from '../staff/session-rights';
import { useSession } from '../staff/session-context';
import { GksNotice } from '../sales-setup/GksNotice';
import { SalesSetupSection } from '../sales-setup/SalesSetupSection';
import { StickerSection } from '../stickers/StickerSection';

export function SettingsScreen() {
  const { t } = useTranslation();
  const rights = callerRights(useSession()?.view ?? null);
  // Whoever sells here sets this device's sound; the station's own settings are an administrator's.
  const administers = rights === null || allows(rights, 'administer');
  const sells = rights === null || allows(rights, 'sell');
  // A manager also looks into refused callbacks and unsent receipts here (the inbox links to them).
  const closes = rights === null || allows(rights, 'close');
  return (
    <main className="settings">
      <h1>{t('settings.title')}</h1>
      {administers ? (
        <StationSettings device={sells && <ThisDevice />} />
      ) : (
        <>
          {sells && <ThisDevice />}
          {closes && <RejectedCallbacks />}
          {closes && <MailSection />}
          {closes && <ChargeRetrySection editable={false} />}
        </>
      )}
    </main>
  );
}

/** An administrator's Settings: the mode first, then this device's sound beside the station's settings. */
function StationSettings({ device }: { device: ReactNode }) {
  const { t } = useTranslation();
  const { settings, mode, loadError } = useStation();
  return (
    <>
      {loadError && <ErrorAlert error={loadError} />}
      {mode && (
        <p className="settings-mode">
          {t('settings.mode')}:{' '}
          <strong className={`mode-${mode}`} data-testid="mode">
            {t(`settings.modes.${mode}`)}
          </strong>
        </p>
      )}
      {device}
      {settings?.mode === 'training' && <GoLiveForm initial={settings} />}
      {settings?.mode === 'live' && <LiveSettings settings={settings} />}
      {settings && <StationLanguage settings={settings} />}
      {settings && <PaymentUpdates settings={settings} />}
      {settings && <ThisTill settings={settings} />}
      {settings && <SalesSetupSection />}
      {settings && <PrintersSection />}
      {settings && <MailSection />}
      {settings && <ChargeRetrySection editable />}
      {settings && <PproSection />}
      {settings && <StickerSection settings={settings} />}
      {settings && <RefundsSection settings={settings} />}
      {settings && <RejectedCallbacks />}
      {settings && <BackupsSection />}
      {settings && <RestoreChooser />}
      {!settings && !loadError && <p className="muted">{t('app.loading')}</p>}
      <GksNotice />
    </>
  );
}
