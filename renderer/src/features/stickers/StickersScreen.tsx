import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useStation } from '../../components/station-context';
import { StickerSection } from './StickerSection';

/** The "QR codes" screen (the portal's page of that name): stickers for managers and administrators. */
export function StickersScreen() {
  const { t } = useTranslation();
  const { settings, loadError } = useStation();
  return (
    <main className="settings stickers-screen">
      <h1>{t('nav.stickers')}</h1>
      {loadError && <ErrorAlert error={loadError} />}
      {settings && <StickerSection settings={settings} />}
      {!settings && !loadError && <p className="muted">{t('app.loading')}</p>}
    </main>
  );
}
