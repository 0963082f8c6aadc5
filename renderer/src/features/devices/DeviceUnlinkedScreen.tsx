import { useTranslation } from 'react-i18next';
import { LocalLanguage } from './LocalLanguage';

/** All a device shows once its link ended: nothing it could still do, and how to link it again. */
export function DeviceUnlinkedScreen() {
  const { t } = useTranslation();
  return (
    <main className="pair-page device-unlinked" data-testid="device-unlinked">
      <div className="pair-head">
        <h1>{t('unlink.title')}</h1>
        <LocalLanguage />
      </div>
      <p className="alert" role="alert">
        {t('unlink.done')}
      </p>
      <p>{t('unlink.again')}</p>
    </main>
  );
}
